/**
 * The code colours, the same everywhere (dashboard, charts, briefing): saturated enough to read on
 * a projector, and told apart by position and label too, not by colour alone.
 */
export const CODE_COLOR_HEX = {
  red: '#D9363E',
  yellow: '#F5B800',
  green: '#2BA471',
  none: '#8A94A6',
} as const;
