import { useState } from 'react';
import type { BulkMoveResult, CaseSummary } from '../../../../shared/contract/api.ts';
import type { BulkMove } from '../../../../shared/domain/cases.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { api } from '../../api/client.ts';
import { ApiCallError } from '../../api/api-error.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { errorText } from '../../components/error-text.ts';
import { Modal } from '../../components/modal.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReasonField } from './enforcement-bits.tsx';
import { moveName, moveTone, validateMove } from './enforcement-text.ts';
import { cannotMove } from './queue-state.ts';

/**
 * One step for the selected cases with one written reason (`cases.moveMany`): the console moves
 * each as a single move would, and reports those it left where they were. The dialog says before
 * sending which of them the step does not fit, then what was done and what was refused, with why.
 */
export function BulkMoveDialog({
  cases,
  move,
  role,
  onClose,
  onMoved,
}: {
  cases: readonly CaseSummary[];
  move: BulkMove;
  role: Role;
  onClose: () => void;
  /** After the console answered (something may have moved): the queue reloads. */
  onMoved: () => void;
}) {
  const { t } = useI18n();
  const [result, setResult] = useState<BulkMoveResult | null>(null);
  const name = moveName(t, move);
  const skipped = cannotMove(cases, move, role);
  const { form, errors, busy, serverError, update, submit } = useForm<{ reason: string }, string, BulkMoveResult>(
    { reason: '' },
    {
      validate: validateMove,
      send: (reason) => api('cases.moveMany', { ids: cases.map((c) => c.id), move, reason }),
      onSent: (r) => {
        setResult(r);
        onMoved();
      },
    },
  );
  const title = t('enforcement.bulk.title', { move: name, n: cases.length });
  if (result) return <BulkOutcome title={title} move={name} cases={cases} result={result} onClose={onClose} />;
  return (
    <Modal title={title} onClose={onClose} testId="bulk-dialog">
      <form onSubmit={submit} noValidate data-move={move}>
        <p className="notice" data-testid="bulk-help">
          {t('enforcement.bulk.help', { move: name })}
        </p>
        {skipped.length > 0 ? (
          <div className="notice notice-warn" data-testid="bulk-will-skip" data-count={skipped.length}>
            <p className="enf-bulk-lead">{t('enforcement.bulk.willSkip', { n: skipped.length, move: name })}</p>
            <CaseLines lines={skipped.map(({ c, why }) => ({ id: c.id, idMasked: c.idMasked, nameMasked: c.nameMasked, why }))} />
          </div>
        ) : null}
        <ReasonField
          label={t('enforcement.dialog.reason')}
          hint={t('enforcement.dialog.reasonHint')}
          error={errors.reason}
          testId="bulk-reason"
          value={form.reason}
          onChange={(reason) => update({ reason })}
          autoFocus
        />
        {serverError ? <ErrorBox error={serverError} testId="bulk-error" /> : null}
        <div className="form-actions">
          <button
            type="submit"
            className={`enf-move enf-move-${moveTone(move)}`}
            disabled={busy || skipped.length === cases.length}
            data-testid="bulk-submit"
          >
            {busy ? t('enforcement.bulk.submitting') : t('enforcement.bulk.submit', { move: name, n: cases.length - skipped.length })}
          </button>
          <button type="button" onClick={onClose} data-testid="bulk-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function BulkOutcome({
  title,
  move,
  cases,
  result,
  onClose,
}: {
  title: string;
  move: string;
  cases: readonly CaseSummary[];
  result: BulkMoveResult;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const known = new Map(cases.map((c) => [c.id, c]));
  return (
    <Modal title={title} onClose={onClose} testId="bulk-dialog">
      <p
        className={result.moved.length > 0 ? 'notice notice-good' : 'notice'}
        role="status"
        data-testid="bulk-done"
        data-moved={result.moved.join(',')}
      >
        {t('enforcement.bulk.done', { move, n: result.moved.length })}
      </p>
      {result.refused.length > 0 ? (
        <div className="notice notice-warn" data-testid="bulk-refused" data-count={result.refused.length}>
          <p className="enf-bulk-lead">{t('enforcement.bulk.refused', { n: result.refused.length })}</p>
          <CaseLines
            lines={result.refused.map((r) => ({
              id: r.id,
              // A case the console would not name (gone, or another county's) is not named from the page's copy either.
              idMasked: r.idMasked,
              nameMasked: r.idMasked === null ? null : (r.nameMasked ?? known.get(r.id)?.nameMasked ?? null),
              why: errorText(ApiCallError.of(r.error), t, lang),
            }))}
          />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onClose} data-testid="bulk-finish">
          {t('enforcement.bulk.finish')}
        </button>
      </div>
    </Modal>
  );
}

/** Cases named masked, each with why (a string, or a refusal's two languages). */
function CaseLines({
  lines,
}: {
  lines: { id: number; idMasked: string | null; nameMasked: string | null; why: string | { en: string; zh: string } }[];
}) {
  const { t, lang } = useI18n();
  return (
    <ul className="enf-bulk-lines">
      {lines.map((l) => (
        <li key={l.id} data-testid="bulk-line" data-case-id={l.id}>
          <span className="enf-mono enf-nowrap">{t('enforcement.caseNumber', { id: l.id })}</span>
          <span className="enf-mono enf-nowrap">{l.idMasked ?? t('enforcement.bulk.unknownCase')}</span>
          {l.nameMasked ? <span className="enf-nowrap">{l.nameMasked}</span> : null}
          <span className="enf-bulk-why">{typeof l.why === 'string' ? l.why : l.why[lang]}</span>
        </li>
      ))}
    </ul>
  );
}
