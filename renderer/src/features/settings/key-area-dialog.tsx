import type { KeyAreaRow } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { Modal } from '../../components/modal.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EMPTY_KEY_AREA, keyAreaToForm, validateKeyArea } from './validation.ts';
import { type KeyAreaChangeValue, KeyAreaPublishStep } from './key-area-publish-step.tsx';
import type { KeyAreaWhatIf } from '../../../../shared/contract/key-area-whatif.ts';
import { useState } from 'react';

/**
 * Adds a key area, or changes one (its region code stays: another code is another key area).
 * Saving re-evaluates the city's colours on the server. First the dialog asks for the what-if (a
 * dry run: who would change colour by county, and the new fraud suspicions), then publishes the
 * change with a reason (KeyAreaPublishStep).
 */
export function KeyAreaDialog({
  row,
  onClose,
  onSaved,
}: {
  row: KeyAreaRow | null;
  onClose: () => void;
  onSaved: (rows: KeyAreaRow[], saved: KeyAreaRow) => void;
}) {
  const { t } = useI18n();
  const [preview, setPreview] = useState<{ value: KeyAreaChangeValue; whatIf: KeyAreaWhatIf } | null>(null);
  const change = (value: KeyAreaRow): KeyAreaChangeValue => ({ ...value, previousFrom: row ? row.effectiveFrom : null });
  const { form, errors, busy, serverError, update, submit } = useForm(() => (row ? keyAreaToForm(row) : EMPTY_KEY_AREA), {
    validate: validateKeyArea,
    send: (value) => api('keyAreas.whatif', change(value)),
    onSent: (whatIf, value, controls) => {
      setPreview({ value: change(value), whatIf });
      controls.reset(form);
    },
  });

  return (
    <Modal
      title={row ? t('settings.keyAreas.editTitle', { code: row.regionCode }) : t('settings.keyAreas.addTitle')}
      onClose={onClose}
      testId="keyarea-dialog"
    >
      {preview ? (
        <KeyAreaPublishStep
          value={preview.value}
          whatIf={preview.whatIf}
          onBack={() => setPreview(null)}
          onClose={onClose}
          onPublished={(rows) => onSaved(rows, preview.value)}
        />
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="notice notice-warn">{t('settings.keyAreas.note')}</p>
          <Field label={t('settings.keyArea.code')} hint={t('settings.keyArea.codeHint')} error={errors.regionCode} testId="keyarea-code">
            {(describedBy, invalid) => (
              <input
                type="text"
                inputMode="numeric"
                maxLength={6}
                className="input-short mono"
                autoFocus={!row}
                readOnly={row !== null}
                value={form.regionCode}
                onChange={(e) => update({ regionCode: e.target.value })}
                data-testid="keyarea-code"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </Field>
          <Field label={t('settings.keyArea.name')} error={errors.name} testId="keyarea-name">
            {(describedBy, invalid) => (
              <input
                type="text"
                value={form.name}
                onChange={(e) => update({ name: e.target.value })}
                data-testid="keyarea-name"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </Field>
          <div className="field-row">
            <Field label={t('settings.keyArea.from')} error={errors.effectiveFrom} testId="keyarea-from">
              {(describedBy, invalid) => (
                <DateInput
                  value={form.effectiveFrom}
                  onChange={(effectiveFrom) => update({ effectiveFrom })}
                  required
                  testId="keyarea-from"
                  describedBy={describedBy}
                  invalid={invalid}
                />
              )}
            </Field>
            <Field label={t('settings.keyArea.to')} hint={t('settings.keyArea.toHint')} error={errors.effectiveTo} testId="keyarea-to">
              {(describedBy, invalid) => (
                <DateInput
                  value={form.effectiveTo}
                  onChange={(effectiveTo) => update({ effectiveTo })}
                  min={form.effectiveFrom || undefined}
                  testId="keyarea-to"
                  describedBy={describedBy}
                  invalid={invalid}
                />
              )}
            </Field>
          </div>
          {serverError ? <ErrorBox error={serverError} testId="keyarea-error" /> : null}
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy} data-testid="keyarea-save">
              {busy ? t('settings.whatif.previewing') : t('settings.whatif.preview')}
            </button>
            <button type="button" onClick={onClose} data-testid="keyarea-cancel">
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
