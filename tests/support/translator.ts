import { translator } from '../../renderer/src/i18n/translator.ts';

/** The console's `t` outside React: the page's own translator over each message table. */
export const tZh = translator('zh');
export const tEn = translator('en');
