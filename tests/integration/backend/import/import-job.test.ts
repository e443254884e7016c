/**
 * The import job panel (issue 11 §6): after an import the job says what became of its file (1 / 1
 * files, the rows read, accepted and rejected), and "view rejected rows" can ask for that file's
 * rows only, not page 1 of every rejected row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JobState } from '../../../../shared/contract/api.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { type TestConsole, testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const HEADER = ['身份证号', '打卡时间', '体温'];

/** Drops a check-in file through the API as the Data screen does; answers the job's id. */
async function importCheckins(c: TestConsole, dir: string, name: string, rows: string[][]): Promise<number> {
  const bytes = readFileSync(writeCsv(join(dir, name), [HEADER, ...rows]));
  const { uploadId } = await c.ok('ofc', 'upload.begin', { name, size: bytes.length });
  await c.ok('ofc', 'upload.chunk', { uploadId, offset: 0, base64: bytes.toString('base64') });
  const job = await c.ok('ofc', 'import.commit', { uploadId, feed: 'checkins' });
  await c.services.jobs.idle();
  return job.id;
}

describe('an import as a job', () => {
  test('its last state counts the file and its rows: 1 / 1 files, 5 read, 3 accepted, 2 rejected', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: [{ name: 'ofc', role: 'officer' }] });
    const published: JobState[] = [];
    c.services.events.subscribe((e) => e.type === 'job' && published.push(e.job));
    const id = await importCheckins(c, dir, '健康打卡-2020-02-10.csv', [
      [personId(1), '2020-02-10 08:00:00', '36.5'],
      [personId(2), '2020-02-10 08:00:00', '36.6'],
      [personId(3), '2020-02-10 08:00:00', '38.1'],
      ['bad-id', '2020-02-10 08:00:00', '36.5'],
      [personId(4), '2020-02-30 08:00:00', '36.5'],
    ]);
    const want = { files: 1, filesDone: 1, rowsDone: 5, accepted: 3, duplicates: 0, rejected: 2 };
    expect(c.services.jobs.result(id)!.state).toMatchObject({ kind: 'import', status: 'done', feeds: { checkins: want } });
    // What the page hears last (the panel is drawn from events).
    expect(published.filter((j) => j.id === id).at(-1)).toMatchObject({ status: 'done', feeds: { checkins: want } });
  });

  test("view rejected rows after an import: that import's rows only, the feed's others left out", async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: [{ name: 'ofc', role: 'officer' }] });
    const first = await importCheckins(c, dir, 'a.csv', [['bad-1', '2020-02-10 08:00:00', '36.5']]);
    const second = await importCheckins(c, dir, 'b.csv', [
      [personId(1), '2020-02-11 08:00:00', '36.5'],
      ['bad-2', '2020-02-11 08:00:00', '36.5'],
      ['bad-3', '2020-02-11 08:00:00', '36.5'],
    ]);
    const a = (await c.ok('ofc', 'import.result', { jobId: first }))!;
    const b = (await c.ok('ofc', 'import.result', { jobId: second }))!;
    expect(b).toMatchObject({ file: 'b.csv', rejected: 2, batchId: expect.any(Number) });
    expect(b.batchId).not.toBe(a.batchId);
    const all = await c.ok('ofc', 'rejects.list', { feed: 'checkins' });
    expect(all.total).toBe(3);
    const mine = await c.ok('ofc', 'rejects.list', { feed: 'checkins', batchId: b.batchId!, offset: 0, limit: 50 });
    expect(mine.total).toBe(2);
    expect(mine.rows.map((r) => [r.file, r.line])).toEqual([
      ['b.csv', 3],
      ['b.csv', 4],
    ]);
    const bad = await c.call('ofc', 'rejects.list', { batchId: -1 });
    expect(bad.ok ? null : bad.error.code).toBe('bad_request');
  });
});
