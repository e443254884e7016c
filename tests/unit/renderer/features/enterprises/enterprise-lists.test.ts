import { describe, expect, test } from 'vitest';
import {
  complianceText,
  countyFigureList,
  exportFileName,
  exportParams,
  isoWeekOf,
  searchQuery,
  siteFigureList,
  weekDays,
  weeklyReportFileName,
} from '../../../../../renderer/src/features/enterprises/enterprise-lists.ts';

describe('ISO weeks (the weekly report)', () => {
  test('a day in the middle of the year', () => {
    // 2020-02-20 was a Thursday of week 8 (the notice's weeks).
    expect(isoWeekOf('2020-02-20')).toBe('2020-W08');
    expect(isoWeekOf('2020-02-17')).toBe('2020-W08'); // Monday
    expect(isoWeekOf('2020-02-23')).toBe('2020-W08'); // Sunday
    expect(isoWeekOf('2020-02-24')).toBe('2020-W09');
  });

  test('early January and late December belong to the week of their Thursday', () => {
    expect(isoWeekOf('2021-01-01')).toBe('2020-W53'); // a Friday: 2020 had 53 weeks
    expect(isoWeekOf('2021-01-04')).toBe('2021-W01');
    expect(isoWeekOf('2019-12-30')).toBe('2020-W01'); // a Monday of 2020's first week
    expect(isoWeekOf('2020-01-01')).toBe('2020-W01');
  });

  test('not a day: no week', () => {
    expect(isoWeekOf('')).toBeNull();
    expect(isoWeekOf('2020-02-30')).toBeNull();
  });

  test('the days of a week, and weeks that do not exist', () => {
    expect(weekDays('2020-W08')).toEqual({ from: '2020-02-17', to: '2020-02-23' });
    expect(weekDays('2020-W01')).toEqual({ from: '2019-12-30', to: '2020-01-05' });
    expect(weekDays('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(weekDays('2021-W53')).toBeNull(); // 2021 has 52 weeks
    expect(weekDays('2020-W00')).toBeNull();
    expect(weekDays('2020-8')).toBeNull();
  });

  test('every day of two years lies in the week it names', () => {
    for (let d = new Date(Date.UTC(2019, 11, 1)); d < new Date(Date.UTC(2021, 1, 1)); d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      const range = weekDays(isoWeekOf(day)!)!;
      expect(day >= range.from && day <= range.to, day).toBe(true);
    }
  });
});

describe('the list behind a figure', () => {
  test('staff figures open the staff of the county with that status', () => {
    expect(countyFigureList('staff', '371623', '2020-02-20')).toEqual({ list: 'staff', query: { asOf: '2020-02-20', county: '371623' } });
    expect(countyFigureList('noCode', '371623', '2020-02-20').query).toMatchObject({ status: 'no_code' });
    expect(countyFigureList('mayReturn', null, undefined)).toEqual({ list: 'staff', query: { county: null, status: 'green' } });
    expect(countyFigureList('homeQuarantine', null, undefined).query).toMatchObject({ status: 'yellow' });
    expect(countyFigureList('centralQuarantine', null, undefined).query).toMatchObject({ status: 'red' });
  });

  test('passes, denials and violations open the entry scans at enterprise sites', () => {
    expect(countyFigureList('passes', '371602', '2020-02-20')).toEqual({
      list: 'scans',
      query: { asOf: '2020-02-20', county: '371602', kind: 'enterprise', filter: 'pass' },
    });
    expect(countyFigureList('denials', null, undefined).query).toMatchObject({ filter: 'deny' });
    expect(countyFigureList('violations', null, undefined).query).toMatchObject({ filter: 'violation' });
  });

  test('site figures open the scans of their cell, site or total', () => {
    expect(siteFigureList('scans', { county: '371602', kind: 'checkpoint' }, '2020-02-20')).toEqual({
      asOf: '2020-02-20',
      county: '371602',
      kind: 'checkpoint',
      filter: 'all',
    });
    expect(siteFigureList('shownRed', { siteId: 'S1' }, undefined)).toEqual({ siteId: 'S1', filter: 'shown_red' });
    expect(siteFigureList('shownYellow', { county: null }, undefined)).toEqual({ county: null, filter: 'shown_yellow' });
    expect(siteFigureList('stale', {}, undefined).filter).toBe('stale');
    expect(siteFigureList('violations', {}, undefined).filter).toBe('violation');
    expect(siteFigureList('passes', {}, undefined).filter).toBe('pass');
    expect(siteFigureList('denials', {}, undefined).filter).toBe('deny');
  });
});

describe('exports and formatting', () => {
  test('an export takes the list shown without its paging', () => {
    expect(exportParams('staff', { asOf: '2020-02-20', creditCode: 'X', status: 'red', offset: 50, limit: 50, county: undefined })).toEqual(
      {
        list: 'staff',
        asOf: '2020-02-20',
        creditCode: 'X',
        status: 'red',
      },
    );
    expect(exportParams('enterprises', { county: null, sort: 'violations' })).toEqual({
      list: 'enterprises',
      county: null,
      sort: 'violations',
    });
  });

  test('file names carry the list and the day, the report its week', () => {
    expect(exportFileName('员工', '2020-02-20')).toBe('企业复工_员工_2020-02-20.xlsx');
    expect(exportFileName('员工', undefined)).toBe('企业复工_员工.xlsx');
    expect(weeklyReportFileName('2020-W08')).toBe('复工复产企业管理员周报_2020-W08.xlsx');
  });

  test('compliance is a share, or a dash when no one has a code', () => {
    const pct = (r: number) => `${Math.round(r * 100)}%`;
    expect(complianceText(0.5, pct)).toBe('50%');
    expect(complianceText(0, pct)).toBe('0%');
    expect(complianceText(null, pct)).toBe('—');
  });

  test('the search box: trimmed, empty as none', () => {
    expect(searchQuery('  滨州 ')).toBe('滨州');
    expect(searchQuery('   ')).toBeUndefined();
  });
});
