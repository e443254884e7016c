import { type KeyboardEvent, useCallback, useState } from 'react';
import type { CaseDetail, ConsoleEvent, SessionInfo } from '../../../../shared/contract/api.ts';
import { useConsoleEvents } from '../../api/client.ts';
import { navigate, routeHash, useRoute } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CasePage } from './case-page.tsx';
import { CaseQueue, type QueueView } from './case-queue.tsx';
import { CreditPanel } from './credit-panel.tsx';
import './enforcement.css';
import { FlagDialog } from './flag-dialog.tsx';
import { NoticesPanel } from './notices-panel.tsx';
import { startFilter } from './queue-state.ts';

export type EnforcementTab = 'cases' | 'credit' | 'notices';
const TABS: readonly EnforcementTab[] = ['cases', 'credit', 'notices'];

/**
 * 信用监管: the case queue, a case's page (`#/enforcement/<id>`), the credit records and the notice
 * list. The screen stays mounted while the route moves between the queue and a case, so the tab,
 * the filters and the pages are as the user left them. Everything reloads when the data changed.
 */
export function EnforcementScreen({ session }: { session: SessionInfo }) {
  const { t } = useI18n();
  const route = useRoute();
  const caseId = route.screen === 'enforcement' ? route.caseId : null;
  const flagRef = route.screen === 'enforcement' ? route.flag : null;
  const canFlag = session.permissions.includes('cases.flag');

  const [tab, setTab] = useState<EnforcementTab>('cases');
  const [version, setVersion] = useState(0);
  const [queue, setQueue] = useState<QueueView>(() => ({ filter: startFilter(session.user.county), offset: 0 }));
  const [creditOffset, setCreditOffset] = useState(0);
  const [noticeDay, setNoticeDay] = useState<string | null>(null);
  const [flagOpen, setFlagOpen] = useState(false);

  const onEvent = useCallback((e: ConsoleEvent) => {
    if (e.type === 'data-changed') setVersion((v) => v + 1);
  }, []);
  useConsoleEvents(onEvent);

  const showFlag = canFlag && caseId === null && (flagOpen || flagRef !== null);
  const closeFlag = () => {
    setFlagOpen(false);
    // Leave `?flag=` so that going back does not open the dialog again.
    if (flagRef !== null) window.location.replace(routeHash({ screen: 'enforcement', caseId: null, flag: null }));
  };
  const flagged = (detail: CaseDetail) => {
    setFlagOpen(false);
    setVersion((v) => v + 1);
    if (flagRef !== null) window.location.replace(routeHash({ screen: 'enforcement', caseId: detail.id, flag: null }));
    else navigate({ screen: 'enforcement', caseId: detail.id, flag: null });
  };

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    // Arrow keys move between the tabs (the WAI-ARIA tabs pattern).
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    document.getElementById(`enf-tab-${next}`)?.focus();
  };

  return (
    <section data-screen="enforcement" className="screen enf-screen" data-testid="enforcement-screen">
      <h1 className="screen-title">{t('enforcement.title')}</h1>
      {caseId !== null ? (
        <CasePage key={caseId} caseId={caseId} session={session} version={version} />
      ) : (
        <>
          <div className="enf-tabs" role="tablist" aria-label={t('enforcement.tabs')} onKeyDown={onTabKey}>
            {TABS.map((id) => (
              <button
                key={id}
                id={`enf-tab-${id}`}
                type="button"
                role="tab"
                className="enf-tab"
                aria-selected={tab === id}
                aria-controls={`enf-panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                onClick={() => setTab(id)}
                data-testid={`tab-${id}`}
              >
                {t(`enforcement.tab.${id}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`enf-panel-${tab}`} aria-labelledby={`enf-tab-${tab}`} className="enf-panel" data-tab={tab}>
            {tab === 'cases' ? (
              <CaseQueue session={session} version={version} view={queue} onView={setQueue} onFlag={() => setFlagOpen(true)} />
            ) : null}
            {tab === 'credit' ? <CreditPanel session={session} version={version} offset={creditOffset} onOffset={setCreditOffset} /> : null}
            {tab === 'notices' ? <NoticesPanel version={version} day={noticeDay} onDay={setNoticeDay} /> : null}
          </div>
        </>
      )}
      {showFlag ? <FlagDialog key={flagRef ?? ''} initialRef={flagRef} onClose={closeFlag} onFlagged={flagged} /> : null}
    </section>
  );
}
