/**
 * The case workflow of credit supervision (ENFORCEMENT.md): states, the moves between them, and
 * which role may make each move. The service layer refuses anything this table does not allow, with
 * a message saying why, and changes nothing.
 */
import type { Role } from './roles.ts';
import { BEHAVIOR_WORDS, CASE_STATE_WORDS, CASE_STEP_WORDS } from '../words/domain-words.ts';
import type { Bilingual } from '../words/translate.ts';

export type CaseState = 'suspected' | 'under_review' | 'decided' | 'dismissed' | 'appealed' | 'upheld' | 'revoked' | 'closed';
export type Behavior = 'false_declaration' | 'screenshot' | 'impersonation' | 'other';
export type CaseMove = 'review' | 'decide' | 'dismiss' | 'appeal' | 'uphold' | 'revoke' | 'close';

export const CASE_STATES: readonly CaseState[] = [
  'suspected',
  'under_review',
  'decided',
  'dismissed',
  'appealed',
  'upheld',
  'revoked',
  'closed',
];
export const BEHAVIORS: readonly Behavior[] = ['false_declaration', 'screenshot', 'impersonation', 'other'];
export const CASE_MOVES: readonly CaseMove[] = ['review', 'decide', 'dismiss', 'appeal', 'uphold', 'revoke', 'close'];

/**
 * The moves the queue may make on several cases at once, with one written reason: opening the
 * review of a batch of suspicions, dismissing a batch (a site's clock was wrong), closing served
 * terms. A decision, an appeal and its outcome stay one person at a time: each is a judgment of
 * that person (a decision's text is their credit record), not of a batch.
 */
export const BULK_MOVES = ['review', 'dismiss', 'close'] as const satisfies readonly CaseMove[];
export type BulkMove = (typeof BULK_MOVES)[number];

interface MoveRule {
  from: readonly CaseState[];
  to: CaseState;
  /** Roles that may make the move (credit supervision judges; ENFORCEMENT.md "Roles"). */
  roles: readonly Role[];
}

export const MOVES: Record<CaseMove, MoveRule> = {
  review: { from: ['suspected'], to: 'under_review', roles: ['credit'] },
  decide: { from: ['under_review'], to: 'decided', roles: ['credit'] },
  dismiss: { from: ['under_review'], to: 'dismissed', roles: ['credit'] },
  appeal: { from: ['decided'], to: 'appealed', roles: ['credit'] },
  uphold: { from: ['appealed'], to: 'upheld', roles: ['credit'] },
  revoke: { from: ['appealed'], to: 'revoked', roles: ['credit'] },
  close: { from: ['decided', 'upheld', 'revoked', 'dismissed'], to: 'closed', roles: ['credit'] },
};

/** The words of behaviours, states and moves live in shared/words (one home for user-facing words). */
export const BEHAVIOR_NAMES: Record<Behavior, Bilingual> = BEHAVIOR_WORDS;

export function isBehavior(value: unknown): value is Behavior {
  return typeof value === 'string' && (BEHAVIORS as readonly string[]).includes(value);
}

/** A behaviour in words; a stored value this version does not know is shown as it is. */
export function behaviorName(behavior: string, lang: 'zh' | 'en' = 'zh'): string {
  return isBehavior(behavior) ? BEHAVIOR_NAMES[behavior][lang] : behavior;
}

export const CASE_STATE_NAMES: Record<CaseState, Bilingual> = CASE_STATE_WORDS;

export const CASE_MOVE_NAMES: Record<CaseMove, Bilingual> = CASE_STEP_WORDS;

export type MoveCheck = { ok: true; to: CaseState } | { ok: false; code: 'forbidden' | 'conflict'; en: string; zh: string };

/** Whether `role` may make `move` on a case in `state`, and the state it leads to. */
export function checkMove(state: CaseState, move: CaseMove, role: Role): MoveCheck {
  const rule = MOVES[move];
  if (!rule.roles.includes(role)) {
    return {
      ok: false,
      code: 'forbidden',
      en: `only credit supervision may ${move} a case`,
      zh: `只有信用监管员可以${CASE_MOVE_NAMES[move].zh}`,
    };
  }
  if (!rule.from.includes(state)) {
    return {
      ok: false,
      code: 'conflict',
      en: `a case that is ${CASE_STATE_NAMES[state].en.toLowerCase()} cannot be moved with ${move}`,
      zh: `案件当前状态为“${CASE_STATE_NAMES[state].zh}”，不能执行“${CASE_MOVE_NAMES[move].zh}”`,
    };
  }
  return { ok: true, to: rule.to };
}

/** The moves `role` may make now (the case page shows only these). */
export function allowedMoves(state: CaseState, role: Role): CaseMove[] {
  return CASE_MOVES.filter((m) => checkMove(state, m, role).ok);
}
