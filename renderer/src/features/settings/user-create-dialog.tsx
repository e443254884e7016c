import type { UserRow } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { Modal } from '../../components/modal.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PASSWORD_MIN_LENGTH } from '../auth/validation.ts';
import { RoleCountyFields } from './role-county-fields.tsx';
import { type UserCreateForm, validateUserCreate } from './validation.ts';

const EMPTY: UserCreateForm = { name: '', role: 'officer', county: '', password: '' };

export function UserCreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: UserRow) => void }) {
  const { t } = useI18n();
  const { form, errors, busy, serverError, update, submit } = useForm(EMPTY, {
    validate: validateUserCreate,
    send: (value) => api('users.create', value),
    onSent: (user) => onCreated(user),
  });

  return (
    <Modal title={t('settings.user.createTitle')} onClose={onClose} testId="user-create-dialog">
      <form onSubmit={submit} noValidate>
        <Field label={t('settings.user.name')} error={errors.name} testId="user-create-name">
          {(describedBy, invalid) => (
            <input
              type="text"
              autoComplete="off"
              autoFocus
              value={form.name}
              onChange={(e) => update({ name: e.target.value })}
              data-testid="user-create-name"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <RoleCountyFields
          role={form.role}
          county={form.county}
          onRole={(role) => update({ role })}
          onCounty={(county) => update({ county })}
          errors={errors}
          testIdPrefix="user-create"
        />
        <Field
          label={t('settings.user.password')}
          hint={t('settings.user.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          error={errors.password}
          testId="user-create-password"
        >
          {(describedBy, invalid) => (
            <input
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => update({ password: e.target.value })}
              data-testid="user-create-password"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        {serverError ? <ErrorBox error={serverError} testId="user-create-error" /> : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="user-create-submit">
            {busy ? t('common.saving') : t('settings.user.createSubmit')}
          </button>
          <button type="button" onClick={onClose} data-testid="user-create-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
