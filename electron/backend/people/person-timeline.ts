/**
 * A person's timeline for their page: declarations, check-ins (abnormal ones individually, normal
 * days as a count), health, roaming, travel and medical records, scans, colour changes and cases
 * (opened, then each move), newest first, up to the as-of date. Values are machine words the
 * interface translates; no identities.
 */
import type { TimelineEvent } from '../../../shared/contract/people.ts';
import { type Day, dayOfInstant, formatDay } from '../../../shared/domain/local-date.ts';
import type { HistoryState } from '../../../shared/domain/rules/person-history.ts';
import type { Db } from '../db/database.ts';
import { loadPeople } from '../rules/load-records.ts';

const SCAN_LIMIT = 200;

export function personTimeline(db: Db, personId: string, history: readonly HistoryState[], asOf: Day): TimelineEvent[] {
  const r = loadPeople(db, { kind: 'ids', ids: [personId] }).records.get(personId);
  const out: TimelineEvent[] = [];
  const add = (day: Day, at: number | null, kind: TimelineEvent['kind'], detail: TimelineEvent['detail']) => {
    if (day <= asOf) out.push({ day: formatDay(day), at, kind, detail });
  };
  if (r) {
    for (const d of r.declarations) {
      const flags = (
        [
          'confirmed',
          'suspected',
          'closeContact',
          'keyAreaVisit',
          'fever',
          'shortnessOfBreath',
          'respiratorySymptoms',
          'febrileContact',
          'returnedFromOutsideProvince',
        ] as const
      ).filter((f) => d[f]);
      add(d.day, d.declaredAt, 'declaration', { county: d.countyCode, conditions: flags.join(',') || null });
    }
    const abnormal = new Set(r.abnormalCheckins.map((c) => c.day));
    for (const c of r.abnormalCheckins)
      add(c.day, c.checkedAt, 'checkin', { abnormal: true, temperature: c.temperature, symptoms: c.symptoms });
    for (const d of r.checkinDays) if (!abnormal.has(d)) add(d, null, 'checkin', { abnormal: false });
    for (const h of r.healthRecords) add(h.day, h.recordedAt, 'health', { status: h.status });
    for (const x of r.roaming)
      add(Math.min(x.lastDay, asOf), null, 'roaming', { region: x.regionCode, from: formatDay(x.firstDay), to: formatDay(x.lastDay) });
    for (const t of r.travel) add(t.day, null, 'travel', { origin: t.originRegionCode });
    for (const m of r.medical) add(m.day, null, 'medical', { kind: m.kind });
  }
  const scans = db
    .prepare(
      'SELECT s.scanned_at, s.site_id, s.shown_color, s.action, t.name AS site_name, t.kind FROM scans s LEFT JOIN sites t ON t.site_id = s.site_id ' +
        'WHERE s.person_id = ? ORDER BY s.scanned_at DESC LIMIT ?',
    )
    .all(personId, SCAN_LIMIT) as {
    scanned_at: number;
    site_id: string;
    shown_color: string | null;
    action: string | null;
    site_name: string | null;
    kind: string | null;
  }[];
  for (const s of scans)
    add(dayOfInstant(s.scanned_at), s.scanned_at, 'scan', {
      site: s.site_name ?? s.site_id,
      siteKind: s.kind,
      shown: s.shown_color,
      action: s.action,
    });
  for (const c of caseEvents(db, personId, asOf)) add(c.day, c.at, 'case', c.detail);
  for (let i = 1; i < history.length; i++) {
    const prev = history[i - 1]!;
    const s = history[i]!;
    if (prev.color !== s.color)
      add(s.day, null, 'colour', { from: prev.color, to: s.color, reason: s.reason?.split('~').slice(1, 3).join(':') ?? null });
  }
  return out.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : (b.at ?? 0) - (a.at ?? 0)));
}

interface CaseEvent {
  day: Day;
  at: number;
  detail: TimelineEvent['detail'];
}

/**
 * Every case of the person, whatever its outcome (a suspicion dismissed is part of their record
 * too): its opening, with the state it had reached by the as-of date, then each move, dated when it
 * happened. The written reasons stay out: they are free text and may quote ID numbers.
 */
function caseEvents(db: Db, personId: string, asOf: Day): CaseEvent[] {
  const cases = db.prepare('SELECT id, behavior, opened_at FROM cases WHERE person_id = ? ORDER BY id').all(personId) as {
    id: number;
    behavior: string;
    opened_at: number;
  }[];
  if (cases.length === 0) return [];
  const moves = db
    .prepare(
      "SELECT h.case_id, h.at, h.move, h.to_state FROM case_history h JOIN cases c ON c.id = h.case_id WHERE c.person_id = ? AND h.move <> 'open' " +
        'ORDER BY h.id',
    )
    .all(personId) as { case_id: number; at: number; move: string; to_state: string }[];
  const out: CaseEvent[] = [];
  for (const c of cases) {
    let state = 'suspected';
    for (const m of moves) {
      if (m.case_id !== c.id) continue;
      const day = dayOfInstant(m.at);
      if (day > asOf) continue;
      state = m.to_state;
      out.push({ day, at: m.at, detail: { event: m.move, case: c.id, behavior: c.behavior, state: m.to_state } });
    }
    out.push({ day: dayOfInstant(c.opened_at), at: c.opened_at, detail: { event: 'opened', case: c.id, behavior: c.behavior, state } });
  }
  return out;
}
