import type { TransitionCount } from '../../../../shared/contract/dashboard.ts';
import { severity } from '../../../../shared/domain/rules/colors.ts';
import { ColorBadge } from '../../components/color-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The day's colour changes, worst destination first (to red, to yellow, to green), largest first. */
export function TransitionsPanel({ transitions, day }: { transitions: TransitionCount[]; day: string }) {
  const { t, formatNumber } = useI18n();
  const rows = [...transitions].sort((a, b) => severity(b.to) - severity(a.to) || b.n - a.n || severity(a.from) - severity(b.from));
  return (
    <section className="dash-panel dash-transitions" data-testid="transitions" aria-labelledby="dash-transitions-title">
      <h3 id="dash-transitions-title">{t('dashboard.transitions.title', { day })}</h3>
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
                <td className="num">{formatNumber(r.n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
