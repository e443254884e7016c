import { useEffect } from 'react';
import { ApiCallError } from '../api/client.ts';
import { reportIfUnauthenticated } from '../app/auth-events.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * An error the user can act on, in their language. An 'unauthenticated' error (the session ended on
 * the server) also sends the console back to the sign-in screen.
 */
export function ErrorBox({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t, lang } = useI18n();
  useEffect(() => {
    reportIfUnauthenticated(error);
  }, [error]);
  let text: string;
  if (error instanceof ApiCallError) text = error.message === 'network' ? t('error.network') : lang === 'zh' ? error.messageZh : error.message;
  else text = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-box" role="alert" data-testid={testId} data-code={error instanceof ApiCallError ? error.code : undefined}>
      <span>{text}</span>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
