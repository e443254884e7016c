/**
 * The chain's verification state: verified (green, with its length, head and anchor) or broken at
 * an entry (red, with the kind of damage and what to do). Checked when the screen opens and on
 * demand; each check is itself an entry of the log.
 */
import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { auditTimeText, problemKey } from './audit-text.ts';

export function ChainState() {
  const { t, formatNumber } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const check = useApi('audit.verify', {}, [attempt]);
  const v = check.loading ? null : check.data;
  const state = v === null ? 'checking' : v.ok ? 'ok' : 'broken';
  return (
    <Card
      title={t('audit.chain.title')}
      testId="audit-chain"
      className={`audit-chain audit-chain-${state}`}
      actions={
        <button type="button" onClick={() => setAttempt((n) => n + 1)} disabled={check.loading} data-testid="audit-verify-again">
          {t('audit.chain.again')}
        </button>
      }
    >
      <div data-testid="audit-chain-state" data-state={state} data-entries={v?.entries ?? ''} data-broken={v?.firstBroken ?? ''}>
        {check.error ? <ErrorBox error={check.error} onRetry={check.reload} testId="audit-chain-error" /> : null}
        {v === null ? <p className="muted">{t('audit.chain.checking')}</p> : null}
        {v?.ok ? <p className="audit-chain-verdict">{t('audit.chain.ok', { entries: formatNumber(v.entries) })}</p> : null}
        {v && !v.ok && v.problem ? (
          <>
            <p className="audit-chain-verdict" role="alert">
              {v.firstBroken !== null
                ? t('audit.chain.broken', { id: formatNumber(v.firstBroken), problem: t(problemKey(v.problem)) })
                : t('audit.chain.brokenAnchor', { problem: t(problemKey(v.problem)) })}
            </p>
            <p>{t('audit.chain.advice')}</p>
          </>
        ) : null}
        {v ? (
          <p className="audit-chain-line">
            <span>{t('audit.chain.head', { id: formatNumber(v.head.id) })}</span>
            <code className="mono audit-hash" data-testid="audit-head-hash">
              {v.head.hash}
            </code>
            {v.head.at ? <span>{t('audit.chain.headAt', { at: auditTimeText(v.head.at) })}</span> : null}
          </p>
        ) : null}
        {v?.ok ? (
          <p className="audit-chain-line muted">
            {v.anchor
              ? t('audit.chain.anchor', { id: formatNumber(v.anchor.id), at: auditTimeText(v.anchor.writtenAt) })
              : t('audit.chain.noAnchor')}
            {' · '}
            {t('audit.chain.took', { ms: formatNumber(v.ms) })}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
