import { useState } from 'react';
import type { KeyAreaRow } from '../../../../shared/contract/api.ts';
import type { KeyAreaWhatIf, WhatIfCounty } from '../../../../shared/contract/key-area-whatif.ts';
import { countyByCode } from '../../../../shared/domain/counties.ts';
import { api } from '../../api/client.ts';
import { ColorBadge } from '../../components/color-badge.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import type { CodeColor } from '../../../../shared/domain/rules/colors.ts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** What the dialog sends: the key area after the change and, when it changes a listed one, that one's start. */
export type KeyAreaChangeValue = KeyAreaRow & { previousFrom: string | null };

/**
 * The second step of the key-area dialog: the dry run's answer by county (nothing has changed
 * yet), then publishing with a required reason. Cancel or back changes nothing.
 */
export function KeyAreaPublishStep({
  value,
  whatIf,
  onBack,
  onClose,
  onPublished,
}: {
  value: KeyAreaChangeValue;
  whatIf: KeyAreaWhatIf;
  onBack: () => void;
  onClose: () => void;
  onPublished: (rows: KeyAreaRow[]) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = reason.trim() === '';

  const publish = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing) return;
    setBusy(true);
    setError(null);
    api('keyAreas.save', { ...value, reason: reason.trim() }).then(onPublished, (err: unknown) => {
      setError(err);
      setBusy(false);
    });
  };

  const rows = whatIf.counties.filter((c) => c.county !== '' || c.changedToday + c.changedInPeriod + c.newSuspicions > 0);
  return (
    <form onSubmit={publish} noValidate data-testid="keyarea-whatif">
      <h3>{t('settings.whatif.title', { kind: t(`settings.whatif.kind.${whatIf.kind}`), code: whatIf.regionCode })}</h3>
      <p className="notice" data-testid="keyarea-whatif-dryrun">
        {t('settings.whatif.dryRun', { examined: whatIf.examined, today: whatIf.today, from: whatIf.periodFrom })}
      </p>
      <table className="whatif-table" data-testid="keyarea-whatif-table">
        <thead>
          <tr>
            <th>{t('settings.whatif.col.county')}</th>
            <th className="num">{t('settings.whatif.col.today')}</th>
            <th>{t('settings.whatif.col.how')}</th>
            <th className="num">{t('settings.whatif.col.period', { from: whatIf.periodFrom })}</th>
            <th className="num">{t('settings.whatif.col.suspicions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <CountyRow key={c.county} row={c} />
          ))}
        </tbody>
        <tfoot>
          <CountyRow row={whatIf.total} />
        </tfoot>
      </table>
      <p className="notice notice-warn" data-testid="keyarea-whatif-rule">
        {t('settings.whatif.publishRule')}
        {whatIf.total.spared > 0 ? ' ' + t('settings.whatif.spared', { n: whatIf.total.spared }) : ''}
      </p>
      <p className="muted">{t('settings.whatif.took', { ms: whatIf.ms })}</p>
      <Field
        label={t('settings.whatif.reason')}
        hint={t('settings.whatif.reasonHint')}
        error={tried && missing ? { key: 'settings.whatif.reasonRequired' } : null}
        testId="keyarea-reason"
      >
        {(describedBy, invalid) => (
          <textarea
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="keyarea-reason"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      {error ? <ErrorBox error={error} testId="keyarea-publish-error" /> : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="keyarea-publish">
          {busy ? t('settings.whatif.publishing') : t('settings.whatif.publish')}
        </button>
        <button type="button" onClick={onBack} disabled={busy} data-testid="keyarea-back">
          {t('settings.whatif.back')}
        </button>
        <button type="button" onClick={onClose} disabled={busy} data-testid="keyarea-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CountyRow({ row }: { row: WhatIfCounty }) {
  const { t, lang } = useI18n();
  const county = countyByCode(row.county);
  const name =
    row.county === 'total'
      ? t('settings.whatif.total')
      : county
        ? lang === 'zh'
          ? county.name
          : county.nameEn
        : t('settings.whatif.unknownCounty');
  const how = Object.entries(row.transitions).sort((a, b) => b[1] - a[1]);
  return (
    <tr data-testid={`whatif-row-${row.county || 'unknown'}`} data-today={row.changedToday} data-period={row.changedInPeriod}>
      <th scope="row">{name}</th>
      <td className="num">{row.changedToday}</td>
      <td className="whatif-how">
        {how.length === 0
          ? t('settings.whatif.none')
          : how.map(([k, n]) => {
              const [from, to] = k.split('>') as [CodeColor, CodeColor];
              return (
                <span key={k} className="whatif-transition" data-transition={k}>
                  <ColorBadge color={from} /> → <ColorBadge color={to} /> {n}
                </span>
              );
            })}
      </td>
      <td className="num">{row.changedInPeriod}</td>
      <td className="num">{row.newSuspicions}</td>
    </tr>
  );
}
