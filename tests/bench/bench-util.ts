import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('../../.bench/', import.meta.url));
export const CLI = fileURLToPath(new URL('../../electron/backend/cli/main.ts', import.meta.url));

/** Runs a bench child (a .ts file beside this one) and parses the JSON it prints. */
export function child<T>(script: string, args: readonly string[]): T {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(`./${script}`, import.meta.url)), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

export function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

export function sizeMB(file: string): number {
  return existsSync(file) ? statSync(file).size / 1048576 : 0;
}

export function dirSizeMB(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  }
  return total / 1048576;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return (
    `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.versions.node}, SQLite via ` +
    `better-sqlite3-multiple-ciphers (SQLCipher 4 format)`
  );
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
