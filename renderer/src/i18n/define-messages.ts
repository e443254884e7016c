/** A feature's messages: the same keys in Chinese (the default) and English. */
export function defineMessages<K extends string>(
  zh: Record<K, string>,
  en: Record<K, string>,
): { zh: Record<K, string>; en: Record<K, string> } {
  return { zh, en };
}
