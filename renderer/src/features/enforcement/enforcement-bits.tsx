/** Small pieces shared by the Enforcement screen's panels. */
import type { CaseState } from '../../../../shared/domain/cases.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { Field } from '../../components/field.tsx';
import type { Problem } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { REASON_MAX, behaviorName, stateName, stateTone } from './enforcement-text.ts';

/** A case's state as a tag: words and a tone (a sanction red, a revocation green). */
export function StateTag({ state, testId }: { state: CaseState; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`enf-state enf-tone-${stateTone(state)}`} data-state={state} data-testid={testId}>
      {stateName(t, state)}
    </span>
  );
}

export function BehaviorText({ behavior }: { behavior: string }) {
  const { lang } = useI18n();
  return <span className="enf-nowrap">{behaviorName(behavior, lang)}</span>;
}

export function CountyText({ county }: { county: string | null }) {
  const { lang } = useI18n();
  return <span className="enf-nowrap">{county ? countyName(county, lang) : '—'}</span>;
}

/** A time on one line (date and clock), or a dash; `wrap`: the clock may go under the date in a narrow column. */
export function TimeText({ at, wrap }: { at: number | null; wrap?: boolean }) {
  const { formatTime } = useI18n();
  return <span className={wrap ? 'enf-mono' : 'enf-mono enf-nowrap'}>{at === null ? '—' : formatTime(at)}</span>;
}

/** The reason a person gives for a flag or a move: recorded in the case history word for word. */
export function ReasonInput({
  value,
  onChange,
  describedBy,
  invalid,
  testId,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  describedBy: string | undefined;
  invalid: boolean;
  testId: string;
  autoFocus?: boolean;
}) {
  return (
    <textarea
      className="enf-reason"
      rows={4}
      maxLength={REASON_MAX}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      data-testid={testId}
      autoFocus={autoFocus}
    />
  );
}

/** The reason's field of a flag or move dialog: label, hint, its error and the text box. */
export function ReasonField({
  label,
  hint,
  error,
  testId,
  value,
  onChange,
  autoFocus,
}: {
  label: string;
  hint: string;
  error: Problem | null | undefined;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <Field label={label} hint={hint} error={error ?? null} testId={testId}>
      {(describedBy, invalid) => (
        <ReasonInput value={value} onChange={onChange} describedBy={describedBy} invalid={invalid} testId={testId} autoFocus={autoFocus} />
      )}
    </Field>
  );
}
