import { useState } from 'react';
import type { PersonDetail, SessionInfo } from '../../../../shared/contract/api.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { routeHash } from '../../app/router.tsx';
import { Card } from '../../components/card.tsx';
import { ColorBadge } from '../../components/color-badge.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PersonCases } from './person-cases.tsx';
import { PersonTimeline } from './person-timeline.tsx';
import { reasonText } from './people-text.ts';

/**
 * A person's page: identity (masked; "show" for roles that may, audited), the code as of a date
 * (colour, since, earliest green, reasons), their cases (with "report a suspicion") and the timeline
 * of their records. Mounted per person (keyed by the reference), so an unmasked value is gone once
 * the user leaves the page.
 */
export function PersonPage({ personRef, session, hasResults }: { personRef: string; session: SessionInfo; hasResults: boolean }) {
  const { t } = useI18n();
  // null: the latest date the data reaches.
  const [asOf, setAsOf] = useState<string | null>(null);
  const [latest, setLatest] = useState<string | null>(null);
  const { data: detail, error, loading, reload: retry } = useApi('people.get', asOf ? { ref: personRef, asOf } : { ref: personRef });
  // The latest date is what the console answers when no date is asked for (state adjusted while rendering).
  if (asOf === null && !loading && detail && detail.asOf !== latest) setLatest(detail.asOf);

  const back = (
    <a href={routeHash({ screen: 'people', ref: null })} className="people-back" data-testid="person-back">
      {hasResults ? t('people.back') : t('people.backToSearch')}
    </a>
  );

  return (
    <div className="person-page" data-testid="person-page" data-ref={personRef} aria-busy={loading || undefined}>
      <div className="person-bar">
        {back}
        <label className="person-asof">
          <span>{t('people.asOf')}</span>
          <DateInput
            value={asOf ?? detail?.asOf ?? ''}
            max={latest ?? undefined}
            onChange={(v) => setAsOf(v === '' || v === latest ? null : v)}
            testId="person-asof"
          />
        </label>
        {asOf !== null ? (
          <button type="button" onClick={() => setAsOf(null)} data-testid="person-asof-latest">
            {t('people.latest')}
          </button>
        ) : null}
        <span className="people-hint">{t('people.asOfHint')}</span>
        {loading && detail ? <span className="people-hint">{t('common.loading')}</span> : null}
      </div>
      {error ? <ErrorBox error={error} onRetry={retry} testId="person-error" /> : null}
      {!detail && loading ? <p className="people-hint">{t('common.loading')}</p> : null}
      {detail ? (
        <>
          <div className="person-cards">
            <IdentityCard
              detail={detail}
              personRef={personRef}
              canUnmask={detail.canUnmask && session.permissions.includes('people.unmask')}
            />
            <CodeCard detail={detail} />
          </div>
          {session.permissions.includes('cases.view') ? <PersonCases personRef={personRef} session={session} /> : null}
          <Card title={t('people.timeline.title')}>
            <PersonTimeline events={detail.timeline} />
          </Card>
        </>
      ) : null}
    </div>
  );
}

type Field = 'id' | 'phone';

