/**
 * 县级签发: the seven counties' sign-off of a day (a county's account: its own), each signed or not,
 * by whom and when, and how many of its figures changed after it signed (listed signed → now). The
 * county's designated officer gets the button that signs off their county, after a confirmation
 * that shows the figures. On the dashboard and, for the briefing's day, on the Briefings screen.
 */
import { useState } from 'react';
import type { CountySignoffState, SessionInfo, SignoffStatus } from '../../../../shared/contract/api.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import type { ApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SignoffDialog } from './signoff-dialog.tsx';
import './signoff.css';

function CountyChip({ c }: { c: CountySignoffState }) {
  const { t, lang, formatTime } = useI18n();
  const list = c.changed.map((x) => `${t(`signoff.figure.${x.figure}`)} ${x.before} → ${x.after}`).join(lang === 'zh' ? '、' : ', ');
  const tone = !c.signed ? 'so-unsigned' : c.changed.length > 0 ? 'so-changed' : 'so-signed';
  return (
    <li
      className={`so-county ${tone}`}
      data-testid="signoff-county"
      data-county={c.county}
      data-signed={c.signed ? 'true' : 'false'}
      data-changed={c.changed.length}
      title={list ? t('signoff.changedList', { list }) : undefined}
    >
      <span className="so-name">{countyName(c.county, lang)}</span>
      <span className="so-state">{c.signed ? `✓ ${t('signoff.signed')}` : t('signoff.unsigned')}</span>
      {c.signed && c.signedBy !== null && c.signedAt !== null ? (
        <span className="so-by">{t('signoff.by', { user: c.signedBy, time: formatTime(c.signedAt) })}</span>
      ) : null}
      {c.signed ? (
        <span className="so-diff" data-testid="signoff-changed">
          {c.changed.length > 0 ? `⚠ ${t('signoff.changed', { n: c.changed.length })}` : t('signoff.unchanged')}
        </span>
      ) : null}
      {list ? <span className="so-list">{list}</span> : null}
    </li>
  );
}

export function SignoffPanel({ answer, session }: { answer: ApiData<SignoffStatus>; session: SessionInfo }) {
  const { t, lang } = useI18n();
  const [signing, setSigning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const s = answer.data;
  const mine = s && s.mayRecord ? s.counties.find((c) => c.county === s.mayRecord) : undefined;
  return (
    <section
      className="so-panel"
      data-testid="signoff-panel"
      data-day={s?.day ?? ''}
      data-unsigned={s ? s.unsigned.join(',') : ''}
      aria-labelledby="signoff-title"
      aria-busy={answer.loading}
    >
      <div className="so-head">
        <h3 id="signoff-title">{t('signoff.title', { day: s?.day ?? '…' })}</h3>
        {s ? (
          <span className="so-summary" data-testid="signoff-summary">
            {t('signoff.summary', { signed: s.counties.length - s.unsigned.length, total: s.counties.length })}
          </span>
        ) : (
          <span className="so-summary">{t('signoff.loading')}</span>
        )}
        {mine && s ? (
          <button type="button" className="button-primary so-sign" onClick={() => setSigning(true)} data-testid="signoff-sign">
            {mine.signed ? t('signoff.signAgain') : t('signoff.sign')}
          </button>
        ) : null}
      </div>
      {answer.error ? <ErrorBox error={answer.error} onRetry={answer.reload} /> : null}
      {s ? (
        <ul className="so-strip">
          {s.counties.map((c) => (
            <CountyChip key={c.county} c={c} />
          ))}
        </ul>
      ) : null}
      {done ? (
        <p className="notice notice-good so-done" role="status" data-testid="signoff-done">
          {done}
        </p>
      ) : (
        <p className="so-hint">{t('signoff.hint')}</p>
      )}
      {signing && mine && s ? (
        <SignoffDialog
          day={s.day}
          state={mine}
          user={session.user.name}
          onClose={() => setSigning(false)}
          onSigned={(signed) => {
            setSigning(false);
            setDone(t('signoff.done', { county: countyName(signed.county, lang), day: s.day }));
            answer.reload();
          }}
        />
      ) : null}
    </section>
  );
}
