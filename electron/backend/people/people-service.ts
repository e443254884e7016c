/**
 * People: search by ID number, phone or name; a person's page (code, reasons, timeline); and the
 * audited unmask. What leaves here is masked unless the caller asked to unmask and may.
 */
import { randomBytes } from 'node:crypto';
import type { PersonDetail, PersonSummary, ReasonView, TimelineEvent } from '../../../shared/contract/people.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import { maskName, maskPersonId, maskPhone } from '../../../shared/domain/masking.ts';
import { isValidPersonId, normalizePersonId } from '../../../shared/domain/person-id.ts';
import { decodeHistory, stateOn } from '../../../shared/domain/rules/person-history.ts';
import type { Db } from '../db/database.ts';
import { personCode } from '../rules/person-code.ts';
import { getSetting, setSetting } from '../rules/settings.ts';
import { auditPersonTarget } from './person-refs.ts';
import { personTimeline } from './person-timeline.ts';

interface Identity {
  person_id: string;
  name: string | null;
  phone: string | null;
  resident_county: string | null;
}

function identities(db: Db, where: string, params: unknown[], limit: number): Identity[] {
  return db
    .prepare(
      `SELECT p.person_id, r.name, r.phone, r.county_code AS resident_county
       FROM person_codes p LEFT JOIN residents r ON r.person_id = p.person_id
       WHERE ${where} LIMIT ?`,
    )
    .all(...params, limit) as Identity[];
}

/** ID (18 characters), phone (11 digits) or name (exact, then starting with). */
export function findPeople(db: Db, query: string, limit: number): Identity[] {
  const q = query.trim();
  if (q.length === 18 && isValidPersonId(q)) return identities(db, 'p.person_id = ?', [normalizePersonId(q)], limit);
  if (/^1\d{10}$/.test(q)) {
    return db
      .prepare('SELECT r.person_id, r.name, r.phone, r.county_code AS resident_county FROM residents r WHERE r.phone = ? LIMIT ?')
      .all(q, limit) as Identity[];
  }
  return db
    .prepare(
      `SELECT r.person_id, r.name, r.phone, r.county_code AS resident_county FROM residents r
       WHERE r.name >= ? AND r.name < ? ORDER BY r.name = ? DESC, r.name LIMIT ?`,
    )
    .all(q, q + '\uffff', q, limit) as Identity[];
}

export function colourAndCounty(db: Db, personId: string, asOf: Day): { color: PersonSummary['color']; county: string | null } {
  const row = db.prepare('SELECT timeline FROM person_codes WHERE person_id = ?').get(personId) as { timeline: string } | undefined;
  const s = row ? stateOn(decodeHistory(row.timeline), asOf) : undefined;
  return { color: s?.color ?? 'none', county: s?.county || null };
}

export function summarize(db: Db, who: Identity, asOf: Day, ref: string): PersonSummary {
  const { color, county } = colourAndCounty(db, who.person_id, asOf);
  return {
    ref,
    idMasked: maskPersonId(who.person_id),
    nameMasked: who.name ? maskName(who.name) : null,
    phoneMasked: who.phone ? maskPhone(who.phone) : null,
    county: county ?? who.resident_county,
    color,
  };
}

export function identity(db: Db, personId: string): Identity {
  const r = db.prepare('SELECT name, phone, county_code FROM residents WHERE person_id = ?').get(personId) as
    { name: string | null; phone: string | null; county_code: string | null } | undefined;
  return { person_id: personId, name: r?.name ?? null, phone: r?.phone ?? null, resident_county: r?.county_code ?? null };
}

export function personDetail(db: Db, personId: string, asOf: Day, ref: string, canUnmask: boolean): PersonDetail | null {
  const code = personCode(db, personId, asOf);
  if (!code) return null;
  const summary = summarize(db, identity(db, personId), asOf, ref);
  const reasons: ReasonView[] = code.reasons.map((r) => ({
    color: r.color,
    source: r.source,
    condition: r.condition,
    date: formatDay(r.date),
    ongoing: r.ongoing,
  }));
  const timeline: TimelineEvent[] = personTimeline(db, personId, code.history, asOf);
  return {
    ...summary,
    color: code.color,
    county: code.county || summary.county,
    asOf: formatDay(asOf),
    since: code.since === null ? null : formatDay(code.since),
    greenEligibleOn: code.greenEligibleOn === null ? null : formatDay(code.greenEligibleOn),
    reasons,
    timeline,
    canUnmask,
  };
}

/** The per-database secret that keys how the audit log names people. */
export function auditSecret(db: Db): string {
  let secret = getSetting(db, 'audit.person_key');
  if (!secret) {
    secret = randomBytes(32).toString('hex');
    setSetting(db, 'audit.person_key', secret);
  }
  return secret;
}

/** How the audit log names a person: a keyed hash of their ID (never the ID itself). */
export function auditTargetOf(db: Db, personId: string): string {
  return auditPersonTarget(auditSecret(db), personId);
}
