/**
 * The Enforcement screen's logic without React: validation of the written reasons, the order of
 * the move buttons, what a move did (in words), the evidence's machine words as text, and the
 * queries of the queue. Pure: the translator is passed in, so tests use the message tables.
 */
import { isSystemActor } from '../../../../shared/words/domain-words.ts';
import { COLOUR_INTERPRETATION } from '../../../../shared/words/evidence-words.ts';
import type { Translate } from '../../../../shared/words/translate.ts';
import type { CaseDetail, EvidenceView, NoticeView } from '../../../../shared/contract/enforcement.ts';
import {
  type Behavior,
  CASE_MOVES,
  CASE_STATES,
  type CaseMove,
  type CaseState,
  behaviorName,
  isBehavior,
} from '../../../../shared/domain/cases.ts';

export { behaviorName, isBehavior };
import type { Permission } from '../../../../shared/domain/roles.ts';
import type { Problem, Validated } from '../../components/form-errors.ts';
import { type MessageKey, zh } from '../../i18n/messages.ts';

export type Lang = 'zh' | 'en';

/** The server's bounds of a written reason (electron/backend/enforcement/cases.ts). */
export const REASON_MIN = 2;
export const REASON_MAX = 2000;

export const CASES_PAGE_SIZE = 50;
export const CREDIT_PAGE_SIZE = 50;

export function isCaseState(value: unknown): value is CaseState {
  return typeof value === 'string' && (CASE_STATES as readonly string[]).includes(value);
}

export function isCaseMove(value: unknown): value is CaseMove {
  return typeof value === 'string' && (CASE_MOVES as readonly string[]).includes(value);
}

/** A key of the message tables, or null when there is none (an unknown machine word). */
export function messageKey(key: string): MessageKey | null {
  return Object.hasOwn(zh, key) ? (key as MessageKey) : null;
}

// ---- Written reasons --------------------------------------------------------------------------

export function reasonProblem(text: string): Problem | null {
  const r = text.trim();
  if (r.length < REASON_MIN) return { key: 'enforcement.error.reasonRequired' };
  if (r.length > REASON_MAX) return { key: 'enforcement.error.reasonTooLong', params: { max: REASON_MAX } };
  return null;
}

export interface MoveForm {
  reason: string;
}

export function validateMove(form: MoveForm): Validated<string, 'reason'> {
  const problem = reasonProblem(form.reason);
  return problem ? { ok: false, errors: { reason: problem } } : { ok: true, value: form.reason.trim() };
}

export interface FlagForm {
  /** The person chosen (a reference from people.search or the URL), null until one is. */
  ref: string | null;
  behavior: Behavior;
  reason: string;
}

export interface FlagValue {
  ref: string;
  behavior: Behavior;
  reason: string;
}

export function validateFlag(form: FlagForm): Validated<FlagValue, 'ref' | 'behavior' | 'reason'> {
  const errors: Partial<Record<'ref' | 'behavior' | 'reason', Problem>> = {};
  if (!form.ref) errors.ref = { key: 'enforcement.error.pickPerson' };
  const reason = reasonProblem(form.reason);
  if (reason) errors.reason = reason;
  if (!form.ref || reason) return { ok: false, errors };
  return { ok: true, value: { ref: form.ref, behavior: isBehavior(form.behavior) ? form.behavior : 'other', reason: form.reason.trim() } };
}

// ---- Moves ------------------------------------------------------------------------------------

/** The buttons of a case: the moves the server allows this user now, in the workflow's order. */
export function shownMoves(allowed: readonly string[]): CaseMove[] {
  return CASE_MOVES.filter((m) => allowed.includes(m));
}

/** Why a case shows no buttons. */
export function noMovesHint(state: CaseState, permissions: readonly Permission[]): MessageKey {
  if (state === 'closed') return 'enforcement.case.noMovesClosed';
  if (!permissions.includes('cases.judge')) return 'enforcement.case.noMovesRole';
  return 'enforcement.case.noMoves';
}

/** What a move's dialog asks for: a decision's text goes into the credit record. */
export function moveReasonLabels(move: CaseMove): { label: MessageKey; hint: MessageKey } {
  return move === 'decide'
    ? { label: 'enforcement.dialog.decisionReason', hint: 'enforcement.dialog.decisionHint' }
    : { label: 'enforcement.dialog.reason', hint: 'enforcement.dialog.reasonHint' };
}

export type MoveTone = 'primary' | 'danger' | 'good' | 'plain';

/** The weight of a move's button: a decision is the grave one, a revocation gives back. */
export function moveTone(move: CaseMove): MoveTone {
  switch (move) {
    case 'decide':
      return 'danger';
    case 'revoke':
      return 'good';
    case 'review':
      return 'primary';
    default:
      return 'plain';
  }
}

export function stateName(t: Translate<MessageKey>, state: CaseState): string {
  return t(`enforcement.state.${state}`);
}

export function moveName(t: Translate<MessageKey>, move: CaseMove): string {
  return t(`enforcement.move.${move}`);
}

/** A step of the history (`open` and the moves). */
export function stepName(t: Translate<MessageKey>, step: string): string {
  const k = messageKey(`enforcement.move.${step}`);
  return k ? t(k) : step;
}

