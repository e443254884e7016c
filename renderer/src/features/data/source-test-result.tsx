import type { ExchangeTestResult } from '../../../../shared/contract/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** What "Test connection" found: per feed its table (or folder) and what is waiting there. */
export function SourceTestResult({ result }: { result: ExchangeTestResult }) {
  const { t, formatNumber } = useI18n();
  const postgres = result.kind === 'postgres';
  return (
    <div className="notice notice-good source-test" role="status" data-testid="source-test-result">
      <p>{t(postgres ? 'data.source.test.okDatabase' : 'data.source.test.okDirectory', { source: result.source })}</p>
      <table className="data-job-feeds">
        <thead>
          <tr>
            <th scope="col">{t('data.col.feed')}</th>
            <th scope="col">{t(postgres ? 'data.source.test.table' : 'data.source.test.folder')}</th>
            <th scope="col" className="num">
              {t(postgres ? 'data.source.test.waitingRows' : 'data.source.test.files')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.feeds.map((f) => (
            <tr key={f.feed} data-testid={`source-test-feed-${f.feed}`}>
              <td>{t(`feed.${f.feed}`)}</td>
              <td>
                <code>{f.where}</code>
              </td>
              <td className="num">{formatNumber(f.waiting)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.missing.length > 0 ? (
        <p className="muted" data-testid="source-test-missing">
          {t('data.source.test.missing', { feeds: result.missing.map((f) => t(`feed.${f}`)).join(' · ') })}
        </p>
      ) : null}
    </div>
  );
}
