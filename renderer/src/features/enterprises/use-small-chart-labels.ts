import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { SmallChartLabels } from './charts.ts';

/** The small charts' words in the user's language. */
export function useSmallChartLabels(): SmallChartLabels {
  const { t } = useI18n();
  return useMemo(
    () => ({
      mayReturn: t('enterprises.fig.mayReturn'),
      homeQuarantine: t('enterprises.fig.homeQuarantine'),
      centralQuarantine: t('enterprises.fig.centralQuarantine'),
      noCode: t('enterprises.fig.noCode'),
      passes: t('enterprises.fig.passes'),
      denials: t('enterprises.fig.denials'),
      violations: t('enterprises.fig.violations'),
      hour: (h: number) => t('enterprises.site.hour', { h }),
    }),
    [t],
  );
}
