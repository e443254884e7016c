import type { CountyRow } from '../../../../shared/contract/dashboard.ts';
import type { Figure, FigureQuery } from '../../../../shared/contract/figures.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { exportFile } from '../../api/client.ts';
import { ExportButton } from '../../components/export-button.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FigureButton } from '../figures/figure-button.tsx';

/**
 * The counties as a table: the numbers behind the map and the bars, and a way to filter that does
 * not need the canvas (keyboard, screen readers, end-to-end tests). Each count opens the people
 * behind it; the city's total row closes the table (it counts people of an unknown county too, so
 * it can be more than the counties' sum). Exports as the dashboard shows it.
 */
export function CountyTable({
  rows,
  cityTotal,
  selected,
  locked,
  asOf,
  onSelect,
  onFigure,
}: {
  rows: CountyRow[];
  cityTotal: CountyRow | null;
  selected: string | null;
  locked: boolean;
  asOf: string;
  onSelect: (code: string) => void;
  onFigure?: (q: FigureQuery) => void;
}) {
  const { t, lang, formatPercent } = useI18n();
  const cells = (r: CountyRow, county: string | null) => {
    const figure = (f: Figure, n: number, className: string) => (
      <td className={`num ${className}`}>
        <FigureButton query={{ figure: f, county, asOf }} value={n} onOpen={onFigure} testId={`county-${county ?? 'total'}-${f}`} />
      </td>
    );
    return (
      <>
        {figure('holders', r.total, '')}
        {figure('red', r.red, 'dash-num-red')}
        {figure('yellow', r.yellow, 'dash-num-yellow')}
        {figure('green', r.green, 'dash-num-green')}
        <td className="num">{formatPercent(r.redYellowRate)}</td>
      </>
    );
  };
  return (
    <section className="dash-panel dash-counties" aria-labelledby="dash-counties-title">
      <div className="dash-panel-head">
        <h3 id="dash-counties-title">{t('dashboard.counties.title')}</h3>
        <ExportButton
          testId="counties-export"
          run={() =>
            exportFile('dashboard.export', { table: 'counties', asOf, county: null }, `${t('dashboard.counties.title')}-${asOf}.xlsx`)
          }
        />
      </div>
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
                {cells(r, r.countyCode)}
              </tr>
            );
          })}
        </tbody>
        {cityTotal ? (
          <tfoot>
            <tr className="dash-total-row" data-testid="county-total-row" title={t('dashboard.counties.totalNote')}>
              <th scope="row">{t('dashboard.counties.total')}</th>
              {cells(cityTotal, null)}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}
