/**
 * How words are looked up and filled, the same on every edge (the page, the credit report, the
 * briefing, the backend's fallback sentences): a key, `{name}` placeholders, a language.
 */
export type Language = 'zh' | 'en';

/** The console's languages; the first is the one it speaks until a user chooses. */
export const LANGUAGES = ['zh', 'en'] as const satisfies readonly Language[];

export type WordParams = Record<string, string | number>;

/** A word in both languages: the tables of this folder are made of these. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The one translator type: a key of a table and the values of its placeholders. */
export type Translate<K extends string = string> = (key: K, params?: WordParams) => string;

/** Fills `{name}` placeholders; a placeholder without a value stays as written, so a gap shows. */
export function fillWords(template: string, params?: WordParams): string {
  if (!params) return template;
  let text = template;
  for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/**
 * One family of words as message keys of one language: `wordKeys('enforcement.state', CASE_STATE_WORDS,
 * 'zh')` → `{ 'enforcement.state.suspected': '待核查', … }`, so the page's tables take the shared
 * words instead of repeating them.
 */
export function wordKeys<P extends string, K extends string>(
  prefix: P,
  words: Record<K, Bilingual>,
  lang: Language,
): Record<`${P}.${K}`, string> {
  const out: Record<string, string> = {};
  for (const [k, w] of Object.entries(words) as [K, Bilingual][]) out[`${prefix}.${k}`] = w[lang];
  return out as Record<`${P}.${K}`, string>;
}
