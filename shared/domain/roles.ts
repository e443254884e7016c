/**
 * Roles (ENFORCEMENT.md) and what each may do. Enforced where data is read or changed (the API's
 * dispatch checks every method against this table), never only by hiding buttons.
 */
import { ROLE_WORDS } from '../words/domain-words.ts';
import type { Bilingual } from '../words/translate.ts';

export type Role = 'officer' | 'credit' | 'writer' | 'admin';

export const ROLES: readonly Role[] = ['officer', 'credit', 'writer', 'admin'];

export type Permission =
  | 'dashboard.view'
  | 'people.view'
  | 'people.unmask'
  | 'data.view'
  | 'data.sync'
  | 'data.import'
  | 'rejects.export'
  | 'cases.view'
  | 'cases.flag'
  | 'cases.judge'
  | 'credit.export'
  | 'briefing.export'
  | 'users.manage'
  | 'settings.manage'
  /** ENTERPRISES.md: the county table and the weekly report (writers too). */
  | 'enterprises.summary'
  /** Everything else of the Enterprises screen (officers and credit staff). */
  | 'enterprises.view'
  /** The audit screen: read, verify and export the audit log (administrators and credit staff, city-wide only). */
  | 'audit.view'
  /** Sign off one's own county's figures of a day (issue 17): a county-scoped account only (electron/backend/signoff). */
  | 'county.signoff';

const OFFICER: readonly Permission[] = [
  'dashboard.view',
  'people.view',
  'people.unmask',
  'data.view',
  'data.sync',
  'data.import',
  'rejects.export',
  'cases.view',
  'cases.flag',
  'enterprises.summary',
  'enterprises.view',
  'county.signoff',
];

/**
 * officer: dashboards, people, syncs and imports, flag a suspicion. credit: all of that plus judge
 * cases, export credit reports and read the audit log. writer: dashboards and briefings, personal
 * data always masked. admin: users and settings and the audit log; cannot decide cases (and does not
 * browse people).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  officer: OFFICER,
  credit: [...OFFICER, 'cases.judge', 'credit.export', 'audit.view'],
  writer: ['dashboard.view', 'briefing.export', 'enterprises.summary'],
  admin: ['dashboard.view', 'data.view', 'users.manage', 'settings.manage', 'audit.view'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Permissions over the whole city that a county-scoped account never has, whatever its role: the
 * audit log is one chain for the city (its entries name users and people of every county, and its
 * verification is of the whole chain), so it cannot be cut to one county.
 */
export const CITY_WIDE_PERMISSIONS: readonly Permission[] = ['audit.view'];

/** Whether a permission is out of reach of a county-scoped account (the dispatch refuses it). */
export function isCityWideOnly(permission: Permission, county: string | null): boolean {
  return county !== null && CITY_WIDE_PERMISSIONS.includes(permission);
}

/** What a signed-in account may do: its role's permissions, less the city-wide ones for a county account. */
export function permissionsOf(role: Role, county: string | null): Permission[] {
  return ROLE_PERMISSIONS[role].filter((p) => !isCityWideOnly(p, county));
}

/** The roles' names live in shared/words with the other user-facing words. */
export const ROLE_NAMES: Record<Role, Bilingual> = ROLE_WORDS;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
