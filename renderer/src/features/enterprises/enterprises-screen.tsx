/**
 * 企业复工与卡口核验 (ENTERPRISES.md, screen 7 of CONSOLE.md): two tabs, the return to work (county
 * table, enterprise list, weekly report) and checkpoints & sites, for an as-of day (default: the
 * latest data day). A figure, a row or a site opens a view over the tab (with a Back button); the
 * views are kept on a stack so Back returns to the list as it was. Writers (enterprises.summary
 * only) see the county table and the weekly report; a county account sees its county.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleEvent, SessionInfo } from '../../../../shared/contract/api.ts';
import type { EnterpriseListQuery, ScanQuery, SiteKind, StaffQuery } from '../../../../shared/contract/enterprises.ts';
import { useConsoleEvents } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EnterpriseCountyTableView } from './enterprise-county-table.tsx';
import { EnterpriseList } from './enterprise-list.tsx';
import { countyFigureList, exportFileName } from './enterprise-lists.ts';
import { EnterprisePage } from './enterprise-page.tsx';
import { ExportButton, exportFile } from './export-button.tsx';
import { ScanList } from './scan-list.tsx';
import { SitePage } from './site-page.tsx';
import { SitesPanel } from './sites-panel.tsx';
import { StaffList } from './staff-list.tsx';
import { WeeklyReport } from './weekly-report.tsx';
import './enterprises.css';

type Tab = 'enterprises' | 'sites';
const TABS: readonly Tab[] = ['enterprises', 'sites'];

type View =
  | { view: 'staff'; query: StaffQuery }
  | { view: 'scans'; query: ScanQuery }
  | { view: 'enterprise'; creditCode: string }
  | { view: 'site'; siteId: string };

export function EnterprisesScreen({ session }: { session: SessionInfo }) {
  const { t } = useI18n();
  const canView = session.permissions.includes('enterprises.view');
  const canOpenPeople = session.permissions.includes('people.view');
  const lockedCounty = session.user.county;

  const [version, setVersion] = useState(0);
  const onEvent = useCallback((e: ConsoleEvent) => {
    if (e.type === 'data-changed') setVersion((v) => v + 1);
  }, []);
  useConsoleEvents(onEvent);

  const [asOf, setAsOf] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('enterprises');
  const [stack, setStack] = useState<View[]>([]);
  const [listQuery, setListQuery] = useState<EnterpriseListQuery>({ county: lockedCounty, sort: 'red_yellow' });
  const [siteKind, setSiteKind] = useState<SiteKind | undefined>(undefined);

  const counties = useApi('enterprises.counties', { ...(asOf ? { asOf } : {}), county: lockedCounty }, [version]);
  const [latest, setLatest] = useState<string | null>(null);
  if (asOf === null && counties.data && !counties.loading && counties.data.day !== latest) setLatest(counties.data.day);
  const table = counties.data;
  // The day every list of the screen is of: the table's (the server's latest when none is picked).
  const day = asOf ?? table?.day;
  const noEnterprises = table !== null && table.total.approved + table.total.notApproved === 0;

  // A list or page opened from far down the screen starts at its top, not where the click was.
  const screenRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (stack.length === 0) return;
    // The screen's own scroller (if any) to the screen's top, then the document to its top (the bar stays in view).
    screenRef.current?.scrollIntoView({ block: 'start' });
    window.scrollTo({ top: 0 });
  }, [stack.length]);
  const push = (v: View) => setStack((s) => [...s, v]);
  const replaceTop = (v: View) => setStack((s) => [...s.slice(0, -1), v]);
  const top = stack.at(-1);
  const pickDay = (value: string) => {
    setAsOf(value === '' ? null : value);
    setStack([]);
  };

  return (
    <section
      ref={screenRef}
      className="screen ent-screen"
      data-screen="enterprises"
      data-testid="enterprises-screen"
      data-ready={table && !counties.loading ? 'true' : 'false'}
      data-day={table?.day ?? ''}
      aria-busy={!table || counties.loading}
    >
      <header className="ent-toolbar">
        <h1 className="screen-title">{t('enterprises.title')}</h1>
        <label className="ent-inline">
          <span>{t('enterprises.asOf')}</span>
          <DateInput value={day ?? ''} onChange={pickDay} max={latest ?? undefined} testId="enterprises-asof" />
        </label>
        {asOf !== null && latest !== null && asOf !== latest ? (
          <button type="button" className="button-quiet" onClick={() => pickDay('')} data-testid="enterprises-asof-latest">
            {t('enterprises.asOfReset')}
          </button>
        ) : null}
        <span className="muted" role="status">
          {counties.loading ? t('enterprises.loading') : ''}
        </span>
      </header>
      <p className="intro">{canView ? t('enterprises.intro') : t('enterprises.introWriter')}</p>
      {counties.error ? <ErrorBox error={counties.error} onRetry={counties.reload} testId="enterprises-error" /> : null}
      {noEnterprises ? (
        <p className="notice notice-warn" data-testid="enterprises-empty">
          {t('enterprises.empty')}
        </p>
      ) : null}

      {top ? (
        <div className="ent-view" data-testid="enterprises-view" data-view={top.view}>
          <button type="button" className="ent-back" onClick={() => setStack((s) => s.slice(0, -1))} data-testid="enterprises-back">
            ← {t('enterprises.back')}
          </button>
          {top.view === 'staff' ? (
            <StaffList
              query={top.query}
              onQuery={(query) => replaceTop({ view: 'staff', query })}
              canOpenPeople={canOpenPeople}
              showEnterprise
              onEnterprise={(creditCode) => push({ view: 'enterprise', creditCode })}
            />
          ) : null}
          {top.view === 'scans' ? (
            <ScanList
              query={top.query}
              onQuery={(query) => replaceTop({ view: 'scans', query })}
              canOpenPeople={canOpenPeople}
              onSite={(siteId) => push({ view: 'site', siteId })}
            />
          ) : null}
          {top.view === 'enterprise' ? (
            <EnterprisePage
              key={top.creditCode}
              creditCode={top.creditCode}
              asOf={day}
              canOpenPeople={canOpenPeople}
              onSite={(siteId) => push({ view: 'site', siteId })}
            />
          ) : null}
          {top.view === 'site' ? (
            <SitePage
              key={top.siteId}
              siteId={top.siteId}
              asOf={day}
              canOpenPeople={canOpenPeople}
              onScans={(query) => push({ view: 'scans', query })}
            />
          ) : null}
        </div>
      ) : (
        <>
          {canView ? (
            <div className="enf-tabs ent-tabs" role="tablist" aria-label={t('enterprises.tabs')}>
              {TABS.map((id) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  className="enf-tab"
                  aria-selected={tab === id}
                  onClick={() => setTab(id)}
                  data-testid={`enterprises-tab-${id}`}
                >
                  {t(`enterprises.tab.${id}`)}
                </button>
              ))}
            </div>
          ) : null}
          {tab === 'enterprises' || !canView ? (
            <div role={canView ? 'tabpanel' : undefined} className="ent-panel">
              <Card
                title={t('enterprises.counties.title', { day: table?.day ?? '…' })}
                testId="enterprise-counties-card"
                actions={
                  <ExportButton
                    testId="counties-export"
                    disabled={!table}
                    run={() =>
                      exportFile(
                        'enterprises.exportCounties',
                        { ...(day ? { asOf: day } : {}), county: lockedCounty },
                        exportFileName('分县区', day),
                      )
                    }
                  />
                }
              >
                {table ? (
                  <EnterpriseCountyTableView
                    table={table}
                    onFigure={
                      canView
                        ? (figure, county) => {
                            const list = countyFigureList(figure, county, table.day);
                            push(list.list === 'staff' ? { view: 'staff', query: list.query } : { view: 'scans', query: list.query });
                          }
                        : undefined
                    }
                  />
                ) : (
                  <p className="muted">{t('enterprises.loading')}</p>
                )}
              </Card>
              {canView && table && !noEnterprises ? (
                <EnterpriseList
                  query={{ ...listQuery, asOf: table.day }}
                  onQuery={setListQuery}
                  lockedCounty={lockedCounty}
                  onOpen={(creditCode) => push({ view: 'enterprise', creditCode })}
                />
              ) : null}
              <WeeklyReport day={table?.day} />
            </div>
          ) : (
            <div role="tabpanel" className="ent-panel">
              <SitesPanel
                asOf={day}
                county={lockedCounty}
                kind={siteKind}
                onKind={setSiteKind}
                onScans={(query) => push({ view: 'scans', query })}
                onSite={(siteId) => push({ view: 'site', siteId })}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
