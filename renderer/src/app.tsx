import { DataOverviewScreen } from './features/data/data-overview.tsx';
import { useI18n } from './i18n/i18n.tsx';

export function App() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="app">
      <header>
        <h1>{t('app.title')}</h1>
        <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('app.language')}
        </button>
      </header>
      <main>
        <h2>{t('data.title')}</h2>
        <DataOverviewScreen />
      </main>
    </div>
  );
}
