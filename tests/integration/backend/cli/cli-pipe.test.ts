/**
 * The command line keeps its contract when piped (issue 11, §3): a script reading `hcc ... --json`
 * through a pipe or from a file gets the whole document, however large, not the first 64 KB that
 * fitted in the pipe before the process exited.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI_ENTRY, runCli } from '../../../support/cli.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const ROWS = 10_000;

interface Finished {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs `hcc` with stdout as a pipe (read as it comes) or as the given file descriptor. */
function run(args: readonly string[], stdout: 'pipe' | number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], { stdio: ['ignore', stdout, 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => chunks.push(d));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
  });
}

describe('hcc output on a pipe and in a file', async () => {
  const dir = suiteTempDir();
  const db = join(dir, 'city.db');
  // Every row has an impossible temperature: ten thousand rejected rows, a JSON listing of megabytes.
  const rows = Array.from({ length: ROWS }, (_, i) => [personId(i % 1000), '2020-02-10 08:00:00', `99.${i % 10}`, '0']);
  const file = writeCsv(join(dir, 'checkins-2020-02-10.csv'), [['person_id', 'checked_at', 'temperature', 'symptoms'], ...rows]);
  const imported = await runCli(['import', '--db', db, '--feed', 'checkins', file, '--json']);
  expect(imported.code, imported.stderr).toBe(0);

  test('a listing of more than a megabyte arrives whole through a pipe', async () => {
    const r = await run(['rejects', '--db', db, '--json'], 'pipe');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1024 * 1024);
    const listed = JSON.parse(r.stdout.toString('utf8')) as { line: number }[];
    expect(listed).toHaveLength(ROWS);
    expect(listed.at(-1)!.line).toBe(ROWS + 1);
  });

  test('and whole into a file', async () => {
    const out = join(dir, 'rejects.json');
    const fd = openSync(out, 'w');
    try {
      const r = await run(['rejects', '--db', db, '--json'], fd);
      expect(r.code, r.stderr).toBe(0);
    } finally {
      closeSync(fd);
    }
    const listed = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
    expect(listed).toHaveLength(ROWS);
  });
});
