import { useState } from 'react';
import type { CaseDetail, CaseStep, CreditRecordView, EvidenceView, ExportResult, SessionInfo } from '../../../../shared/contract/api.ts';
import type { CaseMove } from '../../../../shared/domain/cases.ts';
import { exportFile } from '../../api/client.ts';
import { routeHash } from '../../app/router.tsx';
import { Card } from '../../components/card.tsx';
import { ColorBadge } from '../../components/color-badge.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { regionName } from '../people/regions.ts';
import { BehaviorText, CountyText, StateTag, TimeText } from './enforcement-bits.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import {
  detailPairs,
  feedText,
  moveName,
  moveOutcomeText,
  moveTone,
  noMovesHint,
  openedByText,
  ruleText,
  shownMoves,
  stepName,
  thresholdEntries,
} from './enforcement-text.ts';
import { MoveDialog } from './move-dialog.tsx';
import { caseSummaryText } from './queue-state.ts';
import { isSystemActor } from '../../../../shared/words/domain-words.ts';
import { PlatformCard } from './platform-card.tsx';
import { useApi } from '../../api/use-api.ts';

/**
 * A case's page: the person (masked), the behaviour and state, the evidence, the history, the
 * credit record when there is one, and the buttons of the moves the server allows this user now.
 * Mounted per case (keyed by its id).
 */
export function CasePage({ caseId, session, version }: { caseId: number; session: SessionInfo; version: number }) {
  const { t, lang } = useI18n();
  const remote = useApi('cases.get', { id: caseId }, [version]);
  const detail = remote.data;
  const [moving, setMoving] = useState<CaseMove | null>(null);
  const [outcome, setOutcome] = useState<{ move: CaseMove; text: string } | null>(null);

  const back = (
    <a href={routeHash({ screen: 'enforcement', caseId: null, flag: null })} className="enf-back" data-testid="case-back">
      {t('enforcement.case.back')}
    </a>
  );

  if (!detail) {
    return (
      <div className="enf-case" data-testid="case-page" data-case-id={caseId} aria-busy={remote.loading || undefined}>
        <div className="enf-case-bar">{back}</div>
        {remote.error ? (
          <ErrorBox error={remote.error} onRetry={remote.reload} testId="case-error" />
        ) : (
          <p className="enf-muted">{t('enforcement.case.loading')}</p>
        )}
      </div>
    );
  }

  const moved = (move: CaseMove, before: CaseDetail, after: CaseDetail) => {
    remote.set(after);
    setMoving(null);
    setOutcome({ move, text: moveOutcomeText(t, move, before, after) });
  };

  const moves = shownMoves(detail.allowedMoves);
  return (
    <div
      className="enf-case"
      data-testid="case-page"
      data-case-id={detail.id}
      data-state={detail.state}
      aria-busy={remote.loading || undefined}
    >
      <div className="enf-case-bar">
        {back}
        <h2 className="enf-case-title">{t('enforcement.case.title', { id: detail.id })}</h2>
        <StateTag state={detail.state} testId="case-state" />
        <span className="enf-case-behavior">
          <BehaviorText behavior={detail.behavior} />
        </span>
      </div>
      {remote.error ? <ErrorBox error={remote.error} onRetry={remote.reload} testId="case-error" /> : null}
      {outcome ? (
        <p
          className={outcome.move === 'decide' ? 'notice notice-bad enf-outcome' : 'notice notice-good enf-outcome'}
          role="status"
          data-testid="move-outcome"
          data-move={outcome.move}
        >
          {outcome.text}
        </p>
      ) : null}

      <div className="enf-case-cards">
        <PersonCard detail={detail} session={session} />
        <ActionsCard detail={detail} session={session} moves={moves} onMove={setMoving} />
      </div>

      {detail.creditRecord ? <CreditRecordCard record={detail.creditRecord} /> : null}
      <PlatformCard platform={detail.platform} />
      <EvidenceCard evidence={detail.evidence} summary={caseSummaryText(detail, lang)} />
      <HistoryCard history={detail.history} detail={detail} />

      {moving ? (
        <MoveDialog
          caseId={detail.id}
          move={moving}
          onClose={() => setMoving(null)}
          onMoved={(after) => moved(moving, detail, after)}
          onRefused={remote.reload}
        />
      ) : null}
    </div>
  );
}

