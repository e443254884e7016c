/**
 * Rows committed late (EXCHANGE.md): `seq` is taken when a row is inserted but becomes visible when
 * its transaction commits, so a row can appear below the highest `seq` already read. The pull keeps
 * the gaps it saw below its mark (seq values missing when read) and reads them again each pull;
 * a gap is forgotten once it is outside the window behind the high-water mark.
 *
 * Interpretation (the spec's): the window is the last 10,000 `seq` values or 10 minutes of
 * `loaded_at`, whichever is larger: a gap is kept while it is within 10,000 of the mark, or while
 * the row after it was loaded less than 10 minutes before the newest row read.
 */
export const WINDOW_SEQ = 10_000;
export const WINDOW_MS = 10 * 60_000;

/** seq values strictly between lo and hi were missing when read; `seenAt`: loaded_at of row hi. */
export interface Gap {
  lo: number;
  hi: number;
  seenAt: number;
}

export function inWindow(gap: Gap, highSeq: number, newestLoadedAt: number): boolean {
  return gap.hi > highSeq - WINDOW_SEQ || gap.seenAt >= newestLoadedAt - WINDOW_MS;
}

/** The gaps left once `found` (sorted seq values that arrived late) are taken out. */
export function fillGaps(gaps: readonly Gap[], found: readonly number[]): Gap[] {
  const out: Gap[] = [];
  let k = 0;
  for (const g of gaps) {
    let lo = g.lo;
    while (k < found.length && found[k]! <= g.lo) k++;
    while (k < found.length && found[k]! < g.hi) {
      const s = found[k]!;
      if (s > lo + 1) out.push({ lo, hi: s, seenAt: g.seenAt });
      lo = s;
      k++;
    }
    if (g.hi > lo + 1) out.push({ lo, hi: g.hi, seenAt: g.seenAt });
  }
  return out;
}
