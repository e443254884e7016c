import type { Permission, Role } from '../domain/roles.ts';
import type { Language } from '../words/translate.ts';

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
  /**
   * The password was set by an administrator (a new or reset account): until the user chooses
   * their own (auth.changePassword), every other method is refused with 'password_change_required'.
   */
  mustChangePassword: boolean;
  /**
   * The language this user chose (auth.setLanguage, or on the sign-in screen), kept with the account
   * so the console opens in it on any machine; 'zh' until they choose.
   */
  language: Language;
}

export interface AuthStatus {
  /** No user yet: the first start asks for the first administrator's password. */
  setupRequired: boolean;
  /**
   * The database already holds data: set-up needs the one-time code that `hcc serve` printed on
   * its terminal (or the first administrator comes from `hcc user add`). Never asked in the desktop.
   */
  setupCodeRequired: boolean;
  /** No data yet: after set-up (and on the empty dashboard) the console offers the demo city. */
  emptyDatabase: boolean;
  session: SessionInfo | null;
}
