/**
 * Which conditions a declaration denied while the departments knew otherwise (ENFORCEMENT.md,
 * `false_declaration`). Pure: the records come in, the contradictions go out, each with the
 * records that prove it and a sentence for the reviewer.
 *
 * Windows are instants, both ends included: "within the 14 days before" is
 * [declared_at − 14 × 24 h, declared_at]; a record after the declaration contradicts nothing.
 */
import { type Day, dayOfInstant } from '../../../../shared/domain/local-date.ts';
import { keyAreaEffectiveOn, outsideHomeProvince, regionInsideArea } from '../../../../shared/domain/rules/interpretations.ts';
import type { KeyArea } from '../../../../shared/domain/rules/records.ts';
import type { EvidenceRecord } from '../evidence.ts';
import type { DeclarationRow, DepartmentRecords, StayRow } from './declaration-records.ts';
import type { DeniedCondition, DepartmentFinding, SummaryClause } from '../../../../shared/words/evidence-words.ts';

export type { DeniedCondition };

export interface Contradiction {
  condition: DeniedCondition;
  /** One clause of the summary, e.g. "申报称14天内未到过重点地区，但手机漫游显示2020-02-12在湖北（42）" (evidence-words.ts). */
  clause: Extract<SummaryClause, { kind: 'denied' }>;
  records: EvidenceRecord[];
}

interface Hit {
  finding: DepartmentFinding;
  record: EvidenceRecord;
}

export interface NamedKeyArea extends KeyArea {
  name: string | null;
}

const DAY_MS = 86_400_000;

export function contradictions(
  d: DeclarationRow,
  r: DepartmentRecords,
  areas: readonly NamedKeyArea[],
  s: { lookbackDays: number; feverDays: number },
): Contradiction[] {
  const found: Contradiction[] = [];
  // The clause names the first record found and how many there are ("…等3条记录").
  const add = (condition: DeniedCondition, hits: Hit[]) => {
    if (hits.length === 0) return;
    const clause = { kind: 'denied' as const, condition, lookbackDays: s.lookbackDays, finding: hits[0]!.finding, records: hits.length };
    found.push({ condition, clause, records: hits.map((h) => h.record) });
  };
  const T = d.declaredAt;
  const from = T - s.lookbackDays * DAY_MS;
  if (!d.keyAreaVisit || !d.returnedFromOutsideProvince) {
    const keyHits: Hit[] = [];
    const outHits: Hit[] = [];
    for (const st of r.stays) {
      const last = st.lastSeen ?? st.firstSeen;
      if (st.firstSeen > T || last < from) continue;
      const firstDay = dayOfInstant(Math.max(st.firstSeen, from));
      const lastDay = dayOfInstant(Math.min(last, T));
      const region = st.regionCode;
      const area = keyAreaDuring(region, firstDay, lastDay, areas);
      if (area)
        keyHits.push({
          finding: { source: 'roaming_key_area', day: area.day, region, areaName: area.area.name },
          record: stayRecord(st, 'key_area_visit'),
        });
      if (outsideHomeProvince(region))
        outHits.push({
          finding: { source: 'roaming_outside', from: firstDay, to: lastDay, region },
          record: stayRecord(st, 'returned_from_outside_province'),
        });
    }
    for (const a of r.arrivals) {
      if (a.arrivedAt < from || a.arrivedAt > T) continue;
      const day = dayOfInstant(a.arrivedAt);
      const region = a.originRegionCode;
      const record = (condition: DeniedCondition): EvidenceRecord => ({
        feed: 'travel',
        key: `${d.personId}|${a.arrivedAt}|${a.originRegionCode}`,
        at: a.arrivedAt,
        detail: { contradicts: condition, origin_region_code: a.originRegionCode, mode: a.mode },
      });
      const area = keyAreaDuring(a.originRegionCode, day, day, areas);
      if (area)
        keyHits.push({
          finding: { source: 'travel_key_area', at: a.arrivedAt, region, areaName: area.area.name },
          record: record('key_area_visit'),
        });
      if (outsideHomeProvince(region))
        outHits.push({ finding: { source: 'travel_outside', at: a.arrivedAt, region }, record: record('returned_from_outside_province') });
    }
    if (!d.keyAreaVisit) add('key_area_visit', keyHits);
    if (!d.returnedFromOutsideProvince) add('returned_from_outside_province', outHits);
  }
  for (const [status, rec] of activeHealth(r, T)) {
    const denied = status === 'confirmed' ? !d.confirmed : status === 'suspected' ? !d.suspected : !d.closeContact;
    if (!denied) continue;
    add(status, [
      {
        finding: { source: 'health', at: rec.recordedAt, status },
        record: {
          feed: 'health_records',
          key: `${d.personId}|${rec.recordedAt}|${status}`,
          at: rec.recordedAt,
          detail: { contradicts: status, status },
        },
      },
    ]);
  }
  if (!d.fever) {
    const since = T - s.feverDays * DAY_MS;
    const hits = r.care
      .filter((c) => c.occurredAt >= since && c.occurredAt <= T)
      .sort((a, b) => b.occurredAt - a.occurredAt)
      .map((c) => ({
        finding: { source: 'care' as const, at: c.occurredAt, facility: c.facility, kind: c.kind },
        record: {
          feed: 'medical',
          key: `${d.personId}|${c.occurredAt}|${c.kind}`,
          at: c.occurredAt,
          detail: { contradicts: 'fever', kind: c.kind, facility: c.facility },
        },
      }));
    add('fever', hits);
  }
  return found;
}

/** The first day of [firstDay, lastDay] on which the region lies in a key area in force, and that area. */
function keyAreaDuring(
  region: string,
  firstDay: Day,
  lastDay: Day,
  areas: readonly NamedKeyArea[],
): { day: Day; area: NamedKeyArea } | null {
  let best: { day: Day; area: NamedKeyArea } | null = null;
  for (const a of areas) {
    if (!regionInsideArea(region, a.regionCode)) continue;
    const day = Math.max(firstDay, a.effectiveFrom);
    if (day <= lastDay && keyAreaEffectiveOn(a, day) && (!best || day < best.day)) best = { day, area: a };
  }
  return best;
}

function stayRecord(st: StayRow, condition: DeniedCondition): EvidenceRecord {
  return {
    feed: 'roaming',
    key: `${st.phone}|${st.regionCode}|${st.firstSeen}`,
    at: st.firstSeen,
    detail: { contradicts: condition, region_code: st.regionCode, first_seen: st.firstSeen, last_seen: st.lastSeen, carrier: st.carrier },
  };
}

/**
 * The health conditions active at an instant: a record makes its status active until a later
 * `cleared`, which ends every active status (as the rules engine reads them: on equal times the
 * clearance comes after the record, so it clears it).
 */
function activeHealth(r: DepartmentRecords, at: number): Map<'confirmed' | 'suspected' | 'close_contact', { recordedAt: number }> {
  const active = new Map<'confirmed' | 'suspected' | 'close_contact', { recordedAt: number }>();
  const sorted = r.health
    .filter((h) => h.recordedAt <= at)
    .sort((a, b) => a.recordedAt - b.recordedAt || Number(a.status === 'cleared') - Number(b.status === 'cleared'));
  for (const h of sorted) {
    if (h.status === 'cleared') active.clear();
    else if (!active.has(h.status)) active.set(h.status, h);
  }
  return active;
}
