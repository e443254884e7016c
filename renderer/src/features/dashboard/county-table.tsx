import type { CountyRow } from '../../../../shared/contract/dashboard.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The counties as a table: the numbers behind the map and the bars, and a way to filter that does
 * not need the canvas (keyboard, screen readers, end-to-end tests).
 */
export function CountyTable({
  rows,
  selected,
  locked,
  onSelect,
}: {
  rows: CountyRow[];
  selected: string | null;
  locked: boolean;
  onSelect: (code: string) => void;
}) {
  const { t, lang, formatNumber, formatPercent } = useI18n();
  return (
    <section className="dash-panel dash-counties" aria-labelledby="dash-counties-title">
      <h3 id="dash-counties-title">{t('dashboard.counties.title')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('dashboard.counties.county')}</th>
            <th className="num">{t('dashboard.counties.holders')}</th>
            <th className="num">{t('color.red')}</th>
            <th className="num">{t('color.yellow')}</th>
            <th className="num">{t('color.green')}</th>
            <th className="num">{t('dashboard.counties.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const name = countyName(r.countyCode, lang);
            const isSelected = r.countyCode === selected;
            return (
              <tr key={r.countyCode} className={isSelected ? 'dash-selected' : undefined} aria-selected={isSelected}>
                <td>
                  <button
                    type="button"
                    className="dash-county-button"
                    data-testid={`county-${r.countyCode}`}
                    aria-pressed={isSelected}
                    disabled={locked && !isSelected}
                    title={t('dashboard.counties.select', { county: name })}
                    onClick={() => onSelect(r.countyCode)}
                  >
                    {name}
                  </button>
                </td>
                <td className="num">{formatNumber(r.total)}</td>
                <td className="num dash-num-red">{formatNumber(r.red)}</td>
                <td className="num dash-num-yellow">{formatNumber(r.yellow)}</td>
                <td className="num dash-num-green">{formatNumber(r.green)}</td>
                <td className="num">{formatPercent(r.redYellowRate)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
