import type { CaseDetail } from '../../../../shared/contract/api.ts';
import type { CaseMove } from '../../../../shared/domain/cases.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Modal } from '../../components/modal.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReasonField } from './enforcement-bits.tsx';
import { moveName, moveReasonLabels, moveTone, validateMove } from './enforcement-text.ts';

/**
 * One step of a case: what it will do, the written reason (required), then `cases.move`. A refused
 * move (the case moved meanwhile, or the role may not) shows the server's message in the user's
 * language and changes nothing; the page reloads the case behind the dialog.
 */
export function MoveDialog({
  caseId,
  move,
  onClose,
  onMoved,
  onRefused,
}: {
  caseId: number;
  move: CaseMove;
  onClose: () => void;
  onMoved: (detail: CaseDetail) => void;
  onRefused: () => void;
}) {
  const { t } = useI18n();
  const labels = moveReasonLabels(move);
  const { form, errors, busy, serverError, update, submit } = useForm<{ reason: string }, string, CaseDetail>(
    { reason: '' },
    {
      validate: validateMove,
      send: (reason) => api('cases.move', { id: caseId, move, reason }),
      onSent: (detail) => onMoved(detail),
      onFailed: () => onRefused(),
    },
  );
  const name = moveName(t, move);
  return (
    <Modal title={t('enforcement.dialog.title', { move: name, id: caseId })} onClose={onClose} testId="move-dialog">
      <form onSubmit={submit} noValidate data-move={move}>
        <p className={move === 'decide' ? 'notice notice-bad' : 'notice'} data-testid="move-help">
          {t(`enforcement.moveHelp.${move}`)}
        </p>
        <ReasonField
          label={t(labels.label)}
          hint={t(labels.hint)}
          error={errors.reason}
          testId="move-reason"
          value={form.reason}
          onChange={(reason) => update({ reason })}
          autoFocus
        />
        {serverError ? <ErrorBox error={serverError} testId="move-error" /> : null}
        <div className="form-actions">
          <button type="submit" className={`enf-move enf-move-${moveTone(move)}`} disabled={busy} data-testid="move-submit">
            {busy ? t('enforcement.dialog.submitting') : t('enforcement.dialog.submit', { move: name })}
          </button>
          <button type="button" onClick={onClose} data-testid="move-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
