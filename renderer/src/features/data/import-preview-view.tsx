import type { ImportPreview } from '../../../../shared/contract/api.ts';
import { FEED_NAMES, type FeedName, isFeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * What importing the file would do: the feed (detected, changeable), each feed column with the file
 * column it maps to or "missing", the ignored columns, the first rows (masked by the console), and
 * what to fix when it cannot be imported.
 */
export function ImportPreviewView({
  preview,
  loading,
  strict,
  onStrict,
  onFeed,
  onCommit,
  onReset,
  blocked,
}: {
  preview: ImportPreview;
  loading: boolean;
  strict: boolean;
  onStrict: (strict: boolean) => void;
  onFeed: (feed: FeedName) => void;
  onCommit: () => void;
  onReset: () => void;
  /** Another job runs: importing must wait. */
  blocked: boolean;
}) {
  const { t, lang, formatNumber } = useI18n();
  const missingRequired = preview.columns.filter((c) => c.required && c.position === null).length;
  const canCommit = preview.feed !== null && preview.problem === null && missingRequired === 0 && !loading && !blocked;
  const format = [preview.format?.toUpperCase(), preview.encoding].filter(Boolean).join(' · ');

  return (
    <div className="data-preview" data-testid="import-preview" data-feed={preview.feed ?? ''} aria-busy={loading || undefined}>
      <div className="data-preview-head">
        <p>
          <span className="data-label">{t('data.import.file')}</span> <code data-testid="import-file-name">{preview.fileName}</code>
          {format ? <span className="muted"> ({format})</span> : null}
        </p>
        <label className="data-inline-field">
          <span>{t('data.import.feed')}</span>
          <select
            value={preview.feed ?? ''}
            disabled={loading}
            onChange={(e) => {
              if (isFeedName(e.target.value)) onFeed(e.target.value);
            }}
            data-testid="import-feed-select"
          >
            {preview.feed === null ? <option value="">{t('data.import.chooseFeed')}</option> : null}
            {FEED_NAMES.map((f) => (
              <option key={f} value={f}>
                {t(`feed.${f}`)} ({f})
              </option>
            ))}
          </select>
        </label>
        {loading ? <span className="muted">{t('common.loading')}</span> : null}
      </div>

      {preview.problem ? (
        <p className="notice notice-bad" role="alert" data-testid="import-problem">
          {lang === 'zh' ? preview.problem.zh : preview.problem.en}
        </p>
      ) : null}

      {preview.columns.length > 0 ? (
        <table className="data-mapping" data-testid="import-mapping">
          <caption>{t('data.import.mapping')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.import.feedColumn')}</th>
              <th scope="col">{t('data.import.fileColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => {
              const found = c.position !== null ? (preview.header[c.position] ?? '') : null;
              return (
                <tr key={c.name} data-column={c.name} data-mapped={found !== null} data-required={c.required}>
                  <th scope="row">
                    {lang === 'zh' ? c.zh : c.name} <span className="data-code">{lang === 'zh' ? c.name : c.zh}</span>
                    {c.required ? <span className="data-required">{t('data.import.required')}</span> : null}
                  </th>
                  <td>
                    {found !== null ? (
                      <span className="data-mapped">
                        <span aria-hidden="true">✓ </span>
                        <code>{found}</code>
                        <span className="muted"> {t('data.import.position', { n: (c.position ?? 0) + 1 })}</span>
                      </span>
                    ) : (
                      <span className={c.required ? 'data-missing data-missing-required' : 'data-missing'}>
                        {c.required ? t('data.import.missingRequired') : t('data.import.missing')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      {preview.ignored.length > 0 ? (
        <p className="data-ignored" data-testid="import-ignored">
          <span className="data-label">{t('data.import.ignored')}</span>{' '}
          {preview.ignored.map((h, i) => (
            <code key={`${h}-${i}`}>{h}</code>
          ))}
        </p>
      ) : null}

      {preview.header.length > 0 ? (
        <div className="data-sample-wrap">
          <table className="data-sample" data-testid="import-sample">
            <caption>
              {preview.sample.length > 0
                ? t('data.import.sample', { n: formatNumber(preview.sample.length) })
                : t('data.import.headerOnly')}
            </caption>
            <thead>
              <tr>
                {preview.header.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row, r) => (
                <tr key={r}>
                  {preview.header.map((_, i) => (
                    <td key={i}>{row[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <label className="data-check">
        <input type="checkbox" checked={strict} onChange={(e) => onStrict(e.target.checked)} data-testid="import-strict" />
        <span>{t('data.import.strict')}</span>
      </label>
      <p className="data-hint">{t('data.import.strictHint')}</p>
      {blocked ? <p className="notice notice-warn">{t('data.busy')}</p> : null}
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onCommit} disabled={!canCommit} data-testid="import-commit">
          {t('data.import.commit')}
        </button>
        <button type="button" onClick={onReset} data-testid="import-reset">
          {t('data.import.cancel')}
        </button>
      </div>
    </div>
  );
}
