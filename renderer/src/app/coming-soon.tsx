import { useI18n } from '../i18n/i18n.tsx';
import type { ScreenId } from './nav.ts';

/** A screen of the plan that is not in this release: said plainly, not shown as an error. */
export function ComingSoon({ screen }: { screen: ScreenId }) {
  const { t } = useI18n();
  return (
    <section className="card coming-soon" data-screen={screen} data-testid="coming-soon">
      <h1>{t('shell.comingSoon.title', { screen: t(`nav.${screen}`) })}</h1>
      <p>{t('shell.comingSoon.body')}</p>
    </section>
  );
}
