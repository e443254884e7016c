import type { Permission, Role } from '../domain/roles.ts';

export interface UserInfo {
  name: string;
  role: Role;
  /** A county's duty officer sees and exports only that county; null: the whole city. */
  county: string | null;
}

export interface SessionInfo {
  user: UserInfo;
  permissions: Permission[];
  idleTimeoutMinutes: number;
}

export interface AuthStatus {
  /** No user yet: the first start asks for the first administrator's password. */
  setupRequired: boolean;
  /** No data yet: after set-up (and on the empty dashboard) the console offers the demo city. */
  emptyDatabase: boolean;
  session: SessionInfo | null;
}