function IdentityCard({ detail, personRef, canUnmask }: { detail: PersonDetail; personRef: string; canUnmask: boolean }) {
  const { t, lang } = useI18n();
  const [shown, setShown] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState<Field | null>(null);
  const [error, setError] = useState<unknown>(null);

  const show = (field: Field) => {
    setBusy(field);
    setError(null);
    api('people.unmask', { ref: personRef, field }).then(
      ({ value }) => {
        setBusy(null);
        setShown((s) => ({ ...s, [field]: value }));
      },
      (err: unknown) => {
        setBusy(null);
        setError(err);
      },
    );
  };

  const value = (field: Field, masked: string | null, testId: string) => {
    const full = shown[field];
    return (
      <dd>
        <span
          className={full ? 'people-mono person-unmasked' : 'people-mono'}
          data-testid={testId}
          data-unmasked={full ? 'true' : undefined}
        >
          {full ?? masked ?? t('people.noPhone')}
        </span>
        {canUnmask && masked && !full ? (
          <button
            type="button"
            className="person-show"
            onClick={() => show(field)}
            disabled={busy !== null}
            data-testid={`${testId}-show`}
            title={t('people.unmaskNote')}
          >
            {busy === field ? t('people.showing') : t('people.show')}
          </button>
        ) : null}
      </dd>
    );
  };

  const anyShown = shown.id !== undefined || shown.phone !== undefined;
  return (
    <Card title={t('people.identity.title')} testId="person-identity">
      <dl className="person-facts">
        <dt>{t('people.id')}</dt>
        {value('id', detail.idMasked, 'person-id')}
        <dt>{t('people.name')}</dt>
        <dd data-testid="person-name">{detail.nameMasked ?? '—'}</dd>
        <dt>{t('people.phone')}</dt>
        {value('phone', detail.phoneMasked, 'person-phone')}
        <dt>{t('people.county')}</dt>
        <dd data-testid="person-county">{detail.county ? countyName(detail.county, lang) : '—'}</dd>
      </dl>
      {canUnmask ? (
        <p
          className={anyShown ? 'notice notice-warn person-audit-note' : 'people-hint person-audit-note'}
          role={anyShown ? 'status' : undefined}
          data-testid="person-unmask-note"
        >
          {anyShown ? t('people.unmasked') : t('people.unmaskNote')}
        </p>
      ) : null}
      {error ? <ErrorBox error={error} testId="person-unmask-error" /> : null}
    </Card>
  );
}

function CodeCard({ detail }: { detail: PersonDetail }) {
  const { t } = useI18n();
  const redOrYellow = detail.color === 'red' || detail.color === 'yellow';
  return (
    <Card title={t('people.code.title')} testId="person-code">
      <dl className="person-facts">
        <dt>{t('people.code.color')}</dt>
        <dd>
          <span className="person-color" data-testid="person-color" data-color={detail.color}>
            <ColorBadge color={detail.color} />
          </span>
        </dd>
        <dt>{t('people.code.since')}</dt>
        <dd className="people-mono" data-testid="person-since">
          {detail.since ?? '—'}
        </dd>
        <dt>{t('people.code.greenEligible')}</dt>
        <dd>
          <span className="people-mono" data-testid="person-green-eligible" data-day={detail.greenEligibleOn ?? ''}>
            {redOrYellow && detail.greenEligibleOn ? detail.greenEligibleOn : '—'}
          </span>
          <span className="people-hint person-green-note">
            {!redOrYellow
              ? t('people.code.notApplicable')
              : detail.greenEligibleOn
                ? t('people.code.greenCondition')
                : t('people.code.greenOngoing')}
          </span>
        </dd>
      </dl>
      <h3 className="person-subtitle">{t('people.reasons.title')}</h3>
      <ReasonList detail={detail} />
    </Card>
  );
}

function ReasonList({ detail }: { detail: PersonDetail }) {
  const { t } = useI18n();
  if (detail.reasons.length === 0) {
    return (
      <p className="people-hint" data-testid="person-reasons" data-count={0}>
        {t('people.reasons.none')}
      </p>
    );
  }
  return (
    <ul className="person-reasons" data-testid="person-reasons" data-count={detail.reasons.length}>
      {detail.reasons.map((r, i) => (
        <li key={`${r.source}-${r.condition}-${r.date}-${i}`} data-source={r.source} data-condition={r.condition} data-ongoing={r.ongoing}>
          <ColorBadge color={r.color} />
          <span className="person-reason-text">{reasonText(t, r.source, r.condition)}</span>
          <span className="people-mono people-hint" title={t('people.reasons.date')}>
            {r.date}
          </span>
          {r.ongoing ? <span className="person-ongoing">{t('people.reasons.ongoing')}</span> : null}
        </li>
      ))}
    </ul>
  );
}
