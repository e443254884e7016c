/**
 * Whether a person is counted by a figure, read from their stored history exactly as the per-day
 * sums count it (shared/domain/rules/person-history.ts: historyDeltas, historyTransitions): a stock
 * counts the state a person is in on the day, in that state's county; a change counts the state
 * that begins on the day with another colour than the one before, in the county after the change.
 */
import type { Figure } from '../../../shared/contract/figures.ts';
import type { Day } from '../../../shared/domain/local-date.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import { countsAsTurning } from '../../../shared/domain/rules/interpretations.ts';
import { ALWAYS, type HistoryState } from '../../../shared/domain/rules/person-history.ts';

export interface FigureSpec {
  figure: Figure;
  /** A transition's colours (figure 'transition'). */
  from: CodeColor | null;
  to: CodeColor | null;
  day: Day;
  /** null: every county, the unknown one ('') included, as the city total counts. */
  county: string | null;
}

export interface FigureMatch {
  personId: string;
  county: string;
  color: CodeColor;
  from: CodeColor | null;
  /** The first day of the colour held (null: known without a code from the beginning). */
  since: Day | null;
  cause: string | null;
  source: string | null;
  condition: string | null;
}

const STOCK_COLOURS: Partial<Record<Figure, (c: CodeColor) => boolean>> = {
  red: (c) => c === 'red',
  yellow: (c) => c === 'yellow',
  green: (c) => c === 'green',
  holders: (c) => c !== 'none',
  noCode: (c) => c === 'none',
};

export function isStock(figure: Figure): boolean {
  return STOCK_COLOURS[figure] !== undefined;
}

/** Whether a stock figure counts a colour. */
export function stockHolds(figure: Figure, color: CodeColor): boolean {
  return STOCK_COLOURS[figure]?.(color) ?? false;
}

/** Whether a change figure counts a change from → to (turned: INTERPRETATIONS.firstCodes). */
export function changeCounts(spec: Pick<FigureSpec, 'figure' | 'from' | 'to'>, from: CodeColor, to: CodeColor): boolean {
  if (from === to) return false;
  switch (spec.figure) {
    case 'transition':
      return from === spec.from && to === spec.to;
    case 'turnedRed':
    case 'turnedYellow':
    case 'turnedGreen':
      return to === TURNED[spec.figure] && countsAsTurning(from, to);
    case 'newCodes':
      return from === 'none' && to !== 'none';
    default:
      return false;
  }
}

const TURNED: Record<'turnedRed' | 'turnedYellow' | 'turnedGreen', CodeColor> = {
  turnedRed: 'red',
  turnedYellow: 'yellow',
  turnedGreen: 'green',
};

/** `cause~source~condition~date~record`, or the cause alone (person-history.ts reasonTag). */
function reasonOf(s: HistoryState): Pick<FigureMatch, 'cause' | 'source' | 'condition'> {
  if (!s.reason) return { cause: null, source: null, condition: null };
  const [cause = '', source = '', condition = ''] = s.reason.split('~');
  return { cause: cause || null, source: source || null, condition: condition || null };
}

function stockMatch(spec: FigureSpec, personId: string, states: readonly HistoryState[]): FigureMatch | null {
  let i = -1;
  while (i + 1 < states.length && states[i + 1]!.day <= spec.day) i++;
  if (i < 0) return null;
  const s = states[i]!;
  if (!stockHolds(spec.figure, s.color) || (spec.county !== null && s.county !== spec.county)) return null;
  // The run of the colour began where the colour before differs (a county move does not restart it).
  let j = i;
  while (j > 0 && states[j - 1]!.color === s.color) j--;
  const start = states[j]!;
  const from = j > 0 ? states[j - 1]!.color : null;
  return { personId, county: s.county, color: s.color, from, since: start.day === ALWAYS ? null : start.day, ...reasonOf(start) };
}

function changeMatch(spec: FigureSpec, personId: string, states: readonly HistoryState[]): FigureMatch | null {
  for (let i = 1; i < states.length; i++) {
    const s = states[i]!;
    if (s.day < spec.day) continue;
    if (s.day > spec.day) return null;
    const from = states[i - 1]!.color;
    if (!changeCounts(spec, from, s.color) || (spec.county !== null && s.county !== spec.county)) return null;
    return { personId, county: s.county, color: s.color, from, since: s.day, ...reasonOf(s) };
  }
  return null;
}

/** The person as the figure counts them, or null when it does not. */
export function figureMatch(spec: FigureSpec, personId: string, states: readonly HistoryState[]): FigureMatch | null {
  return isStock(spec.figure) ? stockMatch(spec, personId, states) : changeMatch(spec, personId, states);
}
