/** A site's day: its figures, its scans by hour (to staff a checkpoint) and its violations. */
import { useMemo, useState } from 'react';
import type { ScanQuery } from '../../../../shared/contract/enterprises.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useChart } from '../dashboard/use-chart.ts';
import { siteHoursOption } from './charts.ts';
import { SITE_FIGURES, type SiteFigure, siteFigureList } from './enterprise-lists.ts';
import { ScanList } from './scan-list.tsx';
import { useSmallChartLabels } from './use-small-chart-labels.ts';

export function SitePage({
  siteId,
  asOf,
  canOpenPeople,
  onScans,
}: {
  siteId: string;
  asOf: string | undefined;
  canOpenPeople: boolean;
  onScans: (q: ScanQuery) => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const answer = useApi('sites.get', { siteId, ...(asOf ? { asOf } : {}) });
  const detail = answer.data;
  const [violations, setViolations] = useState<ScanQuery>({ siteId, filter: 'violation', ...(asOf ? { asOf } : {}) });
  const labels = useSmallChartLabels();
  const hours = detail?.hours;
  const option = useMemo(() => (hours ? siteHoursOption(hours, labels) : null), [hours, labels]);
  const chartRef = useChart(option);

  if (answer.error && !detail) return <ErrorBox error={answer.error} onRetry={answer.reload} testId="site-error" />;
  const s = detail?.site;
  const open = (f: SiteFigure) => onScans(siteFigureList(f, { siteId }, detail?.day ?? asOf));

  return (
    <div className="ent-page" data-testid="site-page" data-site-id={siteId} data-ready={detail && !answer.loading ? 'true' : 'false'}>
      <Card title={s ? (s.name ?? s.siteId) : t('enterprises.site.loading')} testId="site-header">
        {s ? (
          <>
            <p className="muted">
              {[s.kind ? t(`enterprises.kind.${s.kind}`) : null, s.countyCode ? countyName(s.countyCode, lang) : s.countyName, s.creditCode]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <div className="ent-figures">
              {SITE_FIGURES.map(([f]) => (
                <button
                  key={f}
                  type="button"
                  className={(f === 'violations' || f === 'shownRed') && s[f] > 0 ? 'ent-figure-card ent-bad' : 'ent-figure-card'}
                  onClick={() => open(f)}
                  disabled={s[f] === 0}
                  data-testid={`site-figure-${f}`}
                  data-value={s[f]}
                >
                  <span className="ent-figure-label">{t(`enterprises.fig.${f}`)}</span>
                  <span className="ent-figure-value num">{formatNumber(s[f])}</span>
                </button>
              ))}
            </div>
          </>
        ) : null}
      </Card>
      <Card title={t('enterprises.site.hours', { day: detail?.day ?? '…' })} testId="site-hours">
        <div
          className="ent-chart"
          ref={chartRef}
          role="img"
          aria-label={t('enterprises.site.hours', { day: detail?.day ?? '' })}
          data-testid="site-hours-chart"
        />
      </Card>
      <ScanList
        query={violations}
        onQuery={setViolations}
        canOpenPeople={canOpenPeople}
        title={t('enterprises.site.violations')}
        fixedFilter
      />
    </div>
  );
}
