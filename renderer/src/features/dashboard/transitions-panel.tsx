import type { TransitionCount } from '../../../../shared/contract/dashboard.ts';
import type { FigureQuery } from '../../../../shared/contract/figures.ts';
import { severity } from '../../../../shared/domain/rules/colors.ts';
import { exportFile } from '../../api/client.ts';
import { ColorBadge } from '../../components/color-badge.tsx';
import { ExportButton } from '../../components/export-button.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FigureButton } from '../figures/figure-button.tsx';

/**
 * The day's colour changes, worst destination first (to red, to yellow, to green), largest first;
 * each count opens the people who changed; the table exports as shown.
 */
export function TransitionsPanel({
  transitions,
  day,
  county,
  onFigure,
}: {
  transitions: TransitionCount[];
  day: string;
  county?: string | null;
  onFigure?: (q: FigureQuery) => void;
}) {
  const { t } = useI18n();
  const rows = [...transitions].sort((a, b) => severity(b.to) - severity(a.to) || b.n - a.n || severity(a.from) - severity(b.from));
  return (
    <section className="dash-panel dash-transitions" data-testid="transitions" aria-labelledby="dash-transitions-title">
      <div className="dash-panel-head">
        <h3 id="dash-transitions-title">{t('dashboard.transitions.title', { day })}</h3>
        <ExportButton
          testId="transitions-export"
          disabled={rows.length === 0}
          run={() =>
            exportFile(
              'dashboard.export',
              { table: 'transitions', asOf: day, county: county ?? null },
              `${t('dashboard.transitions.file')}-${day}.xlsx`,
            )
          }
        />
      </div>
      {rows.length === 0 ? (
        <p className="dash-empty">{t('dashboard.transitions.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('dashboard.transitions.from')}</th>
              <th aria-hidden="true" />
              <th>{t('dashboard.transitions.to')}</th>
              <th className="num">{t('dashboard.transitions.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.from}>${r.to}`} data-from={r.from} data-to={r.to} data-value={r.n}>
                <td>
                  <ColorBadge color={r.from} />
                </td>
                <td className="dash-arrow" aria-hidden="true">
                  →
                </td>
                <td>
                  <ColorBadge color={r.to} />
                </td>
                <td className="num">
                  <FigureButton
                    query={{ figure: 'transition', from: r.from, to: r.to, asOf: day, county: county ?? null }}
                    value={r.n}
                    onOpen={onFigure}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
