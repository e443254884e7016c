/**
 * Roles (ENFORCEMENT.md) and what each may do. Enforced where data is read or changed (the API's
 * dispatch checks every method against this table), never only by hiding buttons.
 */
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
  | 'settings.manage';

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
];

/**
 * officer: dashboards, people, syncs and imports, flag a suspicion. credit: all of that plus judge
 * cases and export credit reports. writer: dashboards and briefings, personal data always masked.
 * admin: users and settings; cannot decide cases (and does not browse people).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  officer: OFFICER,
  credit: [...OFFICER, 'cases.judge', 'credit.export'],
  writer: ['dashboard.view', 'briefing.export'],
  admin: ['dashboard.view', 'data.view', 'users.manage', 'settings.manage'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  officer: { zh: '指挥中心值班员', en: 'Duty officer' },
  credit: { zh: '信用监管员', en: 'Credit supervisor' },
  writer: { zh: '材料员', en: 'Report writer' },
  admin: { zh: '管理员', en: 'Administrator' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
