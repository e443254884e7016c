import type { UserRow } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { Modal } from '../../components/modal.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PASSWORD_MIN_LENGTH } from '../auth/validation.ts';
import { RoleCountyFields } from './role-county-fields.tsx';
import { userToEditForm, validateUserEdit } from './validation.ts';

/**
 * Changes a user's role, county, disabled flag or password. An administrator cannot disable or
 * demote themselves here (that would lock the console out); the server has the last word anyway.
 */
export function UserEditDialog({
  user,
  isSelf,
  onClose,
  onSaved,
}: {
  user: UserRow;
  isSelf: boolean;
  onClose: () => void;
  onSaved: (user: UserRow | null) => void;
}) {
  const { t } = useI18n();
  const { form, errors, busy, serverError, update, submit } = useForm(() => userToEditForm(user), {
    validate: (f) => validateUserEdit(user, f),
    send: (value) => {
      // Nothing changed: nothing to send, the dialog just closes.
      if (value === null) {
        onSaved(null);
        return null;
      }
      return api('users.update', value);
    },
    onSent: (saved) => onSaved(saved),
  });

  return (
    <Modal title={t('settings.user.editTitle', { name: user.name })} onClose={onClose} testId="user-edit-dialog">
      <form onSubmit={submit} noValidate>
        {isSelf ? (
          <p className="notice" data-testid="user-edit-self-hint">
            {t('settings.user.selfHint')}
          </p>
        ) : null}
        <RoleCountyFields
          role={form.role}
          county={form.county}
          onRole={(role) => update({ role })}
          onCounty={(county) => update({ county })}
          errors={errors}
          testIdPrefix="user-edit"
          disabled={isSelf}
        />
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.disabled}
              disabled={isSelf}
              onChange={(e) => update({ disabled: e.target.checked })}
              data-testid="user-edit-disabled"
            />
            <span>{t('settings.user.disabledLabel')}</span>
          </label>
        </div>
        <Field
          label={t('settings.user.resetPassword')}
          hint={t('settings.user.resetHint', { min: PASSWORD_MIN_LENGTH })}
          error={errors.password}
          testId="user-edit-password"
        >
          {(describedBy, invalid) => (
            <input
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => update({ password: e.target.value })}
              data-testid="user-edit-password"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        {serverError ? <ErrorBox error={serverError} testId="user-edit-error" /> : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="user-edit-submit">
            {busy ? t('common.saving') : t('settings.user.saveSubmit')}
          </button>
          <button type="button" onClick={onClose} data-testid="user-edit-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
