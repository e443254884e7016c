/** A figure's name in the user's language (the dialog's title, the button's label). Pure. */
import type { FigureQuery } from '../../../../shared/contract/figures.ts';
import type { Translate } from '../../../../shared/words/translate.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export function figureName(t: Translate<MessageKey>, q: Pick<FigureQuery, 'figure' | 'from' | 'to'>): string {
  if (q.figure === 'transition')
    return t('figures.figure.transition', { from: t(`color.${q.from ?? 'none'}`), to: t(`color.${q.to ?? 'none'}`) });
  return t(`figures.figure.${q.figure}`);
}

/** The test id of a figure's button: `figure-red`, `figure-transition-green-red`. */
export function figureTestId(q: Pick<FigureQuery, 'figure' | 'from' | 'to'>): string {
  return q.figure === 'transition' ? `figure-transition-${q.from}-${q.to}` : `figure-${q.figure}`;
}
