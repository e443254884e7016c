/** The page's translator: a message of the merged tables with its `{name}` placeholders filled. */
import { type Language, type Translate, fillWords } from '../../../shared/words/translate.ts';
import { type MessageKey, en, zh } from './messages.ts';

export function translator(lang: Language): Translate<MessageKey> {
  const table = lang === 'zh' ? zh : en;
  return (key, params) => fillWords(table[key] ?? key, params);
}
