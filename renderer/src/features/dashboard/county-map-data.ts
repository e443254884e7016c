import type { MapCredit } from '../../../../shared/contract/api.ts';
import { useApi } from '../../api/use-api.ts';
import { registerCountyMap } from './echarts.ts';

/** The boundaries are asked once per page: once registered, the map stays with ECharts (a failed load is asked again on the next visit). */
let registered: MapCredit | null = null;

export interface CountyMapState {
  /** The source to credit once the map is registered; null while loading or after an error. */
  credit: MapCredit | null;
  error: unknown;
}

/** Loads and registers the county map (in parallel with the first summary: no waterfall). */
export function useCountyMap(): CountyMapState {
  const map = useApi('dashboard.map', registered ? null : {}, [], {
    // Registered before the render that shows the map (the answer and this run in the same task).
    onAnswer(m) {
      registerCountyMap(m.geojson);
      registered = m.credit;
    },
  });
  return { credit: registered ?? null, error: registered ? null : map.error };
}
