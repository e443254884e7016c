/**
 * The green forecast (issue 17) against the colours actually computed later: a demo city synced to
 * day D, its forecast as of D, then 14 more days in which every code holder checks in normally and
 * nothing else arrives; after evaluating them, the people who turned green on each day, per county,
 * are exactly the forecast's, and those it said an ongoing condition holds are still red or yellow.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GreenForecast } from '../../../../shared/contract/forecast.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';
import { type Day, formatDay, parseDay } from '../../../../shared/domain/local-date.ts';
import { type Db, openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { dashboardSummary } from '../../../../electron/backend/dashboard/dashboard-summary.ts';
import { colourLetterOn } from '../../../../electron/backend/enterprises/colour-letter.ts';
import {
  ON_DEMAND_PEOPLE,
  dashboardForecast,
  forecastCounts,
  greenForecast,
} from '../../../../electron/backend/forecast/green-forecast.ts';
import { greenOutlooks, redYellowOn } from '../../../../electron/backend/forecast/green-outlook.ts';
import { evaluateAndDetect } from '../../../../electron/backend/pipelines/evaluate-and-detect.ts';
import { countyStats } from '../../../../electron/backend/rules/county-stats.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { briefingWorld, dataRows } from '../../../support/briefing-world.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const DIR = suiteTempDir();
const BRIEFING_DIR = suiteTempDir();
const D = parseDay('2020-02-19')!;

/** Day X's check-ins: one normal check-in for each of `people`, in the exchange's checkins folder. */
function writeNormalDay(cityDir: string, people: readonly string[], day: Day): void {
  const lines = ['person_id,checked_at,temperature,symptoms', ...people.map((id) => `${id},${formatDay(day)} 08:30:00,36.5,0`)];
  writeFileSync(join(cityDir, 'checkins', `checkins-${formatDay(day)}.csv`), '\uFEFF' + lines.join('\r\n') + '\r\n');
}

const timelines = (db: Db) => db.prepare('SELECT person_id, timeline FROM person_codes').raw().all() as [string, string][];

