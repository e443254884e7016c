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
  /**
   * The exchange directory, or the exchange database as `postgres://user@host:port/db[?schema=s]`
   * (never with its password).
   */
  syncSource: string | null;
  /** A password for the exchange database is kept (sealed with the database key), never sent back. */
  exchangePasswordStored: boolean;
  /** The dashboard map's fixed scale: ascending thresholds of the red + yellow rate, in percent (shared/domain/map-bands.ts). */
  mapBands: number[];
}

export interface KeyAreaRow {
  regionCode: string;
  name: string | null;
  effectiveFrom: IsoDay;
  effectiveTo: IsoDay | null;
}
