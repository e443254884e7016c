import { useEffect } from 'react';
import { ApiCallError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from './error-text.ts';

/**
 * An error the user can act on, in their language. Showing it changes nothing else: the API client
 * has already ended the session on 'unauthenticated' (api/client.ts).
 */
export function ErrorBox({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t, lang } = useI18n();
  useEffect(() => {
    // Not the console's answer: the details are for the developer tools, not the page.
    if (!(error instanceof ApiCallError)) console.error(error);
  }, [error]);
  const text = errorText(error, t, lang);
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
