/**
 * The briefing at city scale: the daily workbook of the last synced day of the colours section's
 * city (.bench/work-<N>.db, made by `--only colours`), three runs, in a child process each so peak
 * memory is the briefing's own.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, child, fmt } from './bench-util.ts';

interface Once {
  seconds: number;
  rows: number;
  sheets: number;
  fileMB: number;
  maxRssMB: number;
}

export interface BriefingBench {
  city: number;
  day: number;
  runs: Once[];
}

export function runBriefingBench(city: number, day: number, log: (line: string) => void): BriefingBench | null {
  const db = join(BENCH_DIR, `work-${city}.db`);
  if (!existsSync(db)) {
    log(`briefing: ${db} is missing; run \`npm run bench -- --only colours --city ${city}\` first`);
    return null;
  }
  const out = join(BENCH_DIR, 'briefing.xlsx');
  const runs: Once[] = [];
  for (let i = 0; i < 3; i++) {
    runs.push(child<Once>('briefing-once.ts', [db, String(day), out]));
    rmSync(out, { force: true });
  }
  return { city, day, runs };
}

export function printBriefingBench(r: BriefingBench | null, log: (line: string) => void): void {
  if (!r) return;
  const times = r.runs.map((x) => x.seconds).sort((a, b) => a - b);
  const rss = Math.max(...r.runs.map((x) => x.maxRssMB));
  const one = r.runs[0]!;
  log(`\n## Briefing (demo city ${fmt(r.city)} people)`);
  log(
    `daily workbook, 7 sheets, ${fmt(one.rows)} listed rows, ${fmt(one.fileMB, 2)} MB: median ${fmt(times[1]!, 2)} s, max ${fmt(times[2]!, 2)} s ` +
      `(target < 5 s), peak RSS ${fmt(rss)} MB (target < 500 MB)`,
  );
}
