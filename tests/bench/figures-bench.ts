/**
 * The lists behind figures on the colours section's city (.bench/work-<N>.db; issue 16): the first
 * page (50 people, with identities, masked, and the figure's count) of each kind of figure, city-wide
 * and for one county, in the default order and the others; and an export of 100,000 people to Excel.
 * Each first page is timed as the median of five runs, the handler's own work (no HTTP).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, FigureSort } from '../../shared/contract/figures.ts';
import { defaultAsOfDay } from '../../electron/backend/clock/database-clock.ts';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { writeListWorkbook } from '../../electron/backend/files/list-workbook.ts';
import { figureCount } from '../../electron/backend/figures/figure-count.ts';
import type { FigureSpec } from '../../electron/backend/figures/figure-match.ts';
import { figurePage, firstMatches } from '../../electron/backend/figures/figure-people.ts';
import { FIGURE_COLUMNS, figureCells, figurePerson, identities } from '../../electron/backend/figures/figure-rows.ts';
import { BENCH_DIR, fmt } from './bench-util.ts';

export interface FigurePageRun {
  figure: string;
  county: string;
  sort: FigureSort;
  total: number;
  ms: number;
}

export interface FiguresBench {
  city: number;
  indexMs: number;
  pages: FigurePageRun[];
  export: { rows: number; seconds: number; fileMB: number; maxRssMB: number };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runFiguresBench(city: number, log: (line: string) => void): Promise<FiguresBench | null> {
  const file = join(BENCH_DIR, `work-${city}.db`);
  if (!existsSync(file)) {
    log(`figures: no ${file} (run --only colours first)`);
    return null;
  }
  const opened = performance.now();
  // Opening runs migration 14 on a database made before it (its index on code_changes).
  const db = openDatabase(file);
  const indexMs = performance.now() - opened;
  try {
    const day = defaultAsOfDay(db);
    const who = identities(db);
    const page = (spec: FigureSpec, sort: FigureSort) => {
      figureCount(db, spec);
      return figurePage(db, spec, sort, 0, 50).map((m) => figurePerson(m, who, 'ref'));
    };
    const pages: FigurePageRun[] = [];
    const kinds: [Figure, FigureSort[]][] = [
      ['red', ['since_desc', 'since_asc', 'id']],
      ['yellow', ['since_desc']],
      ['green', ['id', 'since_desc', 'since_asc']],
      ['holders', ['id', 'since_desc']],
      ['noCode', ['id']],
      ['turnedRed', ['since_desc']],
      ['turnedYellow', ['since_desc']],
      ['newCodes', ['since_desc']],
    ];
    for (const county of [null, '371623']) {
      for (const [figure, sorts] of kinds) {
        for (const sort of sorts) {
          const spec: FigureSpec = { figure, from: null, to: null, day, county };
          const ms: number[] = [];
          for (let i = 0; i < (sort === 'since_desc' || sort === 'id' ? 5 : 1); i++) {
            const t = performance.now();
            page(spec, sort);
            ms.push(performance.now() - t);
          }
          const run = { figure, county: county ?? 'city', sort, total: figureCount(db, spec), ms: median(ms) };
          pages.push(run);
          log(`  ${figure} ${run.county} ${sort}: ${fmt(run.total)} people, first page ${fmt(run.ms, 1)} ms`);
        }
      }
    }
    // The export: the first 100,000 green holders of the city, masked, as the handler writes them.
    const out = join(BENCH_DIR, 'figure-export.xlsx');
    const spec: FigureSpec = { figure: 'green', from: null, to: null, day, county: null };
    const t = performance.now();
    const matches = firstMatches(db, spec, 'id', 100_000);
    let i = 0;
    const rows = await writeListWorkbook(
      out,
      { name: '绿码人员', title: '绿码人员', subtitle: ['bench'], columns: FIGURE_COLUMNS },
      (function* () {
        for (const m of matches) yield figureCells(++i, m, who, false);
      })(),
      'bench',
    );
    const seconds = (performance.now() - t) / 1000;
    const result = { rows, seconds, fileMB: statSync(out).size / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024 };
    log(`  export: ${fmt(rows)} people in ${fmt(seconds, 1)} s, ${fmt(result.fileMB, 1)} MB, peak RSS ${fmt(result.maxRssMB)} MB`);
    return { city, indexMs, pages, export: result };
  } finally {
    db.close();
  }
}
