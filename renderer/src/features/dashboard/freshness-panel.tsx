import type { FeedFreshness } from '../../../../shared/contract/dashboard.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { routeHash } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Days a feed may lag behind the as-of date before it is shown as stale. */
export const STALE_AFTER_DAYS = 2;

/**
 * Stale: a dated feed whose latest record is more than two days before the as-of date, or a feed
 * never imported. A register without record dates (residents, enterprises…) is fresh once imported.
 */
export function isStale(f: FeedFreshness, asOf: string): boolean {
  if (f.latestRecordDay === null) return f.lastImportAt === null;
  const latest = parseDay(f.latestRecordDay);
  const day = parseDay(asOf);
  if (latest === null || day === null) return false;
  return latest < day - STALE_AFTER_DAYS;
}

/** Each feed opens the Data screen (its imports, rejected rows and sync history) for roles that see it. */
export function FreshnessPanel({
  freshness,
  asOf,
  canOpenData = false,
}: {
  freshness: FeedFreshness[];
  asOf: string;
  canOpenData?: boolean;
}) {
  const { t, formatTime } = useI18n();
  return (
    <section className="dash-panel dash-freshness" data-testid="freshness" aria-labelledby="dash-freshness-title">
      <h3 id="dash-freshness-title">{t('dashboard.freshness.title')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('dashboard.freshness.feed')}</th>
            <th>{t('dashboard.freshness.lastImport')}</th>
            <th>{t('dashboard.freshness.latestRecord')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {freshness.map((f) => {
            const stale = isStale(f, asOf);
            return (
              <tr key={f.feed} data-feed={f.feed} data-stale={stale} className={stale ? 'dash-stale' : undefined}>
                <td>
                  {canOpenData ? (
                    <a href={routeHash({ screen: 'data' })} data-testid={`freshness-open-${f.feed}`} title={t('dashboard.freshness.open')}>
                      {t(`feed.${f.feed}`)}
                    </a>
                  ) : (
                    t(`feed.${f.feed}`)
                  )}
                </td>
                <td>{f.lastImportAt === null ? t('dashboard.freshness.never') : formatTime(f.lastImportAt)}</td>
                <td>{f.latestRecordDay ?? '—'}</td>
                <td>
                  {stale ? (
                    <span className="dash-stale-tag" title={t('dashboard.freshness.stale')}>
                      ⚠ {t('dashboard.freshness.staleShort')}
                    </span>
                  ) : (
                    <span className="dash-ok-tag">{t('dashboard.freshness.ok')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
