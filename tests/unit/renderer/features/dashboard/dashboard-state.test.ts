import { describe, expect, it } from 'vitest';
import type { DashboardSummary, TrendPoint } from '../../../../../shared/contract/api.ts';
import { ROLE_PERMISSIONS, type Role } from '../../../../../shared/domain/roles.ts';
import { asOfRange, beforeData, earlierDay, firstDataDay } from '../../../../../renderer/src/features/dashboard/date-range.ts';
import { emptyDashboard, mayOfferDemo } from '../../../../../renderer/src/features/dashboard/empty-state.ts';
import { en, zh } from '../../../../../renderer/src/i18n/messages.ts';

const session = (role: Role, county: string | null = null) => ({
  user: { name: 'x', role, county },
  permissions: [...ROLE_PERMISSIONS[role]],
});

describe('the empty dashboard', () => {
  it('offers an administrator the demo city when no resident is known, and never tells them to sync', () => {
    expect(mayOfferDemo(session('admin'))).toBe(true);
    expect(emptyDashboard(session('admin'), 0)).toEqual({ text: 'dashboard.noData.demo', offerDemo: true });
    // Residents but nothing dated: no demo city on top of real people.
    expect(emptyDashboard(session('admin'), 12)).toEqual({ text: 'dashboard.noData.wait', offerDemo: false });
    // Not known yet (still asking, or the question failed): no offer.
    expect(emptyDashboard(session('admin'), null).offerDemo).toBe(false);
    for (const key of ['dashboard.noData.demo', 'dashboard.noData.wait'] as const) {
      expect(zh[key]).not.toMatch(/请先在“数据同步”中同步/);
      expect(en[key]).not.toMatch(/^No data yet: sync/);
    }
  });

  it('sends to the Data screen only those who may sync or import there', () => {
    expect(emptyDashboard(session('officer'), 0)).toEqual({ text: 'dashboard.noData', offerDemo: false });
    expect(emptyDashboard(session('credit'), null)).toEqual({ text: 'dashboard.noData', offerDemo: false });
    expect(emptyDashboard(session('writer'), null)).toEqual({ text: 'dashboard.noData.wait', offerDemo: false });
    // A county's officer: the console refuses them syncs and imports.
    expect(emptyDashboard(session('officer', '371623'), null)).toEqual({ text: 'dashboard.noData.wait', offerDemo: false });
    expect(mayOfferDemo(session('admin', '371623'))).toBe(false);
  });
});

const point = (day: string, total: number): TrendPoint => ({
  day,
  total,
  red: 0,
  yellow: 0,
  green: total,
  noCode: 5,
  turnedRed: 0,
  turnedYellow: 0,
  turnedGreen: 0,
  newCodes: 0,
});
const summary = (asOf: string, latest: string | null, total: number): DashboardSummary =>
  ({
    asOf,
    latestDataDay: latest,
    county: null,
    kpis: {
      red: 0,
      yellow: 0,
      green: total,
      total,
      noCode: 40,
      coverage: 0,
      change: { total: 0, red: 0, yellow: 0, green: 0, noCode: 0 },
      openCases: 0,
    },
    counties: [],
    cityTotal: null,
    mapBands: [0.5, 1, 2, 5],
    sync: null,
    trend: [],
    forecast: { asOf, days: [], held: 0, redYellow: 0 },
    transitions: [],
    freshness: [],
  }) as DashboardSummary;

describe('the as-of date picker', () => {
  it('finds the first day of the data when the trend reaches back before it', () => {
    expect(firstDataDay([point('2020-02-08', 0), point('2020-02-09', 0), point('2020-02-10', 300), point('2020-02-11', 320)])).toBe(
      '2020-02-10',
    );
    // The trend starts inside the data: its first day is unknown.
    expect(firstDataDay([point('2020-02-10', 300), point('2020-02-11', 320)])).toBeNull();
    expect(firstDataDay([point('2020-02-10', 0)])).toBeNull();
    expect(earlierDay('2020-02-12', '2020-02-10')).toBe('2020-02-10');
    expect(earlierDay(null, '2020-02-10')).toBe('2020-02-10');
    expect(earlierDay('2020-02-10', null)).toBe('2020-02-10');
  });

  it('runs from the first data day (when known) to the latest', () => {
    expect(asOfRange(summary('2020-02-17', '2020-02-17', 10), '2020-02-10')).toEqual({ min: '2020-02-10', max: '2020-02-17' });
    expect(asOfRange(summary('2020-02-17', '2020-02-17', 10), null)).toEqual({ max: '2020-02-17' });
    expect(asOfRange(summary('2020-02-17', null, 0), null)).toEqual({});
    expect(asOfRange(null, null)).toEqual({});
  });

  it('says there is no data for a day before the data starts (people known without a code do not count)', () => {
    expect(beforeData(summary('2020-01-15', '2020-02-17', 0))).toBe(true);
    expect(beforeData(summary('2020-02-17', '2020-02-17', 0))).toBe(false);
    expect(beforeData(summary('2020-02-12', '2020-02-17', 10))).toBe(false);
    expect(beforeData(summary('2020-02-12', null, 0))).toBe(false);
  });
});
