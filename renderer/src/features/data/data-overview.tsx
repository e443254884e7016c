import { useEffect, useState } from 'react';
import type { DataOverview } from '../../../../shared/contract/api.ts';
import type { MessageKey } from '../../i18n/zh.ts';
import { api, bridge } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function DataOverviewScreen() {
  const { t, formatNumber, formatTime } = useI18n();
  const [overview, setOverview] = useState<DataOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () => api('data.overview', {}).then(setOverview, (e: Error) => setError(e.message));
    load();
    return bridge.onEvent((e) => {
      if (e.type === 'data-changed') load();
    });
  }, []);

  if (error) return <p role="alert">{error}</p>;
  if (!overview) return <p>{t('common.loading')}</p>;
  return (
    <section>
      <h2>{t('data.feeds')}</h2>
      <table data-testid="feed-table">
        <thead>
          <tr>
            <th>{t('data.feed')}</th>
            <th className="num">{t('data.rows')}</th>
            <th>{t('data.lastImport')}</th>
            <th className="num">{t('data.rejected')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.feeds.map((f) => (
            <tr key={f.feed} data-feed={f.feed}>
              <td>{t(`feed.${f.feed}` as MessageKey)}</td>
              <td className="num">{formatNumber(f.rows)}</td>
              <td>{f.lastImportAt ? formatTime(f.lastImportAt) : t('data.never')}</td>
              <td className="num">{formatNumber(f.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('data.syncs')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('data.lastImport')}</th>
            <th>{t('data.status')}</th>
            <th className="num">{t('data.files')}</th>
            <th className="num">{t('data.accepted')}</th>
            <th className="num">{t('data.duplicates')}</th>
            <th className="num">{t('data.rejected')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.syncs.map((s) => (
            <tr key={s.id}>
              <td>{formatTime(s.startedAt)}</td>
              <td>{t(`sync.${s.status}` as MessageKey)}</td>
              <td className="num">{formatNumber(s.files)}</td>
              <td className="num">{formatNumber(s.accepted)}</td>
              <td className="num">{formatNumber(s.duplicates)}</td>
              <td className="num">{formatNumber(s.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
