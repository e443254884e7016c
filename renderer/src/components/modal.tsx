import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A modal dialog on the native <dialog> (focus stays inside, Escape closes). Render it only while it
 * is open: it opens when mounted.
 */
export function Modal({
  title,
  onClose,
  children,
  testId,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      data-testid={testId}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      onCancel={(e) => {
        // Escape: let React unmount the dialog rather than the browser closing it behind our back.
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal-head">
        <h2 id={testId ? `${testId}-title` : undefined}>{title}</h2>
        <button type="button" className="button-quiet" onClick={onClose} data-testid={testId ? `${testId}-close` : undefined}>
          {t('common.close')}
        </button>
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
