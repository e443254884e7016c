import { useState } from 'react';
import type { CaseDetail, CaseSummary, SessionInfo } from '../../../../shared/contract/api.ts';
import { useApi } from '../../api/use-api.ts';
import { routeHash } from '../../app/router.tsx';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { BehaviorText, StateTag, TimeText } from '../enforcement/enforcement-bits.tsx';
import { FlagDialog } from '../enforcement/flag-dialog.tsx';
import { caseSummaryText } from '../enforcement/queue-state.ts';

/**
 * A person's cases on their page, each a link to the case, and "report a suspicion" (举报疑似) for
 * those who may flag: the Enforcement screen's own dialog, with this person already chosen. After
 * a report the new case is in the list and named above it, so the officer can follow it.
 */
export function PersonCases({ personRef, session }: { personRef: string; session: SessionInfo }) {
  const { t, lang } = useI18n();
  const canFlag = session.permissions.includes('cases.flag');
  const [version, setVersion] = useState(0);
  const [flagging, setFlagging] = useState(false);
  const [reported, setReported] = useState<CaseDetail | null>(null);
  const cases = useApi('cases.ofPerson', { ref: personRef }, [version]);

  const flagged = (detail: CaseDetail) => {
    setFlagging(false);
    setReported(detail);
    setVersion((v) => v + 1);
  };

  const caseLink = (id: number) => routeHash({ screen: 'enforcement', caseId: id, flag: null });
  const columns: Column<CaseSummary>[] = [
    {
      key: 'id',
      header: t('enforcement.col.case'),
      cell: (c) => (
        <a href={caseLink(c.id)} className="people-mono enf-case-link" data-testid="person-case-link" data-case-id={c.id}>
          {t('enforcement.caseNumber', { id: c.id })}
        </a>
      ),
    },
    { key: 'behavior', header: t('enforcement.col.behavior'), cell: (c) => <BehaviorText behavior={c.behavior} /> },
    { key: 'state', header: t('enforcement.col.state'), cell: (c) => <StateTag state={c.state} /> },
    { key: 'opened', header: t('people.cases.opened'), cell: (c) => <TimeText at={c.openedAt} /> },
    {
      key: 'summary',
      header: t('enforcement.col.summary'),
      className: 'enf-summary',
      cell: (c) => {
        const text = caseSummaryText(c, lang);
        return (
          <span className="enf-clamp" title={text}>
            {text}
          </span>
        );
      },
    },
  ];

  return (
    <Card
      title={t('people.cases.title')}
      testId="person-cases"
      className="enf-scope"
      actions={
        canFlag ? (
          <button type="button" className="button-primary" onClick={() => setFlagging(true)} data-testid="person-report">
            {t('people.cases.report')}
          </button>
        ) : undefined
      }
    >
      {reported ? (
        <p className="notice notice-good" role="status" data-testid="person-reported" data-case-id={reported.id}>
          {t('people.cases.reported')}{' '}
          <a href={caseLink(reported.id)} data-testid="person-reported-link">
            {t('enforcement.caseNumber', { id: reported.id })}
          </a>
        </p>
      ) : null}
      {cases.error ? <ErrorBox error={cases.error} onRetry={cases.reload} testId="person-cases-error" /> : null}
      <DataTable
        columns={columns}
        rows={cases.data ?? []}
        rowKey={(c) => c.id}
        rowTestId="person-case"
        rowAttrs={(c) => ({ 'data-case-id': c.id, 'data-state': c.state })}
        loading={cases.loading}
        empty={t('people.cases.none')}
        testId="person-cases-table"
      />
      {flagging ? <FlagDialog initialRef={personRef} onClose={() => setFlagging(false)} onFlagged={flagged} /> : null}
    </Card>
  );
}
