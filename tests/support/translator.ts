import type { Translate } from '../../renderer/src/features/people/people-text.ts';
import { type MessageKey, en, zh } from '../../renderer/src/i18n/messages.ts';

/** The console's `t` outside React: a message table with `{name}` parameters filled in. */
function translator(table: Record<MessageKey, string>): Translate {
  return (key, params) => {
    let text = table[key];
    for (const [k, v] of Object.entries(params ?? {})) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

export const tZh = translator(zh);
export const tEn = translator(en);
