import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A code colour as a labelled badge (colour and words, so it reads without colour too). */
export function ColorBadge({ color }: { color: CodeColor }) {
  const { t } = useI18n();
  return (
    <span className={`color-badge color-${color}`} data-color={color}>
      {t(`color.${color}`)}
    </span>
  );
}
