import { useState } from 'react';
import type { ExchangeTestResult } from '../../../../shared/contract/api.ts';
import { api, bridge } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { type SourceForm, formToSource, sourceToForm } from './source-form.ts';
import { SourceTestResult } from './source-test-result.tsx';

const chooseFolder = bridge.chooseFolder?.bind(bridge);

/**
 * Where syncs read from (administrators): an exchange directory, or the exchange database
 * (PostgreSQL) with its password. "Test connection" reaches it with what is typed, before saving;
 * Save keeps the address (without the password) and the password sealed with the database key.
 */
export function SyncSourceEditor({
  saved,
  passwordStored,
  onSaved,
  onClose,
}: {
  saved: string | null;
  passwordStored: boolean;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<SourceForm>(() => sourceToForm(saved));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [result, setResult] = useState<ExchangeTestResult | null>(null);
  const update = (patch: Partial<SourceForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setResult(null);
    setProblem(null);
  };
  const typed = () => {
    const s = formToSource(form);
    if ('problem' in s) {
      setProblem(s.problem);
      return null;
    }
    return s.source;
  };
  const password = form.kind === 'postgres' && form.password !== '' ? form.password : undefined;

  const test = () => {
    const source = typed();
    if (!source) return;
    setBusy('test');
    setError(null);
    api('sync.testSource', { source, ...(password !== undefined ? { password } : {}) }).then(
      (r) => {
        setBusy(null);
        setResult(r);
      },
      (err: unknown) => {
        setBusy(null);
        setError(err);
      },
    );
  };
  const save = () => {
    const source = typed();
    if (!source) return;
    setBusy('save');
    setError(null);
    api('settings.update', { syncSource: source, ...(password !== undefined ? { exchangePassword: password } : {}) }).then(
      () => {
        setBusy(null);
        onSaved();
      },
      (err: unknown) => {
        setBusy(null);
        setError(err);
      },
    );
  };

  const text = (key: keyof SourceForm, label: string, extra: { type?: string; className?: string; autoComplete?: string } = {}) => (
    <label className="source-field">
      <span>{label}</span>
      <input
        type={extra.type ?? 'text'}
        spellCheck={false}
        autoComplete={extra.autoComplete ?? 'off'}
        className={extra.className ?? 'input-medium'}
        value={form[key]}
        onChange={(e) => update({ [key]: e.target.value })}
        data-testid={`source-${key}`}
      />
    </label>
  );

  return (
    <div className="source-editor" data-testid="source-editor">
      <fieldset className="source-kind">
        <legend>{t('data.source.kind')}</legend>
        {(['directory', 'postgres'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="source-kind"
              checked={form.kind === kind}
              onChange={() => update({ kind })}
              data-testid={`source-kind-${kind}`}
            />{' '}
            {t(`data.source.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      {form.kind === 'directory' ? (
        <div className="source-fields">
          {text('directory', t('data.source.directory'), { className: 'input-wide' })}
          {chooseFolder ? (
            <button
              type="button"
              onClick={() => void chooseFolder(form.directory.trim() || null).then((d) => d && update({ directory: d }))}
            >
              {t('settings.console.browse')}
            </button>
          ) : null}
        </div>
      ) : (
        <div className="source-fields">
          {text('host', t('data.source.host'))}
          {text('port', t('data.source.port'), { className: 'input-short' })}
          {text('database', t('data.source.database'))}
          {text('schema', t('data.source.schema'))}
          {text('user', t('data.source.user'), { autoComplete: 'username' })}
          {text('password', t('data.source.password'), { type: 'password', autoComplete: 'new-password' })}
          <p className="data-hint">
            {t(passwordStored && saved === formToSourceOrNull(form) ? 'data.source.passwordKept' : 'data.source.passwordHint')}
          </p>
        </div>
      )}
      {problem ? (
        <p className="notice notice-bad" role="alert" data-testid="source-problem">
          {t(problem)}
        </p>
      ) : null}
      {error ? <ErrorBox error={error} testId="source-error" /> : null}
      {result ? <SourceTestResult result={result} /> : null}
      <div className="form-actions">
        <button type="button" onClick={test} disabled={busy !== null} data-testid="source-test">
          {busy === 'test' ? t('data.source.testing') : t('data.source.test')}
        </button>
        <button type="button" className="button-primary" onClick={save} disabled={busy !== null} data-testid="source-save">
          {busy === 'save' ? t('common.saving') : t('data.source.save')}
        </button>
        <button type="button" onClick={onClose} disabled={busy !== null} data-testid="source-close">
          {t('data.source.close')}
        </button>
      </div>
    </div>
  );
}

function formToSourceOrNull(f: SourceForm): string | null {
  const s = formToSource(f);
  return 'source' in s ? s.source : null;
}
