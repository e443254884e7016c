/**
 * Who works where and which gate they scan at (ENTERPRISES.md): the staff lists of the demo city and
 * the entry scans at the enterprises' works gates.
 *
 * About 30% of residents and migrants work at an enterprise, in their own county where there is one
 * (drawn from the staff stream exactly as the staff file always was, so older seeds keep their staff).
 * A member of staff of an approved enterprise scans at its gate on most days from its approval on;
 * staff of a not-approved enterprise with a gate now and then get through (a site violation); a red
 * member of staff who comes is denied, and now and then let through (a site violation too); staff who
 * never applied for a code come now and then and are turned away (no code shown). One
 * enterprise in ten is lax about the twice-a-day check-in. None of this opens a case: the person
 * shows their true colour and a fresh code.
 */
import type { EnterpriseRegister } from './demo-enterprises.ts';
import { NEVER } from './demo-events.ts';
import { KIND, type Population } from './demo-population.ts';
import type { Site } from './demo-sites.ts';
import { Rng, STREAM } from './random.ts';

export interface WorkGates {
  /** Per person: the enterprise index they work at, or -1 (shared memory, read by the day workers). */
  employer: Int32Array;
  /** Per person: the index in `ids` of the gate they scan at, or -1 (their enterprise has none). */
  gateOf: Int32Array;
  /** Per gate: its site id. */
  ids: readonly string[];
  /** Per gate: the first day its enterprise may resume (negative: before the demo), NEVER if not approved. */
  openFrom: readonly number[];
  /** Per enterprise: 1 when its staff often skip the evening check-in. */
  lax: Uint8Array;
  /**
   * Per day: the staff with a gate who are red on it for certain (a health-commission case recorded
   * on an earlier day, not cleared, and a code held since before the day). Worked out here because
   * a day worker gets only its own days' health rows.
   */
  redByDay: readonly (readonly number[])[];
}

const STAFF_SHARE = 0.3;
const LAX_SHARE = 0.1;
/** Staff of an open enterprise scan at its gate on this share of days. */
export const ATTENDANCE = 0.85;
/** Staff of a not-approved enterprise with a gate: the share of them let in on a day (violations). */
export const CLOSED_GATE_PASS = 0.02;
/** Red staff: the share who come to the gate on a day, and of those the share let through. */
export const RED_COMES = 0.5;
export const RED_LET_THROUGH = 0.1;
/** Staff who never applied for a code: the share who come to an open gate on a day and are turned away. */
export const NO_CODE_COMES = 0.3;
/** Staff of a lax enterprise skip a check-in with this chance. */
export const LAX_SKIP = 0.35;

export function planWorkGates(p: Population, register: EnterpriseRegister, gates: readonly Site[], seed: number): WorkGates {
  const employer = new Int32Array(new SharedArrayBuffer(p.n * 4)).fill(-1);
  const gateOf = new Int32Array(new SharedArrayBuffer(p.n * 4)).fill(-1);
  const rng = new Rng(seed, STREAM.staff);
  const all = register.enterprises.map((_, k) => k);
  for (let i = 0; i < p.n; i++) {
    if (p.kind[i] === KIND.visitor || !rng.chance(STAFF_SHARE)) continue;
    const local = register.byCounty[p.county[i]!]!;
    employer[i] = rng.pick(local.length > 0 ? local : all);
  }
  const index = new Map(register.enterprises.map((e, k) => [e.creditCode, k]));
  const gatesOf: number[][] = register.enterprises.map(() => []);
  gates.forEach((g, k) => gatesOf[index.get(g.creditCode!)!]!.push(k));
  // Even a small city has a red member of staff at an open gate: the first person with a health case
  // (every city has one) works at the first approved enterprise with a gate.
  const firstCase = p.health.byDay.flat().find((h) => h.status !== 'cleared')?.person;
  const openGated = register.enterprises.findIndex((e, k) => e.approved && gatesOf[k]!.length > 0);
  if (firstCase !== undefined && p.kind[firstCase] !== KIND.visitor && openGated >= 0) employer[firstCase] = openGated;
  for (let i = 0; i < p.n; i++) {
    const own = employer[i]! >= 0 ? gatesOf[employer[i]!]! : [];
    if (own.length > 0) gateOf[i] = own[i % own.length]!;
  }
  const openFrom = gates.map((g) => register.enterprises[index.get(g.creditCode!)!]!.approvedDay ?? NEVER);
  const laxRng = new Rng(seed, STREAM.workGates);
  const lax = new Uint8Array(register.enterprises.length).map(() => (laxRng.unit() < LAX_SHARE ? 1 : 0));
  const redByDay = Array.from({ length: p.days }, (_, day) => [...redOn(p, day)].filter((i) => gateOf[i]! >= 0 && p.firstDay[i]! < day));
  return { employer, gateOf, ids: gates.map((g) => g.id), openFrom, lax, redByDay };
}

/** People red on `day` for certain: a health-commission case recorded before the day and not cleared by it. */
function redOn(p: Population, day: number): Set<number> {
  const red = new Set<number>();
  for (let d = 0; d <= day; d++) {
    for (const row of p.health.on(d)) {
      if (row.status === 'cleared') red.delete(row.person);
      else if (d < day) red.add(row.person);
    }
  }
  return red;
}
