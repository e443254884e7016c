import { useState } from 'react';
import type { ConsoleSettings } from '../../../../shared/contract/api.ts';
import { api, bridge } from '../../api/client.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../api/use-api.ts';
import { IDLE_MINUTES, settingsToForm, validateConsoleSettings } from './validation.ts';

export function ConsoleSettingsPanel() {
  const { t } = useI18n();
  const settings = useApi('settings.get', {});
  return (
    <Card title={t('settings.console.title')} testId="settings-console">
      {settings.error ? <ErrorBox error={settings.error} onRetry={settings.reload} testId="settings-load-error" /> : null}
      {settings.data ? (
        <SettingsForm saved={settings.data} onSaved={settings.set} />
      ) : settings.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </Card>
  );
}

/** The desktop's folder dialog; the browser has none (the path is typed, and checked when saved). */
const chooseFolder = bridge.chooseFolder?.bind(bridge);

function SettingsForm({ saved, onSaved }: { saved: ConsoleSettings; onSaved: (s: ConsoleSettings) => void }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const { form, errors, busy, serverError, update, submit } = useForm(() => settingsToForm(saved), {
    validate: validateConsoleSettings,
    send: (value) => api('settings.update', value),
    onSent: (next, _value, f) => {
      // The form stays: it shows what the server saved, and says so until the next edit.
      f.reset(settingsToForm(next));
      setDone(true);
      onSaved(next);
    },
    onEdit: () => setDone(false),
  });

  return (
    <form onSubmit={submit} noValidate className="form-grid">
      <Field
        label={t('settings.console.idle')}
        hint={t('settings.console.idleHint', { min: IDLE_MINUTES.min, max: IDLE_MINUTES.max })}
        error={errors.idleTimeoutMinutes}
        testId="settings-idle"
      >
        {(describedBy, invalid) => (
          <input
            type="number"
            inputMode="numeric"
            min={IDLE_MINUTES.min}
            max={IDLE_MINUTES.max}
            step={1}
            className="input-short"
            value={form.idleTimeoutMinutes}
            onChange={(e) => update({ idleTimeoutMinutes: e.target.value })}
            data-testid="settings-idle"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <Field
        label={t('settings.console.autoSync')}
        hint={t('settings.console.autoSyncHint')}
        error={errors.autoSyncMinutes}
        testId="settings-autosync"
      >
        {(describedBy, invalid) => (
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            className="input-short"
            value={form.autoSyncMinutes}
            onChange={(e) => update({ autoSyncMinutes: e.target.value })}
            data-testid="settings-autosync"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <Field
        label={t('settings.console.syncSource')}
        hint={t('settings.console.syncSourceHint')}
        error={errors.syncSource}
        testId="settings-sync-source"
        aside={
          chooseFolder ? (
            <button
              type="button"
              onClick={() => void chooseFolder(form.syncSource.trim() || null).then((dir) => dir && update({ syncSource: dir }))}
              data-testid="settings-sync-source-browse"
            >
              {t('settings.console.browse')}
            </button>
          ) : null
        }
      >
        {(describedBy, invalid) => (
          <input
            type="text"
            spellCheck={false}
            className="input-wide"
            value={form.syncSource}
            onChange={(e) => update({ syncSource: e.target.value })}
            data-testid="settings-sync-source"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      {serverError ? <ErrorBox error={serverError} testId="settings-error" /> : null}
      {done ? (
        <p className="notice notice-good" role="status" data-testid="settings-saved">
          {t('settings.console.saved')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="settings-save">
          {busy ? t('common.saving') : t('settings.console.save')}
        </button>
      </div>
    </form>
  );
}
