import type { SummaryClause } from '../../../shared/words/evidence-words.ts';

/** What a suspicion rests on: the rule that matched, its thresholds, and the records it matched. */
export interface EvidenceRecord {
  feed: string;
  key: string;
  at: number | null;
  detail: Record<string, string | number | boolean | null>;
}

export interface Evidence {
  rule: string;
  /** One line a reviewer reads first (no ID numbers: people are shown masked elsewhere). */
  summary: string;
  /**
   * The summary in machine words (shared/words/evidence-words.ts), so the console can say it in
   * English too. Absent for an officer's report (their own words) and for cases opened before the
   * clauses were kept: those show the summary as written.
   */
  clauses?: SummaryClause[];
  thresholds: Record<string, number>;
  records: EvidenceRecord[];
}

/**
 * The records that are the act itself (the declaration made, the scans shown), as opposed to the
 * records that show it false. Two suspicions of one behaviour and person that share an act record
 * are the same act, and open one case (ENFORCEMENT.md "Suspicions").
 */
export function actRecords(behavior: string, evidence: Evidence): EvidenceRecord[] {
  const feed = behavior === 'false_declaration' ? 'declarations' : behavior === 'other' ? null : 'scans';
  return evidence.records.filter((r) => r.feed === feed && r.at !== null);
}

/**
 * The clauses of two summaries joined as their texts are ("first；second"): kept only when both
 * have them, since a summary half in clauses would say half of itself in the other language.
 */
export function joinedClauses(first: Evidence, second: Evidence): { clauses?: SummaryClause[] } {
  return first.clauses && second.clauses ? { clauses: [...first.clauses, ...second.clauses] } : {};
}

export function withoutClauses(e: Evidence): Evidence {
  const { clauses: _, ...rest } = e;
  return rest;
}
