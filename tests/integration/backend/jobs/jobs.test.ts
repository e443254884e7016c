/** Long work through the API: a sync and an import run on a worker thread and report progress; cancel keeps what was committed. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ConsoleEvent, JobState } from '../../../../shared/contract/api.ts';
import { createConsoleServices } from '../../../../electron/backend/api/console-services.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { flagCase, moveCase } from '../../../../electron/backend/enforcement/cases.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { coloursBehind, recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

function collect(c: Awaited<ReturnType<typeof testConsole>>) {
  const jobs: JobState[] = [];
  let changed = 0;
  c.services.events.subscribe((e: ConsoleEvent) => {
    if (e.type === 'job') jobs.push(e.job);
    if (e.type === 'data-changed') changed++;
  });
  return { jobs, changed: () => changed };
}

describe('jobs', () => {
  test('a sync reports per-feed progress and ends with the colours evaluated; a second one is refused while it runs', async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 3000, days: 5, seed: 2 });
    const c = await testConsole(dir, { users: [{ name: 'ofc', role: 'officer' }] });
    const events = collect(c);
    const job = await c.ok('ofc', 'sync.start', { source: city.dir });
    expect(job).toMatchObject({ kind: 'sync', status: 'running' });
    const busy = await c.call('ofc', 'sync.start', { source: city.dir });
    expect(busy.ok ? null : busy.error.code).toBe('busy');
    await c.services.jobs.idle();
    const last = events.jobs[events.jobs.length - 1]!;
    expect(last).toMatchObject({ id: job.id, status: 'done' });
    const truth = JSON.parse(readFileSync(city.truthFile, 'utf8')) as { rows: Record<string, number> };
    expect(last.feeds.checkins).toMatchObject({ files: 5, filesDone: 5, rowsDone: truth.rows.checkins });
    expect(last.colours?.done).toBe(last.colours?.total);
    expect(events.jobs.some((j) => j.status === 'running' && j.current !== null)).toBe(true);
    expect(events.changed()).toBeGreaterThan(0);
    const overview = await c.ok('ofc', 'data.overview', {});
    expect(overview.syncs[0]).toMatchObject({ status: 'done', read: Object.values(truth.rows).reduce((a, b) => a + b, 0) });
    const audit = c.services.db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'data.sync'").get() as {
      user_name: string;
      details: string;
    };
    expect(audit.user_name).toBe('ofc');
    expect(JSON.parse(audit.details)).toMatchObject({ status: 'done' });
  });

  test('cancel stops the sync after the chunk being written; the next sync finishes the rest', async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 6000, days: 8, seed: 3 });
    const c = await testConsole(dir, { users: [{ name: 'ofc', role: 'officer' }] });
    const events = collect(c);
    await c.ok('ofc', 'sync.start', { source: city.dir });
    await new Promise<void>((resolve) => {
      const off = c.services.events.subscribe((e) => {
        if (e.type === 'job' && (e.job.feeds.declarations?.filesDone ?? 0) >= 1) {
          off();
          resolve();
        }
      });
    });
    expect(await c.ok('ofc', 'sync.cancel', {})).toMatchObject({ status: 'running' });
    await c.services.jobs.idle();
    expect(events.jobs[events.jobs.length - 1]!.status).toBe('cancelled');
    const partial = (c.services.db.prepare('SELECT count(*) n FROM checkins').get() as { n: number }).n;
    await c.ok('ofc', 'sync.start', { source: city.dir });
    await c.services.jobs.idle();
    const truth = JSON.parse(readFileSync(city.truthFile, 'utf8')) as { rows: Record<string, number>; bad_rows: Record<string, number> };
    const all = (c.services.db.prepare('SELECT count(*) n FROM checkins').get() as { n: number }).n;
    expect(partial).toBeLessThan(all);
    expect(all).toBe(truth.rows.checkins! - truth.bad_rows.checkins!);
  });

  test('a dropped file: uploaded in pieces, previewed with its header mapping, imported as a job', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: [{ name: 'ofc', role: 'officer' }] });
    const file = writeCsv(join(dir, '健康打卡-2020-02-10.csv'), [
      ['身份证号', '打卡时间', '体温', '备注'],
      [personId(1), '2020-02-10 08:00:00', '36.5', 'x'],
      [personId(2), '2020-02-10 08:00:00', '38.1', ''],
      ['bad-id', '2020-02-10 08:00:00', '36.5', ''],
    ]);
    const bytes = readFileSync(file);
    const { uploadId } = await c.ok('ofc', 'upload.begin', { name: '健康打卡-2020-02-10.csv', size: bytes.length });
    const half = Math.floor(bytes.length / 2);
    await c.ok('ofc', 'upload.chunk', { uploadId, offset: 0, base64: bytes.subarray(0, half).toString('base64') });
    const wrong = await c.call('ofc', 'upload.chunk', { uploadId, offset: 0, base64: 'AAAA' });
    expect(wrong.ok ? null : wrong.error.code).toBe('bad_request');
    await c.ok('ofc', 'upload.chunk', { uploadId, offset: half, base64: bytes.subarray(half).toString('base64') });
    const preview = await c.ok('ofc', 'import.preview', { uploadId });
    expect(preview).toMatchObject({ feed: 'checkins', format: 'csv', encoding: 'utf-8', ignored: ['备注'], problem: null });
    expect(preview.columns.find((col) => col.name === 'temperature')).toMatchObject({ position: 2, required: true });
    expect(preview.sample[0]![0]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const asFeed = await c.ok('ofc', 'import.preview', { uploadId, feed: 'declarations' });
    expect(asFeed.problem?.zh).toMatch(/申报时间/);
    const job = await c.ok('ofc', 'import.commit', { uploadId, feed: 'checkins' });
    await c.services.jobs.idle();
    expect(await c.ok('ofc', 'import.result', { jobId: job.id })).toMatchObject({
      file: '健康打卡-2020-02-10.csv',
      feed: 'checkins',
      status: 'done',
      read: 3,
      accepted: 2,
      rejected: 1,
    });
  });

  test('a decision whose evaluation a crash interrupted is evaluated when the console starts', async () => {
    const dir = tempDir();
    const src = join(dir, 'x');
    for (const f of ['residents', 'declarations']) mkdirSync(join(src, f), { recursive: true });
    writeCsv(join(src, 'residents', 'r.csv'), [
      ['person_id', 'name', 'phone', 'county_code', 'address'],
      [personId(1), '甲', '', '371602', ''],
    ]);
    writeCsv(join(src, 'declarations', 'd.csv'), [
      ['person_id', 'declared_at', 'county_code'],
      [personId(1), '2020-02-10 09:00', '371602'],
    ]);
    const db = openDatabase(join(dir, 'console.db'));
    await syncDirectory(db, { source: src });
    await recomputeColours(db, { workers: 0 });
    expect(coloursBehind(db)).toBe(false);
    // The decision commits; the process dies before the colours are evaluated.
    const at = Date.parse('2020-02-12T10:00:00+08:00');
    const id = flagCase(db, { personId: personId(1), behavior: 'other', reason: '举报', role: 'officer', user: 'ofc', at })!;
    moveCase(db, { id, move: 'review', role: 'credit', user: 'cre', reason: '审查', at });
    moveCase(db, { id, move: 'decide', role: 'credit', user: 'cre', reason: '决定', at });
    expect(personCode(db, personId(1), parseDay('2020-02-12')!)?.color).toBe('green');
    expect(coloursBehind(db)).toBe(true);

    const services = createConsoleServices(db, dir);
    expect(services.jobs.current()).toMatchObject({ kind: 'colours' });
    await services.jobs.idle();
    expect(personCode(db, personId(1), parseDay('2020-02-12')!)?.color).toBe('red');
    expect(coloursBehind(db)).toBe(false);
  });
});
