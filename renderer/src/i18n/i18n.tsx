import { type ReactNode, createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { Language, Translate } from '../../../shared/words/translate.ts';
import type { MessageKey } from './messages.ts';
import { translator } from './translator.ts';

export type { Language };

/** Where this machine remembers the language it last showed: the sign-in screen opens in it. */
const MACHINE_KEY = 'hcc.lang';

/** Where a choice of language is kept beyond this machine (the signed-in user's account), if anywhere. */
export type LanguageKeeper = (lang: Language) => void;

export interface I18n {
  lang: Language;
  /** The user's switch: shows the language and keeps the choice (on this machine, and with the signed-in user). */
  setLang(lang: Language): void;
  /** Shows a language that is no new choice (the signed-in user's own), remembered on this machine as the last shown. */
  showLang(lang: Language): void;
  /**
   * While a user is signed in, their choices are kept by `keeper` too (features/auth/user-language.ts);
   * the returned function ends that (sign-out), after which a choice stays on this machine only.
   */
  keepChoicesWith(keeper: LanguageKeeper): () => void;
  /** A message, with `{name}` placeholders filled from `params`. */
  t: Translate<MessageKey>;
  formatNumber(n: number): string;
  formatPercent(ratio: number): string;
  formatTime(ms: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function machineLanguage(): Language {
  try {
    return localStorage.getItem(MACHINE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function rememberOnMachine(lang: Language): void {
  try {
    localStorage.setItem(MACHINE_KEY, lang);
  } catch {
    // Storage refused (a private window): the language still shows, it is only not remembered here.
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setShown] = useState<Language>(machineLanguage);
  const keeper = useRef<LanguageKeeper | null>(null);

  const showLang = useCallback((next: Language) => {
    rememberOnMachine(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setShown(next);
  }, []);

  const keepChoicesWith = useCallback((k: LanguageKeeper) => {
    keeper.current = k;
    return () => {
      if (keeper.current === k) keeper.current = null;
    };
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    return {
      lang,
      setLang(next) {
        showLang(next);
        keeper.current?.(next);
      },
      showLang,
      keepChoicesWith,
      t: translator(lang),
      formatNumber: (n) => n.toLocaleString(locale),
      formatPercent: (r) => (r * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%',
      formatTime: (ms) => new Date(ms).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false }),
    };
  }, [lang, showLang, keepChoicesWith]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
