/**
 * Seeded pseudo-random numbers for the demo city: the same options must give byte-identical files,
 * so nothing here reads the clock or `Math.random`. The generator is sfc32 (Small Fast Counter): 32-bit
 * integer arithmetic only, which V8 evaluates identically on every machine, and fast enough to draw a
 * few numbers for each of the tens of millions of check-in rows of a full city.
 *
 * Each part of the city (the population plan, each day's files, the planted fraud) draws from its own
 * stream, keyed by the seed and a stream number, so changing one part never shifts another.
 */

/** Stream numbers: one per independent part of the generation. */
export const STREAM = {
  plan: 1,
  sites: 2,
  enterprises: 3,
  residents: 4,
  staff: 5,
  daily: 6,
  fraud: 7,
  enterpriseAdmins: 8,
  enterpriseSites: 9,
  workGates: 10,
  gateScans: 11,
} as const;

/** splitmix32 finaliser: spreads a key into a well-mixed 32-bit state word. */
function mix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...keys: number[]) {
    let h = 0x243f6a88;
    for (const k of keys) h = mix(h ^ mix(k | 0) ^ Math.floor(k / 4294967296));
    this.a = mix(h ^ 1);
    this.b = mix(h ^ 2);
    this.c = mix(h ^ 3);
    this.d = 1;
    // The first outputs of sfc32 still resemble the seed words; discard them.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  unit(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.unit() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.unit() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.unit() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** Index into cumulative weights (ascending, last = total) for a uniform draw in [0, 1). */
export function weightedIndex(cumulative: readonly number[], u: number): number {
  const total = cumulative[cumulative.length - 1] ?? 1;
  const x = u * total;
  for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]!) return i;
  return cumulative.length - 1;
}

export function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
