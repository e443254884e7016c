/**
 * `screenshot` (套取截图): a scan showing a code older than its validity, or showing a colour the
 * person did not hold. Only new scans are examined (the scans_batch index); this runs after the
 * colours are evaluated, and the caller keeps it below the batches the colours cover.
 */
import { type HistoryState, decodeHistory, stateOn } from '../../../../shared/domain/rules/person-history.ts';
import type { CodeColor } from '../../../../shared/domain/rules/colors.ts';
import type { Db } from '../../db/database.ts';
import type { EvidenceRecord } from '../evidence.ts';
import type { BatchWindow } from './batch-window.ts';
import type { DetectorSettings } from './detector-settings.ts';
import { COLOUR_INTERPRETATION, type SummaryClause, localDate, summaryText } from '../../../../shared/words/evidence-words.ts';
import { type SiteRegister, summarySite } from './site-register.ts';
import type { Suspicion } from './suspicion.ts';

type ScanRow = [string, string, string, number, number, number | null, 'red' | 'yellow' | 'green' | null, string | null, string | null];

/*
 * INTERPRETATION: the stored history has one colour per day, and a colour can change during the
 * day of the scan, so the colour "at scan time" is not known to the minute. A shown colour is taken
 * as false only if it matches neither the colour at the end of the day before nor the colour at the
 * end of the scan's day (someone without a code showing any colour matches neither). The evidence
 * says so in its words (COLOUR_INTERPRETATION).
 */

export function findScreenshots(
  db: Db,
  w: BatchWindow,
  s: DetectorSettings,
  sites: SiteRegister,
): { suspicions: Suspicion[]; examined: number } {
  const validityMs = s.codeValidityMinutes * 60_000;
  const suspicions: Suspicion[] = [];
  let lastPerson: string | null = null;
  let colourOn: (day: number) => CodeColor = () => 'none';
  const rows = db
    .prepare(
      `SELECT s.scan_id, s.person_id, s.site_id, s.scanned_at, s.day, s.code_issued_at, s.shown_color, s.action, pc.timeline
       FROM scans s LEFT JOIN person_codes pc ON pc.person_id = s.person_id
       WHERE s.batch_id > @after AND s.batch_id <= @upTo
         AND NOT coalesce((s.code_issued_at IS NULL OR s.scanned_at - s.code_issued_at <= @validityMs)
                          AND (s.shown_color IS NULL OR (s.shown_color = 'green' AND ${GREEN_BY_SCAN_DAY})), 0)`,
    )
    .raw()
    .iterate({ after: w.after, upTo: w.upTo, validityMs }) as Iterable<ScanRow>;
  for (const row of rows) {
    const [, personId, , scannedAt, day, issuedAt, shown, , timeline] = row;
    // A code issued after the scan is a clock difference, not an old code: left to the colour rule.
    if (issuedAt !== null && scannedAt - issuedAt > validityMs) suspicions.push(ageSuspicion(row, s, sites));
    if (shown === null) continue;
    if (personId !== lastPerson) {
      colourOn = colours(timeline);
      lastPerson = personId;
    }
    const before = colourOn(day - 1);
    const after = colourOn(day);
    if (shown !== before && shown !== after) suspicions.push(colourSuspicion(row, before, after, sites));
  }
  const examined = (
    db.prepare('SELECT count(*) AS n FROM scans WHERE batch_id > ? AND batch_id <= ?').get(w.after, w.upTo) as { n: number }
  ).n;
  return { suspicions, examined };
}

/**
 * Most scans are a fresh code shown green by someone whose history is "no code, then green from
 * their first declaration" (`-1,n,C;D,g,C[,reason]`, person-history.ts) with D on or before the
 * scan's day. SQL sets those aside from the history text alone (two states, the second green; a
 * reason holds no ',' or ';'), so the millions of a city's day never cross into JavaScript;
 * everything else (other histories, people without one) is decoded below.
 */
const GREEN_BY_SCAN_DAY = `pc.timeline GLOB '-1,n,*;[0-9]*,g,*' AND NOT pc.timeline GLOB '*;*;*'
  AND CAST(substr(pc.timeline, instr(pc.timeline, ';') + 1) AS INTEGER) <= s.day`;

/** A person's colour at the end of each day, from their stored history. */
function colours(timeline: string | null): (day: number) => CodeColor {
  const states: HistoryState[] = timeline ? decodeHistory(timeline) : [];
  return (day) => stateOn(states, day)?.color ?? 'none';
}

function scanRecord([scanId, , siteId, scannedAt, , issuedAt, shown, action]: ScanRow, sites: SiteRegister): EvidenceRecord {
  return {
    feed: 'scans',
    key: scanId,
    at: scannedAt,
    detail: { site_id: siteId, site_name: sites.get(siteId)?.name ?? null, code_issued_at: issuedAt, shown_color: shown, action },
  };
}

function ageSuspicion(row: ScanRow, s: DetectorSettings, sites: SiteRegister): Suspicion {
  const [scanId, personId, siteId, scannedAt, , issuedAt] = row;
  const age = scannedAt - issuedAt!;
  const scan = scanRecord(row, sites);
  const clauses: SummaryClause[] = [
    {
      kind: 'code_age',
      scannedAt,
      site: summarySite(sites, siteId),
      issuedAt: issuedAt!,
      ageMs: age,
      validityMinutes: s.codeValidityMinutes,
    },
  ];
  return {
    personId,
    behavior: 'screenshot',
    evidenceKey: `screenshot:age:${scanId}`,
    evidence: {
      rule: 'screenshot:age',
      summary: summaryText(clauses, 'zh'),
      clauses,
      thresholds: { codeValidityMinutes: s.codeValidityMinutes },
      records: [{ ...scan, detail: { ...scan.detail, age_seconds: Math.round(age / 1000) } }],
    },
  };
}

function colourSuspicion(row: ScanRow, before: CodeColor, after: CodeColor, sites: SiteRegister): Suspicion {
  const [scanId, personId, siteId, scannedAt, day, , shown] = row;
  const clauses: SummaryClause[] = [
    { kind: 'colour_shown', scannedAt, site: summarySite(sites, siteId), shown: shown!, dayBefore: day - 1, before, after },
  ];
  return {
    personId,
    behavior: 'screenshot',
    evidenceKey: `screenshot:colour:${scanId}`,
    evidence: {
      rule: 'screenshot:colour',
      summary: summaryText(clauses, 'zh'),
      clauses,
      thresholds: {},
      records: [
        scanRecord(row, sites),
        {
          feed: 'person_codes',
          key: personId,
          at: null,
          detail: {
            day_before: localDate(day - 1),
            colour_day_before: before,
            scan_day: localDate(day),
            colour_scan_day: after,
            interpretation: COLOUR_INTERPRETATION.zh,
          },
        },
      ],
    },
  };
}
