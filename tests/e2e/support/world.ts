/**
 * The end-to-end world: a demo city synced into a fresh database, users of every role, and
 * `hcc serve` on a free port. Global setup writes where things are to world.json for the tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WORLD_DIR = join(ROOT, 'test-results', 'e2e-world');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const CLI = join(ROOT, 'electron', 'backend', 'cli', 'main.ts');
export const PASSWORD = 'e2e-password-1';

export interface World {
  url: string;
  db: string;
  dataDir: string;
  /** A second exchange directory with more days, for the sync test. */
  nextDays: string;
  pid: number;
  latestDay: string;
}

export const USERS = [
  { name: 'admin', role: 'admin' },
  { name: 'ofc', role: 'officer' },
  { name: 'cre', role: 'credit' },
  { name: 'wri', role: 'writer' },
  { name: 'wudi', role: 'officer', county: '371623' },
] as const;

export function world(): World {
  return JSON.parse(readFileSync(join(WORLD_DIR, 'world.json'), 'utf8')) as World;
}
