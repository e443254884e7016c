/**
 * pipelines/import-files.ts: a hand import ends like a sync, with the colours evaluated and the
 * fraud detectors run, in every shell. `hcc import` once skipped the detectors (issue 13), so a
 * false declaration it brought in waited for the next sync to become a case.
 */
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { importFiles } from '../../../../electron/backend/pipelines/import-files.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

/** A demo city whose declarations are held back from the exchange directory, to be imported by hand. */
async function cityWithoutDeclarations(dir: string): Promise<{ source: string; declarations: string[] }> {
  const city = await writeDemoCity({ out: join(dir, 'city'), people: 1500, days: 5, seed: 5 });
  const held = join(dir, 'declarations');
  renameSync(join(city.dir, 'declarations'), held);
  return {
    source: city.dir,
    declarations: readdirSync(held)
      .sort()
      .map((f) => join(held, f)),
  };
}

interface AuditRow {
  user_name: string | null;
  details: string;
}

test('the pipeline imports each file, evaluates, runs the detectors and audits each file with what its run did', async () => {
  const dir = tempDir();
  const { source, declarations } = await cityWithoutDeclarations(dir);
  const db = openDatabase(join(dir, 'console.db'));
  try {
    await syncDirectory(db, { source });
    const r = await importFiles(db, { files: declarations.map((path) => ({ path })), feed: 'declarations', actor: { user: 'ofc' } });
    expect(r.outcomes.map((o) => o.status)).toEqual(declarations.map(() => 'done'));
    expect(r.colours.people).toBeGreaterThan(0);
    // The sync alone ran no detector: every case there is was opened by the import's run.
    const cases = db.prepare("SELECT id FROM cases WHERE behavior = 'false_declaration' ORDER BY id").pluck().all() as number[];
    expect(cases.length).toBeGreaterThan(0);
    expect(r.opened).toEqual(expect.arrayContaining(cases));
    const entries = db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'data.import' ORDER BY id").all() as AuditRow[];
    expect(entries).toHaveLength(declarations.length);
    expect(entries.map((e) => e.user_name)).toEqual(declarations.map(() => 'ofc'));
    expect(JSON.parse(entries[0]!.details)).toMatchObject({
      file: 'declarations-2020-02-10.csv',
      feed: 'declarations',
      status: 'done',
      casesOpened: r.opened.length,
      colours: { mode: r.colours.mode },
    });
  } finally {
    db.close();
  }
});

test('hcc import runs the detectors after evaluating, as the console does: a later detect finds nothing left to open', async () => {
  const dir = tempDir();
  const { source, declarations } = await cityWithoutDeclarations(dir);
  const db = join(dir, 'c.db');
  await cliJson(['sync', '--db', db, '--source', source]);
  const before = await cliJson<unknown[]>(['case', 'list', '--db', db]);
  const imported = await runCli(['import', '--db', db, '--feed', 'declarations', ...declarations]);
  expect(imported.code, imported.stderr).toBe(0);
  const after = await cliJson<{ behavior: string }[]>(['case', 'list', '--db', db]);
  expect(after.filter((c) => c.behavior === 'false_declaration').length).toBeGreaterThan(0);
  expect(imported.stdout).toContain(`fraud detectors: ${after.length - before.length} case(s) opened`);
  expect((await cliJson<{ opened: number[] }>(['detect', '--db', db])).opened).toEqual([]);
  // The --json answer keeps its shape: one row per file.
  const again = await cliJson<{ file: string; status: string; accepted: number }[]>([
    'import',
    '--db',
    db,
    '--feed',
    'declarations',
    declarations[0]!,
  ]);
  expect(again).toEqual([expect.objectContaining({ status: 'done' })]);
});
