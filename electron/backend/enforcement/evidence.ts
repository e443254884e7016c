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
  thresholds: Record<string, number>;
  records: EvidenceRecord[];
}
