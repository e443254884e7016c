/** A progress bar with its own text (screen readers read the value). */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const pct = value === null ? null : Math.max(0, Math.min(1, value)) * 100;
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} aria-label={label}>
      <div
        className={pct === null ? 'progress-fill indeterminate' : 'progress-fill'}
        style={pct === null ? undefined : { width: `${pct}%` }}
      />
      <span className="progress-label">{label}</span>
    </div>
  );
}
