import type { CountyRow } from '../../../../shared/contract/dashboard.ts';
import { countyLabel } from '../../../../shared/charts/index.ts';
import { bandLabel, bandOf, mapBands } from '../../../../shared/domain/map-bands.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The map's legend: the fixed bands (Settings) with their colours, each with the counties in it, so
 * the map reads without the colours too (and on a black-and-white print).
 */
export function MapLegend({ rows, thresholds }: { rows: readonly CountyRow[]; thresholds: readonly number[] }) {
  const { t, lang } = useI18n();
  const bands = mapBands(thresholds);
  const inBand = bands.map(() => [] as string[]);
  for (const r of rows) inBand[bandOf(r.redYellowRate, thresholds)]!.push(countyLabel(r.countyCode, r.countyName, lang));
  return (
    <div className="dash-legend" data-testid="map-legend" data-thresholds={thresholds.join(',')}>
      <p className="dash-legend-title">{t('dashboard.map.legend')}</p>
      <ul>
        {bands.map((b, i) => (
          <li key={i} data-testid={`map-band-${i}`} data-color={b.color} data-counties={inBand[i]!.length}>
            <span className="dash-legend-swatch" style={{ background: b.color }} aria-hidden="true" />
            <span className="dash-legend-range">{bandLabel(b)}</span>
            <span className="dash-legend-counties">
              {inBand[i]!.length > 0 ? inBand[i]!.join(lang === 'zh' ? '、' : ', ') : t('dashboard.map.legendNone')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
