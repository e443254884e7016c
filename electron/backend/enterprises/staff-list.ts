/**
 * The staff behind a figure, masked: one enterprise's, or those of a county's approved enterprises
 * (the county table's). Colour and since are read from the stored history; the expected return
 * (预计可返岗) is the rules engine's earliest green date, worked out for the rows of the page only.
 */
import type { StaffRow, StaffStatus } from '../../../shared/contract/enterprises.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import { maskName, maskPersonId, maskPhone } from '../../../shared/domain/masking.ts';
import { decodeHistory } from '../../../shared/domain/rules/person-history.ts';
import type { Db } from '../db/database.ts';
import { personCode } from '../rules/person-code.ts';
import { colourLetterOn } from './colour-letter.ts';
import { registerAsOf } from './enterprise-register.ts';
import { CHECKINS_PER_DAY, listedBy, membersOf, staffBatchesAfter } from './staff-tally.ts';

export interface StaffFilter {
  creditCode?: string | undefined;
  /** With no enterprise: the county whose approved enterprises' staff are listed (null: the city). */
  county: string | null;
  status?: StaffStatus | undefined;
  nonCompliant?: boolean | undefined;
}

/** A member before masking: the handler turns the ID into a session reference. */
export interface StaffMember extends Omit<StaffRow, 'ref'> {
  personId: string;
}

/** Lean on purpose: a city's staff list holds a million of these; histories are read for the page only. */
interface Candidate {
  personId: string;
  creditCode: string;
  status: StaffStatus;
  checkins: number;
}

const STATUS: Record<string, StaffStatus> = { g: 'green', y: 'yellow', r: 'red' };
/** Those who need the office first: red, yellow, no code, then green. */
const SEVERITY: Record<StaffStatus, number> = { red: 0, yellow: 1, no_code: 2, none: 2, green: 3 };

function keep(f: StaffFilter, c: Candidate): boolean {
  if (f.status && c.status !== f.status) return false;
  if (f.nonCompliant && (c.status === 'no_code' || c.checkins >= CHECKINS_PER_DAY)) return false;
  return true;
}

function candidates(db: Db, day: Day, f: StaffFilter, names: Map<string, string | null>): Candidate[] {
  const out: Candidate[] = [];
  const push = (personId: string, creditCode: string, timeline: string | null, checkins: number) => {
    const c = { personId, creditCode, status: STATUS[colourLetterOn(timeline, day)] ?? 'no_code', checkins };
    if (keep(f, c)) out.push(c);
  };
  if (f.creditCode) {
    for (const m of membersOf(db, f.creditCode, [day]))
      if (listedBy(m, day)) push(m.personId, f.creditCode, m.timeline, m.checkins.get(day) ?? 0);
    return out;
  }
  const approved = new Set<string>();
  for (const [code, v] of registerAsOf(db, day, f.county)) {
    names.set(code, v.name);
    if (v.approved) approved.add(code);
  }
  const late = staffBatchesAfter(db, day);
  const rows = db
    .prepare(
      `SELECT s.person_id, s.credit_code, s.batch_id, p.timeline,
              (SELECT count(*) FROM checkins c WHERE c.day = @day AND c.person_id = s.person_id)
       FROM staff s INDEXED BY staff_person LEFT JOIN person_codes p ON p.person_id = s.person_id`,
    )
    .raw()
    .iterate({ day }) as Iterable<[string, string, number, string | null, number]>;
  for (const [personId, code, batch, timeline, checkins] of rows) {
    if (approved.has(code) && !late.has(batch)) push(personId, code, timeline, checkins);
  }
  return out;
}

/** The first day of the run of the colour held on `day` (county moves do not restart it). */
function sinceOn(timeline: string | null, day: Day): Day | null {
  let since: Day | null = null;
  let colour: string | null = null;
  for (const s of timeline ? decodeHistory(timeline) : []) {
    if (s.day > day) break;
    if (s.color !== colour) {
      colour = s.color;
      since = s.day;
    }
  }
  return colour === 'none' ? null : since;
}

export function staffList(db: Db, day: Day, f: StaffFilter, offset: number, limit: number): { rows: StaffMember[]; total: number } {
  const names = new Map<string, string | null>();
  const all = candidates(db, day, f, names).sort(
    (a, b) => SEVERITY[a.status] - SEVERITY[b.status] || a.creditCode.localeCompare(b.creditCode) || a.personId.localeCompare(b.personId),
  );
  const identity = db.prepare('SELECT name, phone FROM residents WHERE person_id = ?');
  const enterpriseName = db.prepare('SELECT name FROM enterprises WHERE credit_code = ?').pluck();
  const timelineOf = db.prepare('SELECT timeline FROM person_codes WHERE person_id = ?').pluck();
  const rows = all.slice(offset, offset + limit).map((c): StaffMember => {
    const who = identity.get(c.personId) as { name: string | null; phone: string | null } | undefined;
    if (!names.has(c.creditCode)) names.set(c.creditCode, (enterpriseName.get(c.creditCode) as string | null | undefined) ?? null);
    const held = c.status === 'red' || c.status === 'yellow';
    const back = held ? (personCode(db, c.personId, day)?.greenEligibleOn ?? null) : null;
    const since = sinceOn((timelineOf.get(c.personId) as string | undefined) ?? null, day);
    return {
      personId: c.personId,
      idMasked: maskPersonId(c.personId),
      nameMasked: who?.name ? maskName(who.name) : null,
      phoneMasked: who?.phone ? maskPhone(who.phone) : null,
      creditCode: c.creditCode,
      enterpriseName: names.get(c.creditCode) ?? null,
      status: c.status,
      since: since === null ? null : formatDay(since),
      expectedBack: back === null ? null : formatDay(back),
      checkins: c.checkins,
    };
  });
  return { rows, total: all.length };
}
