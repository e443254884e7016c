/** A figure that opens the people behind it: the number itself, as a button (keyboard and screen readers too). */
import type { ReactNode } from 'react';
import type { FigureQuery } from '../../../../shared/contract/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { figureName, figureTestId } from './figure-text.ts';

export function FigureButton({
  query,
  value,
  onOpen,
  className,
  testId,
  children,
}: {
  query: FigureQuery;
  value: number;
  onOpen: ((q: FigureQuery) => void) | undefined;
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const shown = children ?? formatNumber(value);
  const id = testId ?? figureTestId(query);
  if (!onOpen) {
    return (
      <span className={className} data-testid={id} data-value={value}>
        {shown}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`figure-link ${className ?? ''}`}
      data-testid={id}
      data-value={value}
      data-figure={query.figure}
      data-county={query.county ?? ''}
      title={t('figures.open', { figure: figureName(t, query), n: formatNumber(value) })}
      onClick={() => onOpen(query)}
    >
      {shown}
    </button>
  );
}
