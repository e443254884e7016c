/**
 * A step in a case, then the colours it changes: a decision forces the person's code red, a
 * revocation lifts it, the end of a served term hands over to the 14-day rule. The step (and its
 * audit entries: `case.<move>`, `credit.record`, `credit.revoke`) is one transaction
 * (enforcement/cases.ts); the person's colours, and the county sums, are evaluated right after, so
 * the effect shows at once in the console (cases.move) and in `hcc case decide|revoke|close`.
 */
import type { CaseMove } from '../../../shared/domain/cases.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { Db } from '../db/database.ts';
import { type MoveResult, moveCase } from '../enforcement/cases.ts';
import { recomputeColours } from '../rules/recompute.ts';

export interface CaseStep {
  id: number;
  move: CaseMove;
  reason: string;
  /** Who takes the step; their role decides whether they may. */
  user: { name: string; role: Role };
  at: number;
}

export async function takeCaseStep(db: Db, step: CaseStep): Promise<MoveResult> {
  const result = moveCase(db, {
    id: step.id,
    move: step.move,
    role: step.user.role,
    user: step.user.name,
    reason: step.reason,
    at: step.at,
  });
  // One person's colours: on this thread, starting workers would cost more than the work.
  if (result.coloursChanged) await recomputeColours(db, { workers: 0 });
  return result;
}