/** What a move did, for the notice shown after it: a decision's red code and record number first. */
export function moveOutcomeText(t: Translate<MessageKey>, move: CaseMove, before: CaseDetail, after: CaseDetail): string {
  const number = after.creditRecord?.number ?? before.creditRecord?.number ?? null;
  if (move === 'decide') return number ? t('enforcement.outcome.decide', { number }) : t('enforcement.outcome.decideNoRecord');
  if (move === 'revoke' && number) return t('enforcement.outcome.revoke', { number });
  // Closing a decided or upheld case ends a served term (a revoked one has no forced red left).
  if (move === 'close' && (before.state === 'decided' || before.state === 'upheld')) return t('enforcement.outcome.closeServed');
  return t('enforcement.outcome.moved', { move: moveName(t, move), state: stateName(t, after.state) });
}

/** The tone of a state's tag: suspected waits, a sanction is red, a revocation green, the end grey. */
export function stateTone(state: CaseState): 'warn' | 'info' | 'bad' | 'good' | 'muted' {
  switch (state) {
    case 'suspected':
      return 'warn';
    case 'under_review':
    case 'appealed':
      return 'info';
    case 'decided':
    case 'upheld':
      return 'bad';
    case 'revoked':
      return 'good';
    case 'dismissed':
    case 'closed':
      return 'muted';
  }
}

// ---- Words of the data ------------------------------------------------------------------------

/** Who opened a case: a user's name, or the detectors in the words the credit report uses too. */
export function openedByText(t: Translate<MessageKey>, openedBy: string): string {
  return isSystemActor(openedBy) ? t('enforcement.openedBy.detector') : openedBy;
}

/**
 * The rule that matched: `manual`, `screenshot:age`, `impersonation:speed+gap`,
 * `false_declaration:key_area_visit+fever` → "冒用他人：速度异常、扫码间隔过短".
 */
export function ruleText(t: Translate<MessageKey>, rule: string): string {
  const [family = '', parts = ''] = rule.split(':');
  const head = messageKey(`enforcement.rule.${family}`);
  if (!head) return rule;
  const names = parts
    .split('+')
    .filter(Boolean)
    .map((p) => {
      const k = messageKey(`enforcement.rule.${family}.${p}`) ?? messageKey(`people.cond.declarations.${p}`);
      return k ? t(k) : p;
    });
  return names.length ? t('enforcement.rule.withParts', { rule: t(head), parts: names.join(t('enforcement.listSeparator')) }) : t(head);
}

export function feedText(t: Translate<MessageKey>, feed: string): string {
  const k = messageKey(`feed.${feed}`) ?? messageKey(`enforcement.feed.${feed}`);
  return k ? t(k) : feed;
}

export function thresholdEntries(
  t: Translate<MessageKey>,
  thresholds: EvidenceView['thresholds'],
): { key: string; label: string; value: number }[] {
  return Object.entries(thresholds).map(([key, value]) => {
    const k = messageKey(`enforcement.threshold.${key}`);
    return { key, label: k ? t(k) : key, value };
  });
}

type DetailValue = string | number | boolean | null;

/** Detail fields whose values are machine words of a family of messages. */
const WORD_FAMILIES: Record<string, string> = {
  contradicts: 'people.cond.declarations',
  status: 'people.health',
  kind: 'people.medical',
  action: 'people.action',
  shown_color: 'color',
  colour_day_before: 'color',
  colour_scan_day: 'color',
};
const REGION_FIELDS = new Set(['region_code', 'origin_region_code']);
const TIME_FIELDS = new Set(['code_issued_at', 'first_seen', 'last_seen']);

export interface DetailFormat {
  t: Translate<MessageKey>;
  lang: Lang;
  formatTime: (ms: number) => string;
  regionName: (code: string, lang: Lang) => string;
}

function detailValue(f: DetailFormat, name: string, value: DetailValue): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? f.t('enforcement.yes') : f.t('enforcement.no');
  if (typeof value === 'number') return TIME_FIELDS.has(name) ? f.formatTime(value) : String(value);
  // The screenshot rule's stated method, stored in Chinese with the evidence: said in the reader's language.
  if (name === 'interpretation' && value === COLOUR_INTERPRETATION.zh) return COLOUR_INTERPRETATION[f.lang];
  const family = WORD_FAMILIES[name];
  if (family) {
    const k = messageKey(`${family}.${value}`);
    if (k) return f.t(k);
  }
  if (REGION_FIELDS.has(name)) return f.regionName(value, f.lang);
  return value;
}

/** A matched record's details as `name: value` pairs (names and machine words translated where known). */
export function detailPairs(f: DetailFormat, detail: Record<string, DetailValue>): { name: string; value: string }[] {
  return Object.entries(detail).map(([name, value]) => {
    const k = messageKey(`enforcement.detail.${name}`);
    return { name: k ? f.t(k) : name, value: detailValue(f, name, value) };
  });
}

// ---- Queries ----------------------------------------------------------------------------------

export function totalCount(counts: Partial<Record<CaseState, number>>): number {
  return CASE_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

export function noticeTally(rows: readonly Pick<NoticeView, 'kind'>[]): { decisions: number; revocations: number } {
  let decisions = 0;
  for (const r of rows) if (r.kind === 'decision') decisions++;
  return { decisions, revocations: rows.length - decisions };
}
