/**
 * The pure parts of the audit screen: the filter form as the list's query, the suggested action
 * families, an entry's time and details as the table shows them. No React here, so the unit tests
 * read it directly.
 */
import type { AuditFilters, AuditProblemCode } from '../../../../shared/contract/audit.ts';
import { isValidPersonId } from '../../../../shared/domain/person-id.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** Rows per page of the list. */
export const AUDIT_PAGE_SIZE = 50;

/** The filter form as typed (dates as `YYYY-MM-DD`, '' when empty). */
export interface AuditForm {
  user: string;
  action: string;
  personId: string;
  from: string;
  to: string;
}

export const EMPTY_FORM: AuditForm = { user: '', action: '', personId: '', from: '', to: '' };

/** Suggestions of the action field: a family (a prefix ending with a dot) or one action, and its name. */
export const ACTION_SUGGESTIONS: readonly (readonly [string, MessageKey])[] = [
  ['auth.', 'audit.family.auth'],
  ['user.', 'audit.family.user'],
  ['role.', 'audit.family.role'],
  ['people.unmask', 'audit.family.unmask'],
  ['case.', 'audit.family.case'],
  ['credit.', 'audit.family.credit'],
  ['export.', 'audit.family.export'],
  ['data.', 'audit.family.data'],
  ['settings.update', 'audit.family.settings'],
  ['audit.', 'audit.family.audit'],
];

/** Whether the typed ID can be asked for: empty, or 18 characters with a valid check digit. */
export function personIdOk(typed: string): boolean {
  const s = typed.trim();
  return s === '' || isValidPersonId(s);
}

/** The form as the list's filters: trimmed, empty fields left out. */
export function auditFilters(form: AuditForm): AuditFilters {
  const out: AuditFilters = {};
  for (const key of ['user', 'action', 'personId', 'from', 'to'] as const) {
    const value = form[key].trim();
    if (value !== '') out[key] = value;
  }
  return out;
}

/** `2020-02-20T08:30:05+08:00` as the table shows it: `2020-02-20 08:30:05` (the console's time is Binzhou's). */
export function auditTimeText(at: string): string {
  return at.replace('T', ' ').replace(/(\.\d+)?\+08:00$/, '');
}

function valueText(v: unknown): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * An entry's details (JSON as stored) as one line, `key: value · key: value`, cut at `max`
 * characters: the table shows the summary, the full text is its tooltip.
 */
export function detailsSummary(details: string, max = 120): { short: string; full: string } {
  let full = details;
  try {
    const parsed: unknown = JSON.parse(details);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      full = Object.entries(parsed as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${valueText(v)}`)
        .join(' · ');
    }
  } catch {
    // Not JSON (never written so, but shown as it is rather than hidden).
  }
  const chars = Array.from(full);
  return { short: chars.length > max ? chars.slice(0, max - 1).join('') + '…' : full, full };
}

/** A target as the table shows it: a person's keyed hash shortened (it identifies no one by itself). */
export function targetText(target: string | null): string {
  if (target === null) return '—';
  const person = /^person:([0-9a-f]+)$/.exec(target);
  return person ? `person:${person[1]!.slice(0, 12)}…` : target;
}

export function problemKey(problem: AuditProblemCode): MessageKey {
  return `audit.problem.${problem}`;
}
