import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../../shared/contract/people.ts';
import { clockTime, consecutiveRuns, groupTimeline, runDays, shortDay } from '../../../../../renderer/src/features/people/timeline.ts';

const normal = (day: string): TimelineEvent => ({ day, at: null, kind: 'checkin', detail: { abnormal: false } });
const abnormal = (day: string, at: number): TimelineEvent => ({
  day,
  at,
  kind: 'checkin',
  detail: { abnormal: true, temperature: 37.8, symptoms: false },
});
const scan = (day: string, at: number): TimelineEvent => ({
  day,
  at,
  kind: 'scan',
  detail: { site: '卡口', siteKind: 'checkpoint', shown: 'green', action: 'pass' },
});
const days = (from: number, to: number, month = '02') =>
  Array.from({ length: to - from + 1 }, (_, i) => `2020-${month}-${String(to - i).padStart(2, '0')}`);

describe('groupTimeline', () => {
  it('folds 14 normal days into one line (RULES example 2)', () => {
    const events: TimelineEvent[] = [
      ...days(2, 15).map(normal),
      { day: '2020-02-01', at: 1, kind: 'declaration', detail: { county: '371602', conditions: 'keyAreaVisit' } },
    ];
    const items = groupTimeline(events);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({ type: 'checkin-run', from: '2020-02-02', to: '2020-02-15', days: 14 });
    expect(items[1]).toMatchObject({ type: 'event', event: { kind: 'declaration' } });
  });

  it('a missed day splits the run (RULES example 3)', () => {
    const events = days(2, 15)
      .filter((d) => d !== '2020-02-10')
      .map(normal);
    const runs = groupTimeline(events);
    expect(runs).toEqual([
      { type: 'checkin-run', from: '2020-02-11', to: '2020-02-15', days: 5 },
      { type: 'checkin-run', from: '2020-02-02', to: '2020-02-09', days: 8 },
    ]);
  });

  it('keeps abnormal check-ins single (they break the run) and other records in their place', () => {
    const events: TimelineEvent[] = [
      normal('2020-02-20'),
      normal('2020-02-19'),
      scan('2020-02-18', 3),
      abnormal('2020-02-18', 2),
      normal('2020-02-17'),
      normal('2020-02-16'),
    ];
    const items = groupTimeline(events);
    expect(items.map((i) => (i.type === 'event' ? i.event.kind + (i.event.detail.abnormal ? '!' : '') : `run ${i.from}…${i.to}`))).toEqual([
      'run 2020-02-19…2020-02-20',
      'scan',
      'checkin!',
      'run 2020-02-16…2020-02-17',
    ]);
  });

  it('a scan inside a run of normal days does not split it; the run stands at its newest day', () => {
    const events: TimelineEvent[] = [normal('2020-02-12'), scan('2020-02-11', 5), normal('2020-02-11'), normal('2020-02-10')];
    const items = groupTimeline(events);
    expect(items[0]).toEqual({ type: 'checkin-run', from: '2020-02-10', to: '2020-02-12', days: 3 });
    expect(items[1]).toMatchObject({ type: 'event', event: { kind: 'scan' } });
    expect(items).toHaveLength(2);
  });

  it('an empty timeline stays empty', () => {
    expect(groupTimeline([])).toEqual([]);
  });
});

describe('runs and dates', () => {
  it('finds runs across a month end, ignoring repeats', () => {
    expect(consecutiveRuns(['2020-03-01', '2020-02-29', '2020-02-28', '2020-02-28', '2020-02-26'])).toEqual([
      { from: '2020-02-28', to: '2020-03-01', days: 3 },
      { from: '2020-02-26', to: '2020-02-26', days: 1 },
    ]);
  });

  it('shortens days to MM-DD unless a run crosses a year', () => {
    expect(shortDay('2020-02-15')).toBe('02-15');
    expect(runDays('2020-02-02', '2020-02-15')).toEqual({ from: '02-02', to: '02-15' });
    expect(runDays('2019-12-30', '2020-01-02')).toEqual({ from: '2019-12-30', to: '2020-01-02' });
  });

  it('shows times on the Beijing clock', () => {
    // 2020-02-20T08:30:00+08:00
    expect(clockTime(Date.UTC(2020, 1, 20, 0, 30))).toBe('08:30');
    expect(clockTime(Date.UTC(2020, 1, 19, 16, 5))).toBe('00:05');
  });
});
