/**
 * The words an error box shows: an API error's reason rendered from shared/words in the user's
 * language, else the console's own sentence in that language (areas not yet converted to reasons,
 * or a reason this page does not know); for anything else (a file the browser could not read, a
 * bug) one of our own messages, never the browser's or the system's text.
 */
import { ApiCallError } from '../api/api-error.ts';
import { errorReasonText } from '../../../shared/words/error-words.ts';
import type { Language, Translate } from '../../../shared/words/translate.ts';
import type { MessageKey } from '../i18n/messages.ts';

export function errorText(error: unknown, t: Translate<MessageKey>, lang: Language): string {
  if (error instanceof ApiCallError) {
    const fromWords = error.reason ? errorReasonText(error.reason, lang) : null;
    if (fromWords !== null) return fromWords;
    // The page's earlier sign of a lost connection (before reasons): still ours to word.
    if (error.message === 'network') return t('error.network');
    return lang === 'zh' ? error.messageZh : error.message;
  }
  // FileReader's errors: the dropped file was moved, deleted or locked after it was chosen.
  if (error instanceof DOMException && (error.name === 'NotReadableError' || error.name === 'NotFoundError'))
    return t('error.fileUnreadable');
  return t('error.unexpected');
}
