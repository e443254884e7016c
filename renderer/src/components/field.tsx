import { type ReactNode, useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Problem } from './form-errors.ts';

/** A problem's text in the current language, numbers in its parameters formatted for the locale. */
export function useProblemText(): (problem: Problem) => string {
  const { t, formatNumber } = useI18n();
  return (problem) => {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(problem.params ?? {})) params[k] = typeof v === 'number' ? formatNumber(v) : v;
    return t(problem.key, params);
  };
}

/**
 * A labelled form field: the label wraps the control (so clicking the label focuses it), the hint
 * and the error sit below and are announced with it. `aside` sits beside the control, outside the
 * label (a "back to the default" button).
 */
export function Field({
  label,
  hint,
  error,
  children,
  testId,
  aside,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: Problem | null;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
  testId?: string;
  aside?: ReactNode;
}) {
  const problemText = useProblemText();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const labelled = (
    <label>
      <span className="field-label">{label}</span>
      {children(describedBy, Boolean(error))}
    </label>
  );
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      {aside ? (
        <div className="field-with-aside">
          {labelled}
          {aside}
        </div>
      ) : (
        labelled
      )}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} data-testid={testId ? `${testId}-error` : undefined}>
          {problemText(error)}
        </p>
      ) : null}
    </div>
  );
}
