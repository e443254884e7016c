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
import { localDate, localTime, regionLabel } from './evidence-text.ts';

export type DeniedCondition = 'key_area_visit' | 'returned_from_outside_province' | 'confirmed' | 'suspected' | 'close_contact' | 'fever';

export interface Contradiction {
  condition: DeniedCondition;
  /** One clause of the summary, e.g. "申报称14天内未到过重点地区，但手机漫游显示2020-02-12在湖北（42）". */
  text: string;
  records: EvidenceRecord[];
}

export interface NamedKeyArea extends KeyArea {
  name: string | null;
}

const DAY_MS = 86_400_000;
const HEALTH_ZH = { confirmed: '确诊病例', suspected: '疑似病例', close_contact: '密切接触者' } as const;

export function contradictions(
  d: DeclarationRow,
  r: DepartmentRecords,
  areas: readonly NamedKeyArea[],
  s: { lookbackDays: number; feverDays: number },
): Contradiction[] {
  const found: Contradiction[] = [];
  const add = (condition: DeniedCondition, claim: string, hits: { text: string; record: EvidenceRecord }[]) => {
    if (hits.length === 0) return;
    const more = hits.length > 1 ? `等${hits.length}条记录` : '';
    found.push({ condition, text: `${claim}，但${hits[0]!.text}${more}`, records: hits.map((h) => h.record) });
  };
  const T = d.declaredAt;
  const from = T - s.lookbackDays * DAY_MS;
  if (!d.keyAreaVisit || !d.returnedFromOutsideProvince) {
    const keyHits: { text: string; record: EvidenceRecord }[] = [];
    const outHits: { text: string; record: EvidenceRecord }[] = [];
    for (const st of r.stays) {
      const last = st.lastSeen ?? st.firstSeen;
      if (st.firstSeen > T || last < from) continue;
      const firstDay = dayOfInstant(Math.max(st.firstSeen, from));
      const lastDay = dayOfInstant(Math.min(last, T));
      const where = regionLabel(st.regionCode);
      const area = keyAreaDuring(st.regionCode, firstDay, lastDay, areas);
      if (area)
        keyHits.push({
          text: `手机漫游显示${localDate(area.day)}在${inArea(area.area, st.regionCode)}`,
          record: stayRecord(st, 'key_area_visit'),
        });
      if (outsideHomeProvince(st.regionCode))
        outHits.push({
          text: `手机漫游显示${period(firstDay, lastDay)}在${where}`,
          record: stayRecord(st, 'returned_from_outside_province'),
        });
    }
    for (const a of r.arrivals) {
      if (a.arrivedAt < from || a.arrivedAt > T) continue;
      const day = dayOfInstant(a.arrivedAt);
      const where = regionLabel(a.originRegionCode);
      const record = (condition: DeniedCondition): EvidenceRecord => ({
        feed: 'travel',
        key: `${d.personId}|${a.arrivedAt}|${a.originRegionCode}`,
        at: a.arrivedAt,
        detail: { contradicts: condition, origin_region_code: a.originRegionCode, mode: a.mode },
      });
      const area = keyAreaDuring(a.originRegionCode, day, day, areas);
      if (area)
        keyHits.push({
          text: `交通记录显示${localTime(a.arrivedAt)}从${inArea(area.area, a.originRegionCode)}抵滨`,
          record: record('key_area_visit'),
        });
      if (outsideHomeProvince(a.originRegionCode))
        outHits.push({ text: `交通记录显示${localTime(a.arrivedAt)}从${where}抵滨`, record: record('returned_from_outside_province') });
    }
    if (!d.keyAreaVisit) add('key_area_visit', `申报称${s.lookbackDays}天内未到过重点地区`, keyHits);
    if (!d.returnedFromOutsideProvince) add('returned_from_outside_province', `申报称${s.lookbackDays}天内未从省外返滨`, outHits);
  }
  for (const [status, rec] of activeHealth(r, T)) {
    const denied = status === 'confirmed' ? !d.confirmed : status === 'suspected' ? !d.suspected : !d.closeContact;
    if (!denied) continue;
    add(status, `申报称不是${HEALTH_ZH[status]}`, [
      {
        text: `卫健部门${localTime(rec.recordedAt)}登记其为${HEALTH_ZH[status]}，申报时尚未解除`,
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
        text: `医保记录显示${localTime(c.occurredAt)}${c.facility ? `在${c.facility}` : ''}${c.kind === 'fever_clinic' ? '到发热门诊就诊' : '购买退烧药品'}`,
        record: {
          feed: 'medical',
          key: `${d.personId}|${c.occurredAt}|${c.kind}`,
          at: c.occurredAt,
          detail: { contradicts: 'fever', kind: c.kind, facility: c.facility },
        },
      }));
    add('fever', '申报称无发热', hits);
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

/** `重点地区湖北省（4209）`, or `重点地区湖北（4209）` when the key area has no name. */
const inArea = (a: NamedKeyArea, region: string) => `重点地区${a.name ? `${a.name}（${region}）` : regionLabel(region)}`;
const period = (a: Day, b: Day) => (a === b ? localDate(a) : `${localDate(a)}至${localDate(b)}`);

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
