import { useI18n } from '../i18n/i18n.tsx';

/** 中文 / English: the button names the language it switches to. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      title={t('shell.languageSwitch')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('app.language')}
    </button>
  );
}