function PersonCard({ detail, session }: { detail: CaseDetail; session: SessionInfo }) {
  const { t } = useI18n();
  return (
    <Card title={t('enforcement.case.person')} testId="case-person">
      <dl className="enf-facts">
        <dt>{t('enforcement.col.id')}</dt>
        <dd className="enf-mono" data-testid="case-person-id">
          {detail.idMasked}
        </dd>
        <dt>{t('enforcement.col.name')}</dt>
        <dd data-testid="case-person-name">{detail.nameMasked ?? '—'}</dd>
        <dt>{t('enforcement.col.county')}</dt>
        <dd>
          <CountyText county={detail.county} />
        </dd>
        <dt>{t('enforcement.case.color')}</dt>
        <dd>
          <span className="enf-color" data-testid="case-color" data-color={detail.color}>
            <ColorBadge color={detail.color} />
          </span>
        </dd>
        <dt>{t('enforcement.case.opened')}</dt>
        <dd className="enf-stack-inline">
          <TimeText at={detail.openedAt} />
          <span className="enf-muted">{openedByText(t, detail.openedBy)}</span>
        </dd>
        {detail.decidedAt !== null ? (
          <>
            <dt>{t('enforcement.case.decidedAt')}</dt>
            <dd>
              <TimeText at={detail.decidedAt} />
            </dd>
          </>
        ) : null}
      </dl>
      {session.permissions.includes('people.view') ? (
        <p className="enf-person-link">
          <a href={routeHash({ screen: 'people', ref: detail.ref })} data-testid="case-person-link">
            {t('enforcement.case.personLink')}
          </a>
        </p>
      ) : null}
    </Card>
  );
}

function ActionsCard({
  detail,
  session,
  moves,
  onMove,
}: {
  detail: CaseDetail;
  session: SessionInfo;
  moves: CaseMove[];
  onMove: (move: CaseMove) => void;
}) {
  const { t, formatNumber } = useI18n();
  const canReport = session.permissions.includes('credit.export');
  const [exporting, setExporting] = useState(false);
  const [report, setReport] = useState<ExportResult | null>(null);
  const [reportError, setReportError] = useState<unknown>(null);

  const exportReport = () => {
    setExporting(true);
    setReport(null);
    setReportError(null);
    exportFile('credit.report', { ref: detail.ref }, '诚信记录报告.html').then(
      (r) => {
        setExporting(false);
        setReport(r);
      },
      (err: unknown) => {
        setExporting(false);
        setReportError(err);
      },
    );
  };

  return (
    <Card title={t('enforcement.case.actions')} testId="case-actions">
      {moves.length > 0 ? (
        <div className="enf-moves" data-testid="case-moves">
          {moves.map((m) => (
            <button
              key={m}
              type="button"
              className={`enf-move enf-move-${moveTone(m)}`}
              onClick={() => onMove(m)}
              data-testid={`move-${m}`}
              title={t(`enforcement.moveHelp.${m}`)}
            >
              {moveName(t, m)}
            </button>
          ))}
        </div>
      ) : (
        <p className="enf-muted" data-testid="case-no-moves">
          {t(noMovesHint(detail.state, session.permissions))}
        </p>
      )}
      {canReport ? (
        <div className="enf-report">
          <button type="button" onClick={exportReport} disabled={exporting} data-testid="credit-report">
            {exporting ? t('enforcement.report.exporting') : t('enforcement.report.button')}
          </button>
          {report ? (
            <p className="notice notice-good" role="status" data-testid="credit-report-done">
              {t('enforcement.report.done', { file: report.fileName, n: formatNumber(report.rows) })}
            </p>
          ) : null}
          {reportError ? <ErrorBox error={reportError} testId="credit-report-error" /> : null}
        </div>
      ) : null}
    </Card>
  );
}

function CreditRecordCard({ record }: { record: CreditRecordView }) {
  const { t, formatTime } = useI18n();
  return (
    // Not the shared Card: the end-to-end tests read the number and status off the panel itself.
    <section
      className={`card enf-record enf-record-${record.status}`}
      data-testid="credit-record"
      data-number={record.number}
      data-status={record.status}
    >
      <div className="card-head">
        <h2 className="card-title">{t('enforcement.record.title')}</h2>
      </div>
      <dl className="enf-facts">
        <dt>{t('enforcement.record.number')}</dt>
        <dd className="enf-mono enf-record-number" data-testid="credit-record-number">
          {record.number}
        </dd>
        <dt>{t('enforcement.record.status')}</dt>
        <dd>
          <span
            className={record.status === 'effective' ? 'enf-state enf-tone-bad' : 'enf-state enf-tone-good'}
            data-testid="credit-record-status"
            data-status={record.status}
          >
            {record.status === 'effective' ? t('enforcement.record.effective') : t('enforcement.record.revoked')}
          </span>
          {record.status === 'revoked' ? (
            <span className="enf-muted" data-testid="credit-record-revoked">
              {t('enforcement.record.revokedLine', {
                at: record.revokedAt === null ? '—' : formatTime(record.revokedAt),
                reason: record.revokedReason ?? '—',
              })}
            </span>
          ) : null}
        </dd>
        <dt>{t('enforcement.record.decided')}</dt>
        <dd>
          <TimeText at={record.decidedAt} />
          <span className="enf-muted">{record.decidedBy}</span>
        </dd>
        <dt>{t('enforcement.record.decision')}</dt>
        <dd className="enf-prose">{record.decision}</dd>
        <dt>{t('enforcement.record.legalBasis')}</dt>
        <dd className="enf-prose">{record.legalBasis}</dd>
      </dl>
    </section>
  );
}

