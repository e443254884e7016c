/**
 * `false_declaration` (不如实填报): one case per declaration that denied a condition the
 * departments recorded, listing every contradicted condition with its records.
 */
import type { Db } from '../../db/database.ts';
import type { EvidenceRecord } from '../evidence.ts';
import type { BatchWindow } from './batch-window.ts';
import { contradictions } from './declaration-checks.ts';
import { keyAreasAt, loadKeyAreaVersions } from './published-key-areas.ts';
import { declarationCandidates, loadDepartmentRecords } from './declaration-records.ts';
import type { DetectorSettings } from './detector-settings.ts';
import { type SummaryClause, summaryText } from '../../../../shared/words/evidence-words.ts';
import type { Suspicion } from './suspicion.ts';

/** Candidates are read in chunks: bounded memory however many people a key-area change touches. */
const CHUNK = 5_000;

export function findFalseDeclarations(
  db: Db,
  w: BatchWindow,
  full: boolean,
  s: DetectorSettings,
): { suspicions: Suspicion[]; examined: number } {
  // INTERPRETATIONS.keyAreaPublished: each declaration meets the key areas published before it.
  const areasAt = keyAreasAt(loadKeyAreaVersions(db, w.upTo));
  const candidates = declarationCandidates(db, w, full);
  const suspicions: Suspicion[] = [];
  let examined = 0;
  for (let i = 0; i < candidates.length; i += CHUNK) {
    for (const [personId, records] of loadDepartmentRecords(db, candidates.slice(i, i + CHUNK), w.upTo)) {
      for (const d of records.declarations) {
        examined++;
        const found = contradictions(d, records, areasAt(d.declaredAt), s);
        if (found.length === 0) continue;
        const declaration: EvidenceRecord = {
          feed: 'declarations',
          key: `${personId}|${d.declaredAt}`,
          at: d.declaredAt,
          detail: {
            confirmed: d.confirmed,
            suspected: d.suspected,
            close_contact: d.closeContact,
            key_area_visit: d.keyAreaVisit,
            fever: d.fever,
            returned_from_outside_province: d.returnedFromOutsideProvince,
          },
        };
        const clauses: SummaryClause[] = [{ kind: 'declaration', at: d.declaredAt }, ...found.map((f) => f.clause)];
        suspicions.push({
          personId,
          behavior: 'false_declaration',
          evidenceKey: `false_declaration:${personId}|${d.declaredAt}`,
          evidence: {
            rule: `false_declaration:${found.map((f) => f.condition).join('+')}`,
            summary: summaryText(clauses, 'zh'),
            clauses,
            thresholds: { lookbackDays: s.lookbackDays, feverDays: s.feverDays },
            records: [declaration, ...found.flatMap((f) => f.records)],
          },
        });
      }
    }
  }
  return { suspicions, examined };
}
