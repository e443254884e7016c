import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { countyStats, transitionsOn } from '../../../../electron/backend/rules/county-stats.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { loadKeyAreas, loadPeople } from '../../../../electron/backend/rules/load-records.ts';
import { evaluate } from '../../../../shared/domain/rules/evaluate.ts';
import { isColourStateFresh, recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { day } from '../../../support/rules-builder.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

function snapshot(db: Db) {
  const rows = (sql: string) => db.prepare(sql).all();
  return {
    codes: rows('SELECT person_id, timeline FROM person_codes ORDER BY person_id'),
    changes: rows('SELECT * FROM code_changes ORDER BY day, person_id'),
    deltas: rows('SELECT day, county_code, color, delta FROM stat_deltas WHERE delta <> 0 ORDER BY day, county_code, color'),
    transitions: rows('SELECT day, county_code, from_color, to_color, n FROM transition_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4'),
  };
}

describe('stored colours at city scale', () => {
  test('after any sequence of syncs, incremental recomputes equal a fresh full evaluation', async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 3000, days: 10, seed: 11 });
    const exchange = join(dir, 'exchange');
    const inc = openDatabase(join(dir, 'inc.db'));
    // Deliver the city in an order a real exchange might: one-off files first, then days in a
    // shuffled order, some days' check-ins late; recompute after every sync.
    const feeds = readdirSync(city.dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const files = feeds.flatMap((f) => readdirSync(join(city.dir, f)).map((n) => `${f}/${n}`));
    const daily = files.filter(
      (f) => /\d{4}-\d{2}-\d{2}\.csv$/.test(f) && !f.startsWith('residents') && !f.startsWith('staff') && !f.startsWith('sites'),
    );
    const once = files.filter((f) => !daily.includes(f));
    const order = [...daily].sort(
      (a, b) => ((a.length * 31 + a.charCodeAt(a.length - 6)) % 7) - ((b.length * 31 + b.charCodeAt(b.length - 6)) % 7),
    );
    const batches = [once, ...Array.from({ length: 6 }, (_, i) => order.filter((_, k) => k % 6 === i))];
    for (const batch of batches) {
      for (const f of batch) {
        mkdirSync(join(exchange, f.split('/')[0]!), { recursive: true });
        cpSync(join(city.dir, f), join(exchange, f));
      }
      await syncDirectory(inc, { source: exchange });
      const r = await recomputeColours(inc);
      expect(r.mode === 'incremental' || r.mode === 'full').toBe(true);
      expect(isColourStateFresh(inc)).toBe(true);
    }
    const full = openDatabase(join(dir, 'full.db'));
    await syncDirectory(full, { source: city.dir });
    // The full evaluation on worker threads (small chunks), the incremental ones inline.
    expect((await recomputeColours(full, { workers: 2, chunkPeople: 250 })).mode).toBe('full');
    expect(snapshot(inc)).toEqual(snapshot(full));
    for (let d = day('2020-02-08'); d <= day('2020-02-22'); d++) {
      expect(countyStats(inc, d)).toEqual(countyStats(full, d));
      expect(transitionsOn(inc, d)).toEqual(transitionsOn(full, d));
    }
    // Forcing a full evaluation over the incremental database changes nothing.
    const before = snapshot(inc);
    expect((await recomputeColours(inc, { full: true, workers: 0 })).changed).toBe(0);
    expect(snapshot(inc)).toEqual(before);
  });

  test('county statistics add up: totals, coverage and the day-over-day transitions', async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 2000, days: 6, seed: 3 });
    const db = openDatabase(join(dir, 'c.db'));
    await syncDirectory(db, { source: city.dir });
    await recomputeColours(db);
    const known = (db.prepare('SELECT count(*) n FROM person_codes').get() as { n: number }).n;
    for (let d = day('2020-02-09'); d <= day('2020-02-16'); d++) {
      const stats = countyStats(db, d);
      const total = stats[stats.length - 1]!;
      expect(total.county_code).toBe('total');
      expect(total.total).toBe(total.red + total.yellow + total.green);
      for (const k of ['red', 'yellow', 'green'] as const) expect(total[k]).toBe(stats.slice(0, 7).reduce((a, r) => a + r[k], 0));
      expect(total.total + total.no_code).toBe(known);
      // Yesterday's counts plus today's changes are today's counts.
      const y = countyStats(db, d - 1)[7]!;
      const moves = transitionsOn(db, d);
      for (const c of ['red', 'yellow', 'green'] as const) {
        const into = moves.filter((m) => m.to_color === c).reduce((a, m) => a + m.n, 0);
        const out = moves.filter((m) => m.from_color === c).reduce((a, m) => a + m.n, 0);
        expect(total[c], `${c} on ${d}`).toBe(y[c] + into - out);
      }
    }
    // Each person's stored colour and since are what the engine gives evaluated on that date alone.
    const ids = (db.prepare('SELECT person_id FROM person_codes ORDER BY person_id').all() as { person_id: string }[]).map(
      (r) => r.person_id,
    );
    const loaded = loadPeople(db, { kind: 'ids', ids });
    const areas = loadKeyAreas(db);
    const colours = new Set<string>();
    for (const id of ids) {
      for (const d of [day('2020-02-09'), day('2020-02-12'), day('2020-02-16')]) {
        const stored = personCode(db, id, d)!;
        const live = evaluate(loaded.records.get(id)!, areas, d);
        expect([stored.color, stored.since], id).toEqual([live.color, live.since]);
        colours.add(stored.color);
      }
    }
    expect([...colours].sort()).toEqual(['green', 'none', 'red', 'yellow']);
  });
});
