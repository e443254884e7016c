/** What a detector found: a case to open, unless its evidence key already opened one. */
import type { Behavior } from '../../../../shared/domain/cases.ts';
import type { Evidence } from '../evidence.ts';

export interface Suspicion {
  personId: string;
  behavior: Behavior;
  evidence: Evidence;
  /** The same behaviour of the same person on the same evidence never opens two cases. */
  evidenceKey: string;
}
