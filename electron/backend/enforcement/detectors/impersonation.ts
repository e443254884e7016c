/**
 * `impersonation` (冒用他人): two consecutive scans of one person at different sites that no one
 * could make in person: too far apart for the time between them (faster than `maxSpeedKmh`, sites'
 * coordinates), or within `minScanGapMinutes` of each other.
 *
 * A daily run compares every pair of consecutive scans that involves a new scan (late-arriving ones
 * included) and is close enough in time to break a rule (scan-neighbours.ts), and no other pair.
 */
import type { Db } from '../../db/database.ts';
import { type EvidenceRecord, joinedClauses, withoutClauses } from '../evidence.ts';
import type { BatchWindow } from './batch-window.ts';
import type { DetectorSettings } from './detector-settings.ts';
import { type SummaryClause, summaryText } from '../../../../shared/words/evidence-words.ts';
import { visitScanLists } from './scan-neighbours.ts';
import { type SiteRegister, distanceKm, summarySite } from './site-register.ts';
import type { Suspicion } from './suspicion.ts';

interface Scan {
  id: string;
  site: string;
  at: number;
  batch: number;
}

export function findImpersonations(
  db: Db,
  w: BatchWindow,
  full: boolean,
  s: DetectorSettings,
  sites: SiteRegister,
): { suspicions: Suspicion[]; examined: number; pairs: number } {
  const suspicions: Suspicion[] = [];
  let pairs = 0;
  const idOf = db.prepare('SELECT scan_id FROM scans WHERE id = ?').pluck();
  const ids = new Map<number, string>();
  const scanId = (rowid: number) => ids.get(rowid) ?? ids.set(rowid, idOf.get(rowid) as string).get(rowid)!;
  const horizon = horizonMs(s, sites);
  const examined = visitScanLists(db, w, horizon, full || w.after === 0, (person, list) => {
    // Scans at the same instant are ordered by their ids, as the evidence key promises.
    if (list.some((x, i) => i > 0 && x.at === list[i - 1]!.at))
      list.sort((a, b) => a.at - b.at || (scanId(a.rowid) < scanId(b.rowid) ? -1 : 1));
    // A run of impossible moves (A→B→C…) is one act: consecutive suspicious pairs share a scan
    // and become one suspicion, keyed by its first pair.
    let run: { suspicion: Suspicion; lastScan: string } | null = null;
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      if ((a.batch <= w.after && b.batch <= w.after) || a.site === b.site || b.at - a.at > horizon) continue;
      pairs++;
      const idA = scanId(a.rowid);
      const found = comparePair(person, { ...a, id: idA }, { ...b, id: scanId(b.rowid) }, s, sites);
      if (!found) continue;
      if (run && run.lastScan === idA) {
        run.suspicion = joinRun(run.suspicion, found);
        suspicions[suspicions.length - 1] = run.suspicion;
      } else {
        run = { suspicion: found, lastScan: '' };
        suspicions.push(found);
      }
      run.lastScan = scanId(b.rowid);
    }
  });
  return { suspicions, examined, pairs };
}

/**
 * The longest time between two scans that can still break a rule. The distance between two points
 * is at most the Earth's radius times the diagonal of their latitude/longitude box in radians (the
 * east-west metric shrinks with cos(latitude), never grows), so the farthest pair of sites is no
 * farther than that diagonal for the register's box.
 */
function horizonMs(s: DetectorSettings, sites: SiteRegister): number {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const site of sites.values()) {
    if (site.lat === null || site.lon === null) continue;
    minLat = Math.min(minLat, site.lat);
    maxLat = Math.max(maxLat, site.lat);
    minLon = Math.min(minLon, site.lon);
    maxLon = Math.max(maxLon, site.lon);
  }
  const rad = Math.PI / 180;
  const farthestKm = minLat === Infinity ? 0 : 6371 * Math.hypot((maxLat - minLat) * rad, (maxLon - minLon) * rad);
  return Math.max(s.minScanGapMinutes * 60_000, Math.ceil((farthestKm / s.maxSpeedKmh) * 3_600_000)) + 1000;
}

