import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One schema step. `sql` runs as a script; `up` is for steps that need code. Never edit a shipped one. */
export interface Migration {
  version: number;
  name: string;
  sql?: string;
  up?: (db: Database) => void;
}
