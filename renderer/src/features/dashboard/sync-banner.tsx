import { ProgressBar } from '../../components/progress-bar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { SyncBanner as Banner } from './use-sync-banner.ts';

/** 正在同步…: said over the figures while a job writes; `kept`: the figures below are from before it. */
export function SyncBanner({ banner, kept }: { banner: Banner; kept: boolean }) {
  const { t } = useI18n();
  const pct = banner.fraction === null ? null : Math.round(banner.fraction * 100);
  return (
    <div className="dash-notice dash-sync" role="status" data-testid="dash-sync-banner" data-kept={kept ? 'true' : 'false'}>
      <p>
        <strong>{t(banner.colours ? 'dashboard.sync.bannerColours' : 'dashboard.sync.banner')}</strong>{' '}
        {t(kept ? 'dashboard.sync.kept' : 'dashboard.sync.none')}
      </p>
      <ProgressBar
        value={banner.fraction}
        label={pct === null ? t('dashboard.sync.progress') : `${t('dashboard.sync.progress')} ${pct}%`}
      />
    </div>
  );
}
