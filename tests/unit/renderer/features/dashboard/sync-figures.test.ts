/** Which figures the dashboard shows while a job writes: never a page of half-written zeros. */
import { describe, expect, test } from 'vitest';
import type { DashboardSummary, SyncInProgress } from '../../../../../shared/contract/dashboard.ts';
import { figuresToShow } from '../../../../../renderer/src/features/dashboard/sync-figures.ts';

function summary(total: number, sync: Partial<SyncInProgress> | null): DashboardSummary {
  return {
    asOf: '2020-02-17',
    latestDataDay: '2020-02-17',
    county: null,
    kpis: {
      red: 0,
      yellow: 0,
      green: total,
      total,
      noCode: 0,
      coverage: 1,
      change: { total: 0, red: 0, yellow: 0, green: 0, noCode: 0 },
      openCases: 0,
    },
    counties: [],
    cityTotal: null,
    trend: [],
    forecast: { asOf: '2020-02-17', days: [], held: 0, redYellow: 0 },
    transitions: [],
    freshness: [],
    mapBands: [0.5, 1, 2, 5],
    sync: sync === null ? null : { kind: 'sync', startedAt: 1, fraction: 0.4, phase: 'reading', figures: true, ...sync },
  };
}

const Q = '[null,null]';

describe('figuresToShow', () => {
  test('no job: the answer as it is', () => {
    const a = summary(100, null);
    expect(figuresToShow(a, Q, null)).toBe(a);
    expect(figuresToShow(null, Q, null)).toBeNull();
  });

  test('mid-job: the last complete figures of the same question, not the answer', () => {
    const complete = summary(100, null);
    const zeros = summary(0, { figures: false });
    expect(figuresToShow(zeros, Q, { question: Q, summary: complete })).toBe(complete);
    expect(figuresToShow(summary(60, { phase: 'colours' }), Q, { question: Q, summary: complete })).toBe(complete);
  });

  test('mid-job without complete figures of this question: an answer the job has not touched yet, else none', () => {
    const other = { question: '["2020-02-10",null]', summary: summary(100, null) };
    const untouched = summary(100, { phase: 'reading', figures: true });
    expect(figuresToShow(untouched, Q, other)).toBe(untouched);
    // A first sync: no evaluated figures at all, only zeros.
    expect(figuresToShow(summary(0, { phase: 'reading', figures: false }), Q, other)).toBeNull();
    // The colours being written: half old, half new.
    expect(figuresToShow(summary(60, { phase: 'colours', figures: true }), Q, null)).toBeNull();
  });
});
