import { useState } from 'react';
import type { CountySignoffState } from '../../../../shared/contract/api.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { SIGNOFF_FIGURES } from '../../../../shared/domain/county-signoff.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The confirmation before a county officer signs off: the figures being signed, as the server
 * computed them for the county and day (the briefing's), then `signoff.sign`. The server signs what
 * it computes at that moment; a sync in between would show as "changed since" at once.
 */
export function SignoffDialog({
  day,
  state,
  user,
  onClose,
  onSigned,
}: {
  day: string;
  state: CountySignoffState;
  user: string;
  onClose: () => void;
  onSigned: (signed: CountySignoffState) => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const county = countyName(state.county, lang);
  const sign = () => {
    setBusy(true);
    setError(null);
    api('signoff.sign', { day, county: state.county }).then(
      (signed) => {
        setBusy(false);
        onSigned(signed);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err);
      },
    );
  };
  return (
    <Modal title={t('signoff.dialog.title', { county, day })} onClose={onClose} testId="signoff-dialog">
      <p className="notice">{t('signoff.dialog.intro', { user, county, day })}</p>
      <table className="so-figures" data-testid="signoff-dialog-figures">
        <thead>
          <tr>
            <th>{t('signoff.dialog.figure')}</th>
            <th>{t('signoff.dialog.value')}</th>
          </tr>
        </thead>
        <tbody>
          {SIGNOFF_FIGURES.map((k) => (
            <tr key={k} data-figure={k}>
              <td>{t(`signoff.figure.${k}`)}</td>
              <td className="num">{formatNumber(state.figures[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorBox error={error} testId="signoff-error" /> : null}
      <div className="so-actions">
        <button type="button" className="button-quiet" onClick={onClose} disabled={busy}>
          {t('signoff.dialog.cancel')}
        </button>
        <button type="button" className="button-primary" onClick={sign} disabled={busy} aria-busy={busy} data-testid="signoff-confirm">
          {busy ? t('signoff.dialog.signing') : t('signoff.dialog.confirm')}
        </button>
      </div>
    </Modal>
  );
}
