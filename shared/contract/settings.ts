import type { Role } from '../domain/roles.ts';
import type { IsoDay } from './dashboard.ts';

export interface UserRow {
  name: string;
  role: Role;
  county: string | null;
  disabled: boolean;
  lastSignInAt: number | null;
  /** Created or reset by an administrator: the owner must choose a password at the next sign-in. */
  mustChangePassword: boolean;
  /** A role one administrator asked for and a second one has not yet approved (the credit role). */
  pendingRole: { role: Role; requestedBy: string } | null;
}

export interface ConsoleSettings {
  /** Sign out after this long without activity. */
  idleTimeoutMinutes: number;
  /** Sync the exchange directory every N minutes (0: only by hand). */
  autoSyncMinutes: number;
  /** The exchange directory. */
  syncSource: string | null;
}

export interface KeyAreaRow {
  regionCode: string;
  name: string | null;
  effectiveFrom: IsoDay;
  effectiveTo: IsoDay | null;
}
