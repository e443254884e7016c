import { useEffect, useState } from 'react';
import type { MapCredit } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { registerCountyMap } from './echarts.ts';

/** The boundaries are fetched once per page (a failed load may be retried). */
let load: Promise<MapCredit> | null = null;

function loadCountyMap(): Promise<MapCredit> {
  load ??= api('dashboard.map', {}).then(
    (m) => {
      registerCountyMap(m.geojson);
      return m.credit;
    },
    (error: unknown) => {
      load = null;
      throw error;
    },
  );
  return load;
}

export interface CountyMapState {
  /** The source to credit once the map is registered; null while loading or after an error. */
  credit: MapCredit | null;
  error: unknown;
}

/** Loads and registers the county map (in parallel with the first summary: no waterfall). */
export function useCountyMap(): CountyMapState {
  const [state, setState] = useState<CountyMapState>({ credit: null, error: null });
  useEffect(() => {
    let live = true;
    loadCountyMap().then(
      (credit) => live && setState({ credit, error: null }),
      (error: unknown) => live && setState({ credit: null, error }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
