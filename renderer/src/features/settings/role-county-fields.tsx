import { COUNTIES } from '../../../../shared/domain/counties.ts';
import { ROLES, ROLE_NAMES } from '../../../../shared/domain/roles.ts';
import { Field } from '../../components/field.tsx';
import type { Problem } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The role and county pickers shared by the new-user and edit-user forms. */
export function RoleCountyFields({
  role,
  county,
  onRole,
  onCounty,
  errors,
  testIdPrefix,
  disabled,
}: {
  role: string;
  county: string;
  onRole: (role: string) => void;
  onCounty: (county: string) => void;
  errors: { role?: Problem; county?: Problem };
  testIdPrefix: string;
  disabled?: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <Field label={t('settings.user.role')} error={errors.role} testId={`${testIdPrefix}-role`}>
        {(describedBy, invalid) => (
          <select
            value={role}
            onChange={(e) => onRole(e.target.value)}
            disabled={disabled}
            data-testid={`${testIdPrefix}-role`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r][lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('settings.user.county')} hint={t('settings.user.countyHint')} error={errors.county} testId={`${testIdPrefix}-county`}>
        {(describedBy, invalid) => (
          <select
            value={county}
            onChange={(e) => onCounty(e.target.value)}
            disabled={disabled}
            data-testid={`${testIdPrefix}-county`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          >
            <option value="">{t('settings.users.wholeCity')}</option>
            {COUNTIES.map((c) => (
              <option key={c.code} value={c.code}>
                {lang === 'zh' ? c.name : c.nameEn}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
