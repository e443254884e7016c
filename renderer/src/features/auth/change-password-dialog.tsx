import { useEffect, useState } from 'react';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import './auth.css';

/** How long the header says the password was changed. */
const DONE_SHOWN_MS = 10_000;

/** The header's "change password": one's own, at any time (the current one proves who asks). */
export function ChangePasswordButton({ userName }: { userName: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const timer = window.setTimeout(() => setDone(false), DONE_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [done]);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setDone(false);
          setOpen(true);
        }}
        data-testid="change-password"
      >
        {t('auth.change.open')}
      </button>
      {done ? (
        <span className="header-item password-changed" role="status" data-testid="change-password-done">
          {t('auth.change.done')}
        </span>
      ) : null}
      {open ? (
        <Modal title={t('auth.change.open')} onClose={() => setOpen(false)} testId="change-password-dialog">
          <p className="intro">{t('auth.change.introVoluntary')}</p>
          <ChangePasswordForm
            userName={userName}
            onChanged={() => {
              setOpen(false);
              setDone(true);
            }}
            secondary={{ label: t('auth.change.cancel'), onClick: () => setOpen(false) }}
          />
        </Modal>
      ) : null}
    </>
  );
}
