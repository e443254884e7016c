/**
 * The what-if of a key-area change (issue 17): before a change is published, who would change
 * colour, by county, as of today and on any day since the change takes effect, and how many new
 * false_declaration suspicions it would open. A dry run: it reads and evaluates, and writes nothing.
 *
 * Only people with a roaming or travel record inside the area's region can be touched by it (the
 * rules read a key area through those records alone), so they are found by the region prefix (the
 * roaming region index and migration 16's travel origin index) and each is evaluated twice by the
 * pure rules engine: with the key areas in force now and with the proposed list. Chunked, with a
 * pause between chunks, so a server answering the console stays responsive.
 *
 * Suspicions follow the publish-date rule (INTERPRETATIONS.keyAreaPublished): the change would be
 * published now, so only declarations made from now on can be accused on its account. The what-if
 * also counts the declarations a backdated start would have accused without that rule.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { HORIZON_DAY } from '../../../shared/domain/feeds/plausible-window.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import { evaluate } from '../../../shared/domain/rules/evaluate.ts';
import {
  type KeyAreaProposal,
  type NamedArea,
  type ResolvedChange,
  resolveProposal,
} from '../../../shared/domain/rules/key-area-change.ts';
import { type HistoryState, personHistory, stateOn } from '../../../shared/domain/rules/person-history.ts';
import type { KeyAreaWhatIf, WhatIfCounty } from '../../../shared/contract/key-area-whatif.ts';
import type { Db } from '../db/database.ts';
import { contradictions } from '../enforcement/detectors/declaration-checks.ts';
import { loadDepartmentRecords } from '../enforcement/detectors/declaration-records.ts';
import { detectorSettings } from '../enforcement/detectors/detector-settings.ts';
import { keyAreasAt, loadKeyAreaVersions } from '../enforcement/detectors/published-key-areas.ts';
import { listedKeyAreas } from '../rules/key-areas.ts';
import { loadPeople } from '../rules/load-records.ts';

const CHUNK = 5_000;

/** The people with a roaming or travel record whose region starts with the prefix. */
export function peopleInRegion(db: Db, prefix: string): string[] {
  // A prefix of digits as a range: every code starting with it sorts in [prefix, prefix + ':').
  const hi = `${prefix}:`;
  return db
    .prepare(
      `SELECT p.person_id FROM roaming ro JOIN residents p ON p.phone = ro.phone WHERE ro.region_code >= ? AND ro.region_code < ?
       UNION SELECT person_id FROM travel WHERE origin_region_code >= ? AND origin_region_code < ?`,
    )
    .pluck()
    .all(prefix, hi, prefix, hi) as string[];
}

export interface WhatIfOptions {
  /** The instant the change would be published (the database clock). */
  now: number;
  /** Today, as the dashboard reads it. */
  today: Day;
  /** Pause between chunks (the console's server); none in the CLI. */
  yieldEvery?: () => Promise<void>;
}

export async function keyAreaWhatIf(db: Db, proposal: KeyAreaProposal, o: WhatIfOptions): Promise<KeyAreaWhatIf> {
  const started = performance.now();
  const current = listedKeyAreas(db);
  const change = resolveProposal(current, proposal);
  const counties = new Map<string, WhatIfCounty>();
  const row = (code: string): WhatIfCounty => {
    let r = counties.get(code);
    if (!r) counties.set(code, (r = emptyCounty(code)));
    return r;
  };
  for (const c of COUNTIES) row(c.code);

  const ids = peopleInRegion(db, proposal.regionCode);
  const settings = detectorSettings(db);
  const published = keyAreasAt(loadKeyAreaVersions(db));
  const maxBatch = (db.prepare('SELECT coalesce(max(id), 0) FROM import_batches').pluck().get() as number) ?? 0;
  const periodFrom = Math.min(change.firstDay, o.today);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    colourChanges(db, chunk, current, change, periodFrom, o.today, row);
    suspicionChanges(db, chunk, maxBatch, published, change, o.now, settings, row);
    if (o.yieldEvery) await o.yieldEvery();
  }
  const rows = [...counties.values()];
  const total = rows.reduce((t, r) => addCounty(t, r), emptyCounty('total'));
  return {
    kind: change.kind,
    regionCode: change.area.regionCode,
    name: change.area.name,
    effectiveFrom: formatDay(change.area.effectiveFrom),
    effectiveTo: change.area.effectiveTo === null ? null : formatDay(change.area.effectiveTo),
    previousFrom: change.replaced ? formatDay(change.replaced.effectiveFrom) : null,
    previousTo: change.replaced && change.replaced.effectiveTo !== null ? formatDay(change.replaced.effectiveTo) : null,
    today: formatDay(o.today),
    periodFrom: formatDay(periodFrom),
    publishedAt: o.now,
    examined: ids.length,
    counties: rows,
    total,
    ms: Math.round(performance.now() - started),
  };
}

