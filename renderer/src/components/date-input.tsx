/** A date field whose value is a `YYYY-MM-DD` local date ('' when empty), like the contract's IsoDay. */
export function DateInput({
  value,
  onChange,
  min,
  max,
  testId,
  describedBy,
  invalid,
  required,
}: {
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  testId?: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}) {
  return (
    <input
      type="date"
      className="date-input"
      value={value}
      min={min}
      max={max}
      required={required}
      data-testid={testId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
