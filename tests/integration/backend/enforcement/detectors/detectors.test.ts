import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../../electron/backend/demo/demo-city.ts';
import { runDetectors } from '../../../../../electron/backend/enforcement/detectors/run-detectors.ts';
import { recomputeColours } from '../../../../../electron/backend/rules/recompute.ts';
import { dayStartInstant, parseDay } from '../../../../../shared/domain/local-date.ts';
import { syncDirectory } from '../../../../../electron/backend/sync/sync-directory.ts';
import { useTempDir } from '../../../../support/temp-dir.ts';

const tempDir = useTempDir();
const NOW = Date.parse('2020-02-21T09:00:00+08:00');

type Planted = Record<'false_declaration' | 'screenshot' | 'impersonation', string[]>;

function cases(db: Db): { id: number; person_id: string; behavior: string; evidence_key: string }[] {
  return db.prepare('SELECT id, person_id, behavior, evidence_key FROM cases ORDER BY id').all() as never;
}

/** Sync, evaluate the colours, detect: what a daily run does. */
async function dailyRun(db: Db, source: string, full = false) {
  await syncDirectory(db, { source });
  await recomputeColours(db, { workers: 0 });
  const started = performance.now();
  const run = runDetectors(db, { now: NOW, full });
  return { ...run, ms: performance.now() - started };
}

/** The exchange directory as delivered up to a date: registers and workbooks, then daily files. */
function deliver(from: string, to: string, upToDate: string, afterDate = ''): void {
  for (const feed of readdirSync(from, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)) {
    for (const name of readdirSync(join(from, feed))) {
      const date = /(\d{4}-\d{2}-\d{2})\.csv$/.exec(name)?.[1];
      const register = ['residents', 'sites', 'staff'].includes(feed) || !date;
      const send = register ? afterDate === '' : date! > afterDate && date! <= upToDate;
      if (!send) continue;
      mkdirSync(join(to, feed), { recursive: true });
      cpSync(join(from, feed, name), join(to, feed, name));
    }
  }
}

describe('detectors on a demo city', () => {
  test('every planted fraud is found with its behaviour, no honest person is; incremental runs equal a full one', async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 5000, days: 10, seed: 21 });
    const planted = (JSON.parse(readFileSync(city.truthFile, 'utf8')) as { planted: Planted }).planted;
    const truth = new Map<string, string>();
    for (const [behavior, ids] of Object.entries(planted)) for (const id of ids) truth.set(id, behavior);
    const exchange = join(dir, 'exchange');
    const db = openDatabase(join(dir, 'inc.db'));

    // Days 1–6 (2020-02-10 to 02-15), then a run; then the remaining four days.
    deliver(city.dir, exchange, '2020-02-15');
    const first = await dailyRun(db, exchange);
    const afterFirst = cases(db);
    expect(first.opened).toHaveLength(afterFirst.length);
    for (const c of afterFirst) expect(truth.get(c.person_id), `${c.evidence_key} is an honest person`).toBe(c.behavior);
    // The same evidence never opens two cases: nothing new, nothing examined again.
    const again = runDetectors(db, { now: NOW });
    expect(again).toEqual({ opened: [], examined: { declarations: 0, scans: 0 } });

    deliver(city.dir, exchange, '2020-02-19', '2020-02-15');
    const second = await dailyRun(db, exchange);
    const all = cases(db);
    expect(second.opened).toEqual(all.slice(afterFirst.length).map((c) => c.id));
    // The second run examined only the new scans, not the first six days' again.
    const newScans = (db.prepare('SELECT count(*) AS n FROM scans WHERE day > ?').get(parseDay('2020-02-15')) as { n: number }).n;
    expect(second.examined.scans).toBe(newScans);

    const flagged = new Map<string, Set<string>>();
    for (const c of all) flagged.set(c.person_id, (flagged.get(c.person_id) ?? new Set()).add(c.behavior));
    const honestFlagged = [...flagged.keys()].filter((id) => !truth.has(id));
    const missed = [...truth].filter(([id, behavior]) => !flagged.get(id)?.has(behavior));
    const wrong = [...flagged].filter(([id, behaviors]) => truth.has(id) && [...behaviors].some((b) => b !== truth.get(id)));
    console.log(
      `demo city 5,000 × 10 days: planted ${truth.size} (false_declaration ${planted.false_declaration.length}, screenshot ${planted.screenshot.length}, ` +
        `impersonation ${planted.impersonation.length}), found ${truth.size - missed.length}, missed ${missed.length}, honest flagged ` +
        `${honestFlagged.length}; ` +
        `cases ${all.length} (${afterFirst.length} after 6 days, ${second.opened.length} more after 4 more days); runs ${first.ms.toFixed(0)} ms and ` +
        `${second.ms.toFixed(0)} ms`,
    );
    expect(missed).toEqual([]);
    expect(honestFlagged).toEqual([]);
    expect(wrong).toEqual([]);
    expect(planted.false_declaration.length).toBeGreaterThanOrEqual(3);
    expect(planted.screenshot.length).toBeGreaterThanOrEqual(3);
    expect(planted.impersonation.length).toBeGreaterThanOrEqual(3);

    // A full re-examination finds the same evidence and opens nothing.
    const full = runDetectors(db, { now: NOW, full: true });
    expect(full.opened).toEqual([]);
    expect(full.examined.scans).toBe((db.prepare('SELECT count(*) AS n FROM scans').get() as { n: number }).n);
    expect(cases(db)).toEqual(all);

    // Everything at once into a fresh database gives the same cases.
    const once = openDatabase(join(dir, 'once.db'));
    await dailyRun(once, exchange);
    expect(
      cases(once)
        .map((c) => c.evidence_key)
        .sort(),
    ).toEqual(all.map((c) => c.evidence_key).sort());

    // Replaying a past day (hcc detect --as-of): only evidence from before it; the next run the rest.
    const replay = openDatabase(join(dir, 'replay.db'));
    await syncDirectory(replay, { source: exchange });
    await recomputeColours(replay, { workers: 0 });
    const cut = dayStartInstant(parseDay('2020-02-14')!);
    const early = runDetectors(replay, { now: NOW, asOf: cut });
    expect(early.opened.length).toBeGreaterThan(0);
    expect(early.opened.length).toBeLessThan(all.length);
    for (const e of replay.prepare('SELECT evidence FROM cases').pluck().all() as string[]) {
      for (const r of (JSON.parse(e) as { records: { at: number | null }[] }).records) expect(r.at ?? 0).toBeLessThan(cut);
    }
    const rest = runDetectors(replay, { now: NOW });
    expect(early.opened.length + rest.opened.length).toBe(all.length);
    expect(
      cases(replay)
        .map((c) => c.evidence_key)
        .sort(),
    ).toEqual(all.map((c) => c.evidence_key).sort());
  }, 120_000);
});
