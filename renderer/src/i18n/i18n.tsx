import { type ReactNode, createContext, useContext, useMemo, useState } from 'react';
import { en } from './en.ts';
import { type MessageKey, zh } from './zh.ts';

export type Language = 'zh' | 'en';

interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t(key: MessageKey): string;
  formatNumber(n: number): string;
  formatTime(ms: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(() => (localStorage.getItem('hcc.lang') === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(() => {
    const table = lang === 'zh' ? zh : en;
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    return {
      lang,
      setLang(next) {
        localStorage.setItem('hcc.lang', next);
        setLang(next);
      },
      t: (key) => table[key],
      formatNumber: (n) => n.toLocaleString(locale),
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
