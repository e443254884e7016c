/**
 * The colour letter (n/g/y/r) on a day from a stored history ("day,colour,county[,reason];…", days
 * ascending, person-history.ts), without decoding the whole history: this runs once per member of
 * staff and once per pass at a site, millions of times for a city.
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';

export function colourLetterOn(timeline: string | null, day: Day): string {
  if (!timeline) return 'n';
  let letter = 'n';
  let start = 0;
  while (start < timeline.length) {
    const comma = timeline.indexOf(',', start);
    if (comma < 0) break;
    if (Number(timeline.slice(start, comma)) > day) break;
    letter = timeline.charAt(comma + 1);
    const next = timeline.indexOf(';', comma);
    if (next < 0) break;
    start = next + 1;
  }
  return letter;
}

const LETTER_COLOUR: Record<string, CodeColor> = { g: 'green', y: 'yellow', r: 'red' };

/** The colour held on a day, or null without a code. */
export function codeColourOn(timeline: string | null, day: Day): CodeColor | null {
  return LETTER_COLOUR[colourLetterOn(timeline, day)] ?? null;
}
