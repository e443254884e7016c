import { useState } from 'react';
import type { ConsoleSettings } from '../../../../shared/contract/api.ts';
import { DEFAULT_MAP_BANDS } from '../../../../shared/domain/map-bands.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { bandsPreview, mapBandsToForm, validateMapBands } from './map-bands-validation.ts';

/** The dashboard map's fixed scale ('settings.manage'): the thresholds every role's map is coloured by. */
export function MapBandsPanel() {
  const { t } = useI18n();
  const settings = useApi('settings.get', {});
  return (
    <Card title={t('settings.mapBands.title')} testId="settings-map-bands">
      <p className="muted">{t('settings.mapBands.intro')}</p>
      {settings.error ? <ErrorBox error={settings.error} onRetry={settings.reload} testId="settings-map-bands-load-error" /> : null}
      {settings.data ? (
        <MapBandsForm saved={settings.data} onSaved={settings.set} />
      ) : settings.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </Card>
  );
}

function MapBandsForm({ saved, onSaved }: { saved: ConsoleSettings; onSaved: (s: ConsoleSettings) => void }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const { form, errors, busy, serverError, update, submit } = useForm(() => mapBandsToForm(saved.mapBands), {
    validate: validateMapBands,
    send: (mapBands) => api('settings.update', { mapBands }),
    onSent: (next, _value, f) => {
      f.reset(mapBandsToForm(next.mapBands));
      setDone(true);
      onSaved(next);
    },
    onEdit: () => setDone(false),
  });
  const preview = bandsPreview(form);
  return (
    <form onSubmit={submit} noValidate className="form-grid">
      <Field
        label={t('settings.mapBands.label')}
        hint={t('settings.mapBands.hint', { default: DEFAULT_MAP_BANDS.join(', ') })}
        error={errors.thresholds}
        testId="settings-map-bands"
      >
        {(describedBy, invalid) => (
          <input
            type="text"
            inputMode="decimal"
            spellCheck={false}
            className="input-wide"
            value={form.thresholds}
            onChange={(e) => update({ thresholds: e.target.value })}
            data-testid="settings-map-bands-input"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      {preview ? (
        <p className="muted" data-testid="settings-map-bands-preview">
          {t('settings.mapBands.preview', { bands: preview })}
        </p>
      ) : null}
      {serverError ? <ErrorBox error={serverError} testId="settings-map-bands-error" /> : null}
      {done ? (
        <p className="notice notice-good" role="status" data-testid="settings-map-bands-saved">
          {t('settings.mapBands.saved')}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          onClick={() => update(mapBandsToForm(DEFAULT_MAP_BANDS))}
          disabled={busy}
          data-testid="settings-map-bands-reset"
        >
          {t('settings.mapBands.reset')}
        </button>
        <button type="submit" className="button-primary" disabled={busy} data-testid="settings-map-bands-save">
          {busy ? t('common.saving') : t('settings.mapBands.save')}
        </button>
      </div>
    </form>
  );
}