type EvidenceRecord = EvidenceView['records'][number];

/** `summary`: the evidence's summary in the reader's language (queue-state.ts caseSummaryText). */
function EvidenceCard({ evidence, summary }: { evidence: EvidenceView; summary: string }) {
  const { t, lang, formatNumber, formatTime } = useI18n();
  const format = { t, lang, formatTime, regionName };
  const thresholds = thresholdEntries(t, evidence.thresholds);
  const columns: Column<EvidenceRecord>[] = [
    { key: 'feed', header: t('enforcement.col.feed'), cell: (r) => <span className="enf-nowrap">{feedText(t, r.feed)}</span> },
    { key: 'key', header: t('enforcement.col.key'), cell: (r) => <span className="enf-mono">{r.key}</span> },
    { key: 'at', header: t('enforcement.col.time'), cell: (r) => <TimeText at={r.at} /> },
    {
      key: 'detail',
      header: t('enforcement.col.details'),
      cell: (r) => (
        <span className="enf-pairs">
          {detailPairs(format, r.detail).map((p) => (
            <span key={p.name} className="enf-pair">
              <span className="enf-muted">{p.name}</span> {p.value}
            </span>
          ))}
        </span>
      ),
    },
  ];
  return (
    <Card title={t('enforcement.case.evidence')} testId="case-evidence">
      <dl className="enf-facts">
        <dt>{t('enforcement.case.rule')}</dt>
        <dd data-testid="case-rule" data-rule={evidence.rule}>
          {ruleText(t, evidence.rule)}
        </dd>
        <dt>{t('enforcement.case.summary')}</dt>
        <dd className="enf-prose enf-summary-text" data-testid="case-summary">
          {summary}
        </dd>
        <dt>{t('enforcement.case.thresholds')}</dt>
        <dd>
          {thresholds.length === 0 ? (
            <span className="enf-muted">{t('enforcement.case.noThresholds')}</span>
          ) : (
            <span className="enf-pairs">
              {thresholds.map((th) => (
                <span key={th.key} className="enf-pair" data-threshold={th.key}>
                  <span className="enf-muted">{th.label}</span> <span className="num">{formatNumber(th.value)}</span>
                </span>
              ))}
            </span>
          )}
        </dd>
      </dl>
      <h3 className="enf-subtitle">{t('enforcement.case.records')}</h3>
      {evidence.records.length === 0 ? (
        <p className="enf-muted">{t('enforcement.case.noRecords')}</p>
      ) : (
        <DataTable
          columns={columns}
          rows={evidence.records}
          rowKey={(r) => `${r.feed}|${r.key}|${r.at ?? ''}`}
          rowTestId="evidence-row"
          testId="evidence-records"
        />
      )}
    </Card>
  );
}

function HistoryCard({ history, detail }: { history: CaseStep[]; detail: CaseDetail }) {
  const { t, lang } = useI18n();
  // A detector's opening step is written with the evidence's summary: while the evidence is still
  // the one it opened with, the step says it in the reader's language too. Reasons people wrote stay theirs.
  const reasonOf = (s: CaseStep) =>
    s.move === 'open' && isSystemActor(s.user) && s.reason === detail.summary ? caseSummaryText(detail, lang) : s.reason;
  const columns: Column<CaseStep>[] = [
    { key: 'at', header: t('enforcement.col.time'), cell: (s) => <TimeText at={s.at} /> },
    { key: 'user', header: t('enforcement.col.user'), cell: (s) => <span className="enf-nowrap">{openedByText(t, s.user)}</span> },
    { key: 'step', header: t('enforcement.col.step'), cell: (s) => <span className="enf-nowrap enf-step">{stepName(t, s.move)}</span> },
    {
      key: 'transition',
      header: t('enforcement.col.transition'),
      cell: (s) => (
        <span className="enf-transition">
          {s.from ? (
            <>
              <StateTag state={s.from} /> <span aria-hidden="true">→</span>{' '}
            </>
          ) : null}
          <StateTag state={s.to} />
        </span>
      ),
    },
    { key: 'reason', header: t('enforcement.col.reason'), className: 'enf-prose', cell: reasonOf },
  ];
  return (
    <Card title={t('enforcement.case.history')} testId="case-history">
      <DataTable
        columns={columns}
        rows={history}
        rowKey={(s) => `${s.at}|${s.move}|${s.to}`}
        rowTestId="history-row"
        rowAttrs={(s) => ({ 'data-move': s.move, 'data-to': s.to })}
      />
    </Card>
  );
}
