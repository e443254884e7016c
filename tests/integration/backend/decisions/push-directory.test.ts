/**
 * Pushing outcomes into an exchange directory: `<dir>/outbox/code_decisions-<timestamp>.csv`, whole
 * or not at all, each outcome in one file; a delivery cut after the rows were given their file's
 * name writes that same file again (same name, same bytes) before anything new.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type OutboxRow, pendingDecisions } from '../../../../electron/backend/decisions/decision-outbox.ts';
import { outboxFileName, outboxFileTime } from '../../../../electron/backend/decisions/push-directory.ts';
import { pushDecisions } from '../../../../electron/backend/decisions/push-decisions.ts';
import { formatInstant } from '../../../../shared/domain/local-date.ts';
import { useTempDir } from '../../../support/temp-dir.ts';
import { type DecisionWorld, decisionWorld } from './decision-world.ts';

const tempDir = useTempDir();
let w: DecisionWorld | null = null;
afterEach(() => w?.db.close());

const NOW = Date.parse('2020-02-15T08:00:00.250+08:00');
const HEADER = 'person_id,action,effective_at,credit_record_number,case_id,decided_by,written_at';

function exchangeDir(): string {
  const dir = join(tempDir(), 'exchange');
  mkdirSync(dir);
  return dir;
}

const outboxFiles = (dir: string) => (existsSync(join(dir, 'outbox')) ? readdirSync(join(dir, 'outbox')).sort() : []);
const allRows = (w: DecisionWorld) => w.db.prepare('SELECT * FROM decision_outbox ORDER BY id').all() as OutboxRow[];

describe('pushing decisions to an exchange directory', () => {
  test('one file with a header and every pending outcome in order, times with +08:00; a second push writes none', async () => {
    w = decisionWorld(tempDir());
    w.walked(0, ['decide', 'appeal', 'revoke']);
    w.walked(1, ['decide', 'close']);
    const dir = exchangeDir();
    const r = await pushDecisions(w.db, { kind: 'directory', dir }, NOW);
    expect(r).toEqual({ delivered: 4, pending: 0, target: dir, error: null });
    expect(outboxFiles(dir)).toEqual(['code_decisions-20200215T080000250.csv']);
    const path = join(dir, 'outbox', 'code_decisions-20200215T080000250.csv');
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1)).toEqual(
      allRows(w).map((o) =>
        [
          o.person_id,
          o.action,
          formatInstant(o.effective_at),
          o.credit_record_number,
          o.case_id,
          'cre',
          '2020-02-15T08:00:00.250+08:00',
        ].join(','),
      ),
    );
    expect(lines[1]).toMatch(/^\d{17}[\dX],force_red,2020-02-14T\d\d:\d\d:00\+08:00,BZXY-2020-000001,1,cre,/);
    for (const o of allRows(w))
      expect(o).toMatchObject({ delivered_at: NOW, delivered_to: path, pending_file: 'code_decisions-20200215T080000250.csv' });

    expect(await pushDecisions(w.db, { kind: 'directory', dir }, NOW + 1000)).toMatchObject({ delivered: 0, pending: 0 });
    expect(outboxFiles(dir)).toHaveLength(1);
    // No temporary file is left behind.
    expect(readdirSync(join(dir, 'outbox')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('a cut delivery: the rows that carry a file name go into that same file again, before a new file for newer outcomes', async () => {
    w = decisionWorld(tempDir());
    w.walked(0, ['decide', 'close']);
    const dir = exchangeDir();
    await pushDecisions(w.db, { kind: 'directory', dir }, NOW);
    const [name] = outboxFiles(dir);
    const path = join(dir, 'outbox', name!);
    const bytes = readFileSync(path);
    // Cut after the file was written, before the mark: the same file, byte for byte.
    w.db.prepare('UPDATE decision_outbox SET delivered_at = NULL, delivered_to = NULL').run();
    expect(await pushDecisions(w.db, { kind: 'directory', dir }, NOW + 5000)).toMatchObject({ delivered: 2, pending: 0 });
    expect(outboxFiles(dir)).toEqual([name]);
    expect(readFileSync(path).equals(bytes)).toBe(true);

    // Cut before the file was there at all, with a newer decision since: the old name is written
    // first, with exactly its rows; the newer one gets a file of its own, named later.
    w.db.prepare('UPDATE decision_outbox SET delivered_at = NULL, delivered_to = NULL').run();
    rmSync(path);
    w.walked(1, ['decide']);
    const r = await pushDecisions(w.db, { kind: 'directory', dir }, NOW + 10_000);
    expect(r).toMatchObject({ delivered: 3, pending: 0 });
    const files = outboxFiles(dir);
    expect(files).toEqual([name, 'code_decisions-20200215T080010250.csv']);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const newer = readFileSync(join(dir, 'outbox', files[1]!), 'utf8')
      .trim()
      .split('\r\n');
    expect(newer).toHaveLength(2);
    expect(newer[1]).toContain(`${w.people[1]},force_red,`);
    expect(allRows(w).map((o) => o.pending_file)).toEqual([name, name, files[1]]);
  });

  test('a clock standing still or behind never replaces a file: names only grow', async () => {
    w = decisionWorld(tempDir());
    const dir = exchangeDir();
    w.walked(0, ['decide']);
    await pushDecisions(w.db, { kind: 'directory', dir }, NOW);
    w.walked(1, ['decide']);
    await pushDecisions(w.db, { kind: 'directory', dir }, NOW);
    w.walked(2, ['decide']);
    await pushDecisions(w.db, { kind: 'directory', dir }, NOW - 3_600_000);
    const files = outboxFiles(dir);
    expect(files).toHaveLength(3);
    expect(files.map((f) => outboxFileTime(f))).toEqual([NOW, NOW + 1, NOW + 2]);
    expect(files[0]).toBe(outboxFileName(NOW));
    expect(
      files.map(
        (f) =>
          readFileSync(join(dir, 'outbox', f), 'utf8')
            .split('\r\n')[1]!
            .split(',')[0],
      ),
    ).toEqual(w.people.slice(0, 3));
  });

  test('nothing waiting: the exchange directory is not touched (no empty outbox/ folder)', async () => {
    w = decisionWorld(tempDir());
    const dir = exchangeDir();
    expect(await pushDecisions(w.db, { kind: 'directory', dir }, NOW)).toEqual({ delivered: 0, pending: 0, target: dir, error: null });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('an exchange directory that is not there: the outcomes wait, no folder is made, and the next push delivers them', async () => {
    w = decisionWorld(tempDir());
    w.walked(0, ['decide']);
    const dir = join(tempDir(), 'share-not-mounted');
    const r = await pushDecisions(w.db, { kind: 'directory', dir }, NOW);
    expect(r).toMatchObject({ delivered: 0, pending: 1 });
    expect(r.error?.en).toContain(dir);
    expect(r.error?.zh.length).toBeGreaterThan(0);
    expect(existsSync(dir)).toBe(false);
    expect(pendingDecisions(w.db)).toHaveLength(1);
    mkdirSync(dir);
    expect(await pushDecisions(w.db, { kind: 'directory', dir }, NOW + 1)).toMatchObject({ delivered: 1, pending: 0, error: null });
    expect(outboxFiles(dir)).toHaveLength(1);
  });
});
