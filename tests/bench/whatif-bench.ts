/**
 * The what-if of a key-area change (issue 17) on a city: Jiangsu (32, a province) added from the
 * city's third day, Hubei (42) ended and backdated, each a dry run timed as the median of three.
 * On the colours section's city (.bench/work-<N>.db) when it is there; otherwise on a demo city of
 * N people built here (.bench/whatif-<N>.db). The target: under 10 s for a province at 4 million.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoCity } from '../../electron/backend/demo/demo-city.ts';
import { databaseClock, defaultAsOfDay } from '../../electron/backend/clock/database-clock.ts';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { keyAreaWhatIf } from '../../electron/backend/key-areas/what-if.ts';
import { listedKeyAreas } from '../../electron/backend/rules/key-areas.ts';
import { recomputeColours } from '../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../electron/backend/sync/sync-directory.ts';
import type { KeyAreaProposal } from '../../shared/domain/rules/key-area-change.ts';
import { parseDay } from '../../shared/domain/local-date.ts';
import { BENCH_DIR, fmt } from './bench-util.ts';

export interface WhatIfRun {
  change: string;
  examined: number;
  changedToday: number;
  changedInPeriod: number;
  newSuspicions: number;
  spared: number;
  ms: number;
}

export interface WhatIfBench {
  city: number;
  file: string;
  openMs: number;
  runs: WhatIfRun[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runWhatIfBench(city: number, log: (line: string) => void): Promise<WhatIfBench> {
  let file = join(BENCH_DIR, `work-${city}.db`);
  if (!existsSync(file)) {
    file = join(BENCH_DIR, `whatif-${city}.db`);
    if (!existsSync(file)) {
      log(`whatif: building a demo city of ${fmt(city)} people × 14 days`);
      const demo = await writeDemoCity({ out: join(BENCH_DIR, `whatif-city-${city}`), people: city, days: 14, seed: 1 });
      const db = openDatabase(file);
      await syncDirectory(db, { source: demo.dir });
      await recomputeColours(db);
      db.close();
    }
  }
  const opened = performance.now();
  // Opening runs migration 16 on a database made before it (its index on travel origins).
  const db = openDatabase(file);
  const openMs = performance.now() - opened;
  try {
    const now = databaseClock(db)();
    const today = defaultAsOfDay(db, () => now);
    const first = db.prepare('SELECT min(day) FROM declarations').pluck().get() as number;
    const hubei = listedKeyAreas(db).find((a) => a.regionCode === '42');
    const changes: [string, KeyAreaProposal][] = [
      ['add 32 (Jiangsu)', { regionCode: '32', name: '江苏省', effectiveFrom: first + 2, effectiveTo: null, previousFrom: null }],
    ];
    if (hubei) {
      changes.push(['end 42 (Hubei)', { ...hubei, effectiveTo: first + 3, previousFrom: hubei.effectiveFrom }]);
      changes.push(['backdate 42', { ...hubei, effectiveFrom: parseDay('2020-01-01')!, previousFrom: hubei.effectiveFrom }]);
    }
    const runs: WhatIfRun[] = [];
    for (const [change, p] of changes) {
      const times: number[] = [];
      let last = null;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        last = await keyAreaWhatIf(db, p, { now, today });
        times.push(performance.now() - started);
      }
      const t = last!.total;
      const run = {
        change,
        examined: last!.examined,
        changedToday: t.changedToday,
        changedInPeriod: t.changedInPeriod,
        newSuspicions: t.newSuspicions,
        spared: t.spared,
        ms: median(times),
      };
      runs.push(run);
      log(
        `whatif ${change}: ${fmt(run.examined)} people examined, ${fmt(run.changedToday)} change colour today, ` +
          `${fmt(run.changedInPeriod)} on some day, ${run.newSuspicions} new suspicions (${run.spared} spared); ${fmt(run.ms)} ms`,
      );
    }
    log(`whatif: city ${fmt(city)} (${file}); opening (migration 16) ${fmt(openMs)} ms`);
    return { city, file, openMs, runs };
  } finally {
    db.close();
  }
}
