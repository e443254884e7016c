/**
 * The words an error box shows: an API error's own message in the user's language (the console
 * already said what to do), and for anything else (a file the browser could not read, a bug) one of
 * our own messages, never the browser's or the system's text.
 */
import { ApiCallError } from '../api/client.ts';
import type { MessageKey } from '../i18n/messages.ts';

export function errorText(error: unknown, t: (key: MessageKey) => string, lang: 'zh' | 'en'): string {
  if (error instanceof ApiCallError) return error.message === 'network' ? t('error.network') : lang === 'zh' ? error.messageZh : error.message;
  // FileReader's errors: the dropped file was moved, deleted or locked after it was chosen.
  if (error instanceof DOMException && (error.name === 'NotReadableError' || error.name === 'NotFoundError')) return t('error.fileUnreadable');
  return t('error.unexpected');
}
