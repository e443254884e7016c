import type { ExpectedGreens } from '../../../../shared/contract/forecast.ts';
import { Card } from '../../components/card.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * 预计返岗 by date (issue 17): of the enterprise's red and yellow staff on D, how many can be back
 * (green) on each of the next 14 days if their days stay normal, and how many an ongoing
 * condition holds. Each member's own date is the staff list's 预计可返岗 column.
 */
export function ExpectedBack({ expected }: { expected: ExpectedGreens | undefined }) {
  const { t, formatNumber } = useI18n();
  return (
    <Card title={t('enterprises.page.expectedBack')} testId="enterprise-expected-back">
      {expected ? (
        <>
          <p className="ent-expected-note" data-testid="expected-back-note" data-red-yellow={expected.redYellow}>
            {t('enterprises.expectedBack.note', { day: expected.asOf, n: formatNumber(expected.redYellow) })}
          </p>
          <div className="ent-expected-scroll">
            <table className="ent-expected-table">
              <thead>
                <tr>
                  {expected.days.map((d) => (
                    <th key={d.day} scope="col">
                      {d.day.slice(5)}
                    </th>
                  ))}
                  <th scope="col">{t('enterprises.expectedBack.held')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  {expected.days.map((d) => (
                    <td
                      key={d.day}
                      className={d.n > 0 ? 'num ent-expected-some' : 'num'}
                      data-testid="expected-back-day"
                      data-day={d.day}
                      data-value={d.n}
                    >
                      {formatNumber(d.n)}
                    </td>
                  ))}
                  <td className="num" data-testid="expected-back-held" data-value={expected.held}>
                    {formatNumber(expected.held)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Card>
  );
}
