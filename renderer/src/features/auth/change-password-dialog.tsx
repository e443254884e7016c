import { useState } from 'react';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';

/** The header's "change password": one's own, at any time (the current one proves who asks). */
export function ChangePasswordButton({ userName }: { userName: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
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
        {done ? t('auth.change.done') : t('auth.change.open')}
      </button>
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