function coordinates(sites: SiteRegister, id: string): { lat: number; lon: number } | null {
  const site = sites.get(id);
  return site && site.lat !== null && site.lon !== null ? { lat: site.lat, lon: site.lon } : null;
}

/** Speeds are compared to the metre per hour: coordinates and times are not more precise than that. */
const roundSpeed = (kmh: number) => (Number.isFinite(kmh) ? Math.round(kmh * 1000) / 1000 : kmh);

function comparePair(personId: string, a: Scan, b: Scan, s: DetectorSettings, sites: SiteRegister): Suspicion | null {
  const gapMs = b.at - a.at;
  const placeA = coordinates(sites, a.site);
  const placeB = coordinates(sites, b.site);
  const clauses: SummaryClause[] = [];
  const rules: string[] = [];
  let km: number | null = null;
  let speed: number | null = null;
  const from = summarySite(sites, a.site);
  const to = summarySite(sites, b.site);
  // The speed rule needs both sites' coordinates; the gap rule does not.
  if (placeA && placeB) {
    km = distanceKm(placeA, placeB);
    // The same instant at two places is an infinite speed.
    speed = km === 0 ? 0 : roundSpeed(gapMs === 0 ? Infinity : km / (gapMs / 3_600_000));
    if (speed > s.maxSpeedKmh) {
      rules.push('speed');
      // JSON has no Infinity: the same instant at two places is a null speed with gap 0.
      clauses.push({ kind: 'speed', at: a.at, from, to, km, gapMs, kmh: Number.isFinite(speed) ? speed : null, maxKmh: s.maxSpeedKmh });
    }
  }
  if (gapMs <= s.minScanGapMinutes * 60_000) {
    rules.push('gap');
    clauses.push({ kind: 'gap', at: a.at, from, to, gapMs, minGapMinutes: s.minScanGapMinutes, afterSpeed: clauses.length > 0 });
  }
  if (rules.length === 0) return null;
  const record = (scan: Scan): EvidenceRecord => {
    const site = sites.get(scan.site);
    return {
      feed: 'scans',
      key: scan.id,
      at: scan.at,
      detail: { site_id: scan.site, site_name: site?.name ?? null, lat: site?.lat ?? null, lon: site?.lon ?? null },
    };
  };
  const pair: EvidenceRecord = {
    feed: 'scans',
    key: `${a.id}:${b.id}`,
    at: b.at,
    // JSON has no Infinity: an instantaneous move is a null speed with gap 0.
    detail: {
      gap_seconds: gapMs / 1000,
      distance_km: km === null ? null : Math.round(km * 1000) / 1000,
      speed_kmh: speed !== null && Number.isFinite(speed) ? speed : null,
    },
  };
  return {
    personId,
    behavior: 'impersonation',
    evidenceKey: `impersonation:${a.id}:${b.id}`,
    evidence: {
      rule: `impersonation:${rules.join('+')}`,
      summary: summaryText(clauses, 'zh'),
      clauses,
      thresholds: { maxSpeedKmh: s.maxSpeedKmh, minScanGapMinutes: s.minScanGapMinutes },
      records: [record(a), record(b), pair],
    },
  };
}

/** The next pair of a run joined to it: its scans (the shared one once), rules and sentences. */
function joinRun(run: Suspicion, next: Suspicion): Suspicion {
  const seen = new Set(run.evidence.records.map((r) => r.key));
  const rules = new Set([...run.evidence.rule.split(':')[1]!.split('+'), ...next.evidence.rule.split(':')[1]!.split('+')]);
  return {
    ...run,
    evidence: {
      ...withoutClauses(run.evidence),
      rule: `impersonation:${['speed', 'gap'].filter((r) => rules.has(r)).join('+')}`,
      summary: `${run.evidence.summary}；${next.evidence.summary}`,
      ...joinedClauses(run.evidence, next.evidence),
      records: [...run.evidence.records, ...next.evidence.records.filter((r) => !seen.has(r.key))],
    },
  };
}
