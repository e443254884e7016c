import { type ReactNode, createContext, useContext, useMemo, useState } from 'react';
import type { Language, Translate } from '../../../shared/words/translate.ts';
import type { MessageKey } from './messages.ts';
import { translator } from './translator.ts';

export type { Language };

export interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  /** A message, with `{name}` placeholders filled from `params`. */
  t: Translate<MessageKey>;
  formatNumber(n: number): string;
  formatPercent(ratio: number): string;
  formatTime(ms: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(() => (localStorage.getItem('hcc.lang') === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    return {
      lang,
      setLang(next) {
        localStorage.setItem('hcc.lang', next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLang(next);
      },
      t: translator(lang),
      formatNumber: (n) => n.toLocaleString(locale),
      formatPercent: (r) => (r * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%',
      formatTime: (ms) => new Date(ms).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false }),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
