/**
 * 卡口与场所核验: per county and site kind, the day's scans, passes, denials, codes shown red and
 * yellow, stale codes and violations; the busiest sites. Every figure opens the scans behind it.
 */
import type { ScanFigures, ScanQuery, SiteKind, SiteStatsRow, SiteSummary } from '../../../../shared/contract/enterprises.ts';
import { countyName, isCountyCode } from '../../../../shared/domain/counties.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SITE_FIGURES, type SiteFigure, exportFileName, exportParams, siteFigureList } from './enterprise-lists.ts';
import { ExportButton, exportFile } from './export-button.tsx';
import { SiteKindSelect } from './site-kind-select.tsx';

function FigureCells({ figures, onOpen }: { figures: ScanFigures; onOpen: (f: SiteFigure) => void }) {
  const { t, formatNumber } = useI18n();
  return (
    <>
      {SITE_FIGURES.map(([f]) => {
        const n = figures[f];
        const bad = (f === 'violations' || f === 'shownRed') && n > 0;
        return (
          <td key={f} className={bad ? 'num ent-bad' : 'num'} data-figure={f} data-value={n}>
            {n === 0 ? (
              formatNumber(n)
            ) : (
              <button
                type="button"
                className="ent-figure"
                onClick={() => onOpen(f)}
                title={t('enterprises.fig.open', { what: t(`enterprises.fig.${f}`), n: formatNumber(n) })}
                data-testid={`site-figure-${f}`}
              >
                {formatNumber(n)}
              </button>
            )}
          </td>
        );
      })}
    </>
  );
}

function FigureHeads() {
  const { t } = useI18n();
  return (
    <>
      {SITE_FIGURES.map(([f]) => (
        <th key={f} scope="col" className="num">
          {t(`enterprises.fig.${f}`)}
        </th>
      ))}
    </>
  );
}

export function SitesPanel({
  asOf,
  county,
  kind,
  onKind,
  onScans,
  onSite,
}: {
  asOf: string | undefined;
  county: string | null;
  kind: SiteKind | undefined;
  onKind: (k: SiteKind | undefined) => void;
  onScans: (q: ScanQuery) => void;
  onSite: (siteId: string) => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const answer = useApi('sites.stats', { ...(asOf ? { asOf } : {}), county, ...(kind ? { kind } : {}) });
  const stats = answer.data;
  const day = stats?.day ?? asOf;
  const open = (f: SiteFigure, scope: { county?: string | null; kind?: SiteKind; siteId?: string }) =>
    onScans(siteFigureList(f, scope, day));
  const rowCounty = (r: SiteStatsRow) => (isCountyCode(r.countyCode) ? countyName(r.countyCode, lang) : r.countyName);

  return (
    <div className="ent-sites" data-testid="sites-panel" data-ready={stats && !answer.loading ? 'true' : 'false'}>
      <Card
        title={t('enterprises.sites.title', { day: day ?? '…' })}
        testId="sites-stats"
        actions={
          <ExportButton
            testId="sites-export"
            disabled={!stats}
            run={() =>
              exportFile(
                'enterprises.exportList',
                exportParams('sites', { ...(day ? { asOf: day } : {}), county, kind }),
                exportFileName('核验场所', day),
              )
            }
          />
        }
      >
        <div className="ent-filters">
          <SiteKindSelect kind={kind} onKind={onKind} testId="sites-kind" />
        </div>
        {answer.error ? <ErrorBox error={answer.error} onRetry={answer.reload} testId="sites-error" /> : null}
        <div className="data-table" data-testid="sites-table" aria-busy={answer.loading || undefined}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enterprises.county')}</th>
                <th scope="col">{t('enterprises.sites.kind')}</th>
                <FigureHeads />
              </tr>
            </thead>
            <tbody>
              {stats && stats.rows.length === 0 ? (
                <tr>
                  <td colSpan={2 + SITE_FIGURES.length} className="table-empty">
                    {t('enterprises.sites.empty')}
                  </td>
                </tr>
              ) : null}
              {(stats?.rows ?? []).map((r) => (
                <tr key={`${r.countyCode}:${r.kind}`} data-testid="sites-row" data-county={r.countyCode} data-kind={r.kind}>
                  <th scope="row">{rowCounty(r)}</th>
                  <td>{t(`enterprises.kind.${r.kind}`)}</td>
                  <FigureCells figures={r} onOpen={(f) => open(f, { county: r.countyCode, kind: r.kind })} />
                </tr>
              ))}
              {stats ? (
                <tr className="ent-total" data-testid="sites-total">
                  <th scope="row">{county ? countyName(county, lang) : t('enterprises.city')}</th>
                  <td>{kind ? t(`enterprises.kind.${kind}`) : t('enterprises.sites.total')}</td>
                  <FigureCells figures={stats.total} onOpen={(f) => open(f, { county, kind })} />
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title={t('enterprises.sites.busiest')} testId="sites-busiest">
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enterprises.col.site')}</th>
                <th scope="col">{t('enterprises.sites.kind')}</th>
                <th scope="col">{t('enterprises.county')}</th>
                <FigureHeads />
              </tr>
            </thead>
            <tbody>
              {(stats?.busiest ?? []).map((s: SiteSummary) => (
                <tr key={s.siteId} data-testid="busiest-row" data-site-id={s.siteId}>
                  <th scope="row">
                    <button type="button" className="button-quiet ent-link" onClick={() => onSite(s.siteId)} data-testid="site-open">
                      {s.name ?? s.siteId}
                    </button>
                  </th>
                  <td>{s.kind ? t(`enterprises.kind.${s.kind}`) : '—'}</td>
                  <td>{s.countyCode ? countyName(s.countyCode, lang) : '—'}</td>
                  <FigureCells figures={s} onOpen={(f) => open(f, { siteId: s.siteId })} />
                </tr>
              ))}
              {stats && stats.busiest.length === 0 ? (
                <tr>
                  <td colSpan={3 + SITE_FIGURES.length} className="table-empty">
                    {t('enterprises.sites.empty')}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <p className="muted ent-note">{t('enterprises.violationNote')}</p>
        <span hidden data-testid="sites-total-scans" data-value={stats ? stats.total.scans : ''}>
          {stats ? formatNumber(stats.total.scans) : ''}
        </span>
      </Card>
    </div>
  );
}