function colourChanges(
  db: Db,
  ids: readonly string[],
  current: readonly NamedArea[],
  change: ResolvedChange,
  periodFrom: Day,
  today: Day,
  row: (code: string) => WhatIfCounty,
): void {
  const loaded = loadPeople(db, { kind: 'ids', ids }, { checkinDays: 'needed' });
  for (const [id, records] of loaded.records) {
    const county = loaded.residentCounty.get(id) ?? null;
    const before = personHistory(evaluate(records, current, HORIZON_DAY).changes, records.declarations, county);
    const after = personHistory(evaluate(records, change.after, HORIZON_DAY).changes, records.declarations, county);
    const was = stateOn(before, today);
    const will = stateOn(after, today);
    const r = row(will?.county || was?.county || '');
    const from: CodeColor = was?.color ?? 'none';
    const to: CodeColor = will?.color ?? 'none';
    if (from !== to) {
      r.changedToday++;
      const key = `${from}>${to}`;
      r.transitions[key] = (r.transitions[key] ?? 0) + 1;
      if (to === 'red') r.toRed++;
      else if (to === 'yellow') r.toYellow++;
      else if (to === 'green') r.toGreen++;
    }
    if (differsDuring(before, after, periodFrom, today)) r.changedInPeriod++;
  }
}

/** Whether the colour differs on some day of [from, to]: only the days either history changes need comparing. */
function differsDuring(a: readonly HistoryState[], b: readonly HistoryState[], from: Day, to: Day): boolean {
  const days = new Set<Day>([from]);
  for (const s of [...a, ...b]) if (s.day > from && s.day <= to) days.add(s.day);
  for (const d of days) if ((stateOn(a, d)?.color ?? 'none') !== (stateOn(b, d)?.color ?? 'none')) return true;
  return false;
}

function suspicionChanges(
  db: Db,
  ids: readonly string[],
  maxBatch: number,
  published: (at: number) => readonly NamedArea[],
  change: ResolvedChange,
  now: number,
  settings: { lookbackDays: number; feverDays: number },
  row: (code: string) => WhatIfCounty,
): void {
  const counties = new Map(
    db
      .prepare('SELECT person_id, county_code FROM residents WHERE person_id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(ids)) as [string, string | null][],
  );
  for (const [personId, records] of loadDepartmentRecords(db, ids, maxBatch)) {
    for (const d of records.declarations) {
      const known = published(d.declaredAt);
      if (contradictions(d, records, known, settings).length > 0) continue; // already a case (or one already due)
      // Published now: it counts for declarations made from now on.
      if (d.declaredAt >= now) {
        if (contradictions(d, records, resolveProposal(known, proposalOf(change)).after, settings).length > 0)
          row(countyOf(counties, personId)).newSuspicions++;
      } else if (contradictions(d, records, change.after, settings).length > 0) row(countyOf(counties, personId)).spared++;
    }
  }
}

function proposalOf(change: ResolvedChange): KeyAreaProposal {
  return { ...change.area, previousFrom: change.replaced?.effectiveFrom ?? null };
}

function countyOf(counties: Map<string, string | null>, id: string): string {
  return counties.get(id) ?? '';
}

function emptyCounty(code: string): WhatIfCounty {
  return {
    county: code,
    changedToday: 0,
    toRed: 0,
    toYellow: 0,
    toGreen: 0,
    transitions: {},
    changedInPeriod: 0,
    newSuspicions: 0,
    spared: 0,
  };
}

function addCounty(t: WhatIfCounty, r: WhatIfCounty): WhatIfCounty {
  const transitions = { ...t.transitions };
  for (const [k, n] of Object.entries(r.transitions)) transitions[k] = (transitions[k] ?? 0) + n;
  return {
    county: t.county,
    changedToday: t.changedToday + r.changedToday,
    toRed: t.toRed + r.toRed,
    toYellow: t.toYellow + r.toYellow,
    toGreen: t.toGreen + r.toGreen,
    transitions,
    changedInPeriod: t.changedInPeriod + r.changedInPeriod,
    newSuspicions: t.newSuspicions + r.newSuspicions,
    spared: t.spared + r.spared,
  };
}