describe('the green forecast of day D against the colours of the days after it', () => {
  test('a city whose days stay normal turns green exactly as forecast, county by county and day by day', { timeout: 180_000 }, async () => {
    const city = await writeDemoCity({ out: join(DIR, 'city'), people: 3000, days: 10, seed: 5 });
    const db = openDatabase(join(DIR, 'c.db'));
    await syncDirectory(db, { source: city.dir });
    await evaluateAndDetect(db);

    // The forecast as of D, as kept after the evaluation and as worked out on demand: the same.
    const forecast = greenForecast(db, D, null);
    const kept = forecastCounts(db, D);
    db.prepare("DELETE FROM settings WHERE key = 'forecast.green'").run();
    expect(forecastCounts(db, D)).toEqual(kept);
    // It covers every red and yellow person of D, and says something worth checking.
    const stats = countyStats(db, D).find((r) => r.county_code === 'total')!;
    expect(forecast.redYellow).toBe(stats.red + stats.yellow);
    expect(forecast.held).toBeGreaterThan(0);
    expect(new Set(forecast.days.map((d) => d.n)).size).toBeGreaterThan(3);
    expect(forecast.days.map((d) => d.day)).toEqual(Array.from({ length: 14 }, (_, i) => formatDay(D + i + 1)));
    // The dashboard's band is the same forecast, for the city and for a county.
    expect(dashboardSummary(db, { asOf: D, county: null, trendDays: 1 }).forecast).toEqual({
      asOf: forecast.asOf,
      days: forecast.days,
      held: forecast.held,
      redYellow: forecast.redYellow,
    });
    const wudi = forecast.counties.find((c) => c.countyCode === '371623')!;
    expect(dashboardSummary(db, { asOf: D, county: '371623', trendDays: 1 }).forecast!.days).toEqual(wudi.days);
    // A day not kept: worked out on demand for a small city; a large one's dashboard does not wait for it.
    expect(dashboardForecast(db, D - 1, null, ON_DEMAND_PEOPLE + 1)).toBeNull();
    expect(dashboardForecast(db, D - 1, null, 10)!.days).toEqual(greenForecast(db, D - 1, null).days);
    expect(dashboardForecast(db, D - 1, null, ON_DEMAND_PEOPLE + 1)).not.toBeNull();
    const held = greenOutlooks(db, redYellowOn(db, D), D)
      .filter((o) => o.eligibleOn === null)
      .map((o) => o.personId);
    expect(held.length).toBe(forecast.held);

    // Fourteen normal days for every code holder, synced and evaluated like any other files.
    const holders = timelines(db)
      .filter(([, t]) => colourLetterOn(t, D) !== 'n')
      .map(([id]) => id);
    for (let x = D + 1; x <= D + 14; x++) writeNormalDay(city.dir, holders, x);
    await syncDirectory(db, { source: city.dir });
    await evaluateAndDetect(db);

    // Who actually turned green on each day, per county: from the per-day transition counts.
    const turnedGreen = db.prepare(
      "SELECT county_code, sum(n) AS n FROM transition_counts WHERE day = ? AND to_color = 'green' AND from_color IN ('red', 'yellow') GROUP BY county_code",
    );
    for (let i = 0; i < 14; i++) {
      const actual = new Map((turnedGreen.all(D + i + 1) as { county_code: string; n: number }[]).map((r) => [r.county_code, r.n]));
      for (const c of COUNTIES) {
        const expected = forecast.counties.find((f) => f.countyCode === c.code)!.days[i]!.n;
        expect(actual.get(c.code) ?? 0, `${c.code} on ${formatDay(D + i + 1)}`).toBe(expected);
      }
      expect([...actual.values()].reduce((a, n) => a + n, 0)).toBe(forecast.days[i]!.n);
    }
    // Nobody is left red or yellow but those held, and they still are on every day.
    const after = countyStats(db, D + 14).find((r) => r.county_code === 'total')!;
    expect(after.red + after.yellow).toBe(forecast.held);
    const byId = new Map(timelines(db));
    for (const id of held) for (let x = D + 1; x <= D + 14; x++) expect(['r', 'y']).toContain(colourLetterOn(byId.get(id)!, x));
    db.close();
  });
});

describe('hcc forecast, a forced red, and the briefing', async () => {
  const w = await briefingWorld(BRIEFING_DIR);

  test('the briefing’s 概况 carries the forecast of hcc forecast --json; a forced red in force is held; a county is its row', async () => {
    const f = await cliJson<GreenForecast>(['forecast', '--db', w.db, '--as-of', w.last]);
    expect(f.asOf).toBe(w.last);
    expect(f.redYellow).toBe(f.held + f.days.reduce((a, d) => a + d.n, 0));
    const week = f.days.slice(0, 7).reduce((a, d) => a + d.n, 0);
    const row = dataRows(w.wb.getWorksheet('概况')!).find((r) => r[0] === '预计明日可转绿')!;
    expect(row[1]).toBe(f.days[0]!.n);
    expect(String(row[3])).toContain(`预计明日可转绿 ${f.days[0]!.n} 人，7日内 ${week} 人（另有 ${f.held} 人因持续情形暂不能转绿）`);

    // The person decided against today is red by a forced red in force: held, with no date.
    const db = openDatabase(w.db, { readonly: true });
    const [outlook] = greenOutlooks(db, [{ personId: w.person, county: '' }], parseDay(w.last)!);
    db.close();
    expect(outlook!.eligibleOn).toBeNull();
    expect(f.held).toBeGreaterThan(0);

    const one = await cliJson<GreenForecast>(['forecast', '--db', w.db, '--as-of', w.last, '--county', '371623']);
    const row371623 = f.counties.find((c) => c.countyCode === '371623')!;
    expect([one.county, one.days, one.held, one.counties.length]).toEqual(['371623', row371623.days, row371623.held, 1]);
    const bad = await runCli(['forecast', '--db', w.db, '--county', '3716']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--county');
  });
});
