import { useState } from 'react';
import type { DetectorSettings } from '../../../../shared/contract/enforcement.ts';
import { DEFAULT_DETECTOR_SETTINGS, DETECTOR_RANGES, DETECTOR_SETTING_KEYS } from '../../../../shared/domain/detector-thresholds.ts';
import { api } from '../../api/client.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../api/use-api.ts';
import { type ThresholdsForm, thresholdsToForm, validateThresholds } from './thresholds-validation.ts';

/** The fraud detectors' thresholds ('settings.manage'): the spec's defaults unless changed here. */
export function DetectorThresholdsPanel() {
  const { t } = useI18n();
  const thresholds = useApi('detect.settings', {});
  return (
    <Card title={t('settings.detect.title')} testId="settings-detect">
      <p className="muted">{t('settings.detect.intro')}</p>
      {thresholds.error ? <ErrorBox error={thresholds.error} onRetry={thresholds.reload} testId="settings-detect-load-error" /> : null}
      {thresholds.data ? (
        <ThresholdsFormView saved={thresholds.data} onSaved={thresholds.set} />
      ) : thresholds.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </Card>
  );
}

function ThresholdsFormView({ saved, onSaved }: { saved: DetectorSettings; onSaved: (s: DetectorSettings) => void }) {
  const { t, lang } = useI18n();
  const [done, setDone] = useState(false);
  const { form, errors, busy, serverError, update, submit } = useForm(() => thresholdsToForm(saved), {
    validate: validateThresholds,
    send: (value) => api('detect.saveSettings', value),
    onSent: (next, _value, f) => {
      f.reset(thresholdsToForm(next));
      setDone(true);
      onSaved(next);
    },
    onEdit: () => setDone(false),
  });
  return (
    <form onSubmit={submit} noValidate className="form-grid">
      {DETECTOR_SETTING_KEYS.map((k) => {
        const r = DETECTOR_RANGES[k];
        return (
          <Field
            key={k}
            label={lang === 'zh' ? r.zh : r.en}
            hint={t('settings.detect.hint', { min: r.min, max: r.max, default: DEFAULT_DETECTOR_SETTINGS[k] })}
            error={errors[k]}
            testId={`detect-${k}`}
          >
            {(describedBy, invalid) => (
              <input
                type="number"
                inputMode="decimal"
                min={r.min}
                max={r.max}
                step={r.integer ? 1 : 'any'}
                className="input-short"
                value={form[k]}
                onChange={(e) => update({ [k]: e.target.value } as Partial<ThresholdsForm>)}
                data-testid={`detect-${k}`}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </Field>
        );
      })}
      {serverError ? <ErrorBox error={serverError} testId="settings-detect-error" /> : null}
      {done ? (
        <p className="notice notice-good" role="status" data-testid="settings-detect-saved">
          {t('settings.detect.saved')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="settings-detect-save">
          {busy ? t('common.saving') : t('settings.detect.save')}
        </button>
      </div>
    </form>
  );
}
