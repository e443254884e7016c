import { type KeyboardEvent, useEffect, useState } from 'react';
import type { CaseDetail, PersonSummary } from '../../../../shared/contract/api.ts';
import { BEHAVIORS } from '../../../../shared/domain/cases.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { ColorBadge } from '../../components/color-badge.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field, useProblemText } from '../../components/field.tsx';
import { Modal } from '../../components/modal.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CountyText, ReasonField } from './enforcement-bits.tsx';
import { type FlagForm, type FlagValue, behaviorName, isBehavior, validateFlag } from './enforcement-text.ts';

const SEARCH_LIMIT = 10;
const SEARCH_DELAY_MS = 300;

/**
 * 上报疑似行为: an officer names the person (from the URL's reference, or found here with
 * people.search), the behaviour (default "other") and a written reason; `cases.flag` opens a case
 * in the "suspected" state. The report itself changes no colour.
 */
export function FlagDialog({
  initialRef,
  onClose,
  onFlagged,
}: {
  initialRef: string | null;
  onClose: () => void;
  onFlagged: (detail: CaseDetail) => void;
}) {
  const { t, lang } = useI18n();
  const problemText = useProblemText();
  const fromUrl = useApi('people.get', initialRef ? { ref: initialRef } : null);
  const [picked, setPicked] = useState<PersonSummary | null>(null);
  const [query, setQuery] = useState('');
  // The query searched: after a short pause in typing, or at once on Enter or the button.
  const [asked, setAsked] = useState('');

  const { form, errors, busy, serverError, update, submit } = useForm<FlagForm, FlagValue, CaseDetail>(
    { ref: initialRef, behavior: 'other', reason: '' },
    {
      validate: validateFlag,
      send: (value) => api('cases.flag', value),
      onSent: (detail) => onFlagged(detail),
    },
  );

  // The person named by the URL, until the user picks someone else.
  const person: PersonSummary | null = picked ?? (form.ref !== null && fromUrl.data && initialRef === form.ref ? fromUrl.data : null);

  const choosing = person === null;
  const q = asked.trim();
  const searching = choosing && q.length >= 2;
  const found = useApi('people.search', searching ? { query: q, limit: SEARCH_LIMIT } : null);
  const search = { query, results: searching ? found.data : null, loading: found.loading, error: searching ? found.error : null };
  const runSearch = (typed: string) => (typed.trim() === q ? found.reload() : setAsked(typed));

  // Searches as the user types, after a short pause.
  useEffect(() => {
    if (!choosing) return;
    const timer = window.setTimeout(() => setAsked(query), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query, choosing]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches now (and does not submit the report).
    if (e.key === 'Enter') {
      e.preventDefault();
      runSearch(search.query);
    }
  };

  const pick = (p: PersonSummary) => {
    setPicked(p);
    update({ ref: p.ref });
  };

  const unpick = () => {
    setPicked(null);
    update({ ref: null });
  };

  return (
    <Modal title={t('enforcement.flag.title')} onClose={onClose} testId="flag-dialog">
      <form onSubmit={submit} noValidate className="enf-flag">
        <p className="enf-muted enf-intro">{t('enforcement.flag.intro')}</p>
        <fieldset className="enf-fieldset">
          <legend className="field-label">{t('enforcement.flag.person')}</legend>
          {person ? (
            <div className="enf-picked" data-testid="flag-person" data-ref={person.ref}>
              <span className="enf-mono">{person.idMasked}</span>
              <span>{person.nameMasked ?? '—'}</span>
              <CountyText county={person.county} />
              <ColorBadge color={person.color} />
              <button type="button" className="button-quiet" onClick={unpick} data-testid="flag-unpick">
                {t('enforcement.flag.change')}
              </button>
            </div>
          ) : initialRef && form.ref === initialRef && fromUrl.loading ? (
            <p className="enf-muted">{t('enforcement.flag.loadingPerson')}</p>
          ) : (
            <>
              {initialRef && form.ref === initialRef && fromUrl.error ? (
                <ErrorBox error={fromUrl.error} testId="flag-person-error" />
              ) : null}
              <div className="enf-search">
                <label className="enf-search-label">
                  <span>{t('enforcement.flag.search')}</span>
                  <input
                    type="search"
                    value={search.query}
                    onChange={(e) => setQuery(e.target.value)}
                    onKeyDown={onSearchKey}
                    placeholder={t('enforcement.flag.searchHint')}
                    maxLength={64}
                    spellCheck={false}
                    autoComplete="off"
                    autoFocus
                    data-testid="flag-search"
                  />
                </label>
                <button type="button" onClick={() => runSearch(search.query)} disabled={search.loading} data-testid="flag-search-submit">
                  {search.loading ? t('enforcement.flag.searching') : t('enforcement.flag.searchButton')}
                </button>
              </div>
              {search.error ? <ErrorBox error={search.error} testId="flag-search-error" /> : null}
              {search.results !== null ? (
                search.results.length === 0 ? (
                  <p className="enf-muted" data-testid="flag-no-results">
                    {t('enforcement.flag.noResults', { query: search.query.trim() })}
                  </p>
                ) : (
                  <ul className="enf-results">
                    {search.results.map((p) => (
                      <li key={p.ref}>
                        <button type="button" className="enf-result" onClick={() => pick(p)} data-testid="flag-pick" data-ref={p.ref}>
                          <span className="enf-mono">{p.idMasked}</span>
                          <span>{p.nameMasked ?? '—'}</span>
                          <CountyText county={p.county} />
                          <ColorBadge color={p.color} />
                          <span className="enf-result-pick">{t('enforcement.flag.pick')}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )
              ) : null}
              {errors.ref ? (
                <p className="field-error" role="alert" data-testid="flag-person-missing">
                  {problemText(errors.ref)}
                </p>
              ) : null}
            </>
          )}
        </fieldset>
        <Field label={t('enforcement.flag.behavior')} testId="flag-behavior">
          {(describedBy) => (
            <select
              value={form.behavior}
              onChange={(e) => update({ behavior: isBehavior(e.target.value) ? e.target.value : 'other' })}
              aria-describedby={describedBy}
              data-testid="flag-behavior"
            >
              {BEHAVIORS.map((b) => (
                <option key={b} value={b}>
                  {behaviorName(b, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ReasonField
          label={t('enforcement.flag.reason')}
          hint={t('enforcement.flag.reasonHint')}
          error={errors.reason}
          testId="flag-reason"
          value={form.reason}
          onChange={(reason) => update({ reason })}
        />
        {serverError ? <ErrorBox error={serverError} testId="flag-error" /> : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="flag-submit">
            {busy ? t('enforcement.flag.submitting') : t('enforcement.flag.submit')}
          </button>
          <button type="button" onClick={onClose} data-testid="flag-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
