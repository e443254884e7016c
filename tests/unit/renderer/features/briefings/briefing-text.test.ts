import { describe, expect, it } from 'vitest';
import {
  BRIEFING_SHEETS,
  TREND_MAX_DAYS,
  briefingFileName,
  changeView,
  daysInRange,
  defaultTrendFrom,
  previewParams,
  sheetList,
  shiftDay,
  validateBriefing,
} from '../../../../../renderer/src/features/briefings/briefing-text.ts';
import { briefingsMessages } from '../../../../../renderer/src/features/briefings/messages.ts';
import { tEn, tZh } from '../../../../support/translator.ts';

const fmt = (n: number) => n.toLocaleString('zh-CN');

describe('dates', () => {
  it('moves a date by days, across months and leap days', () => {
    expect(shiftDay('2020-03-01', -1)).toBe('2020-02-29');
    expect(shiftDay('2021-03-01', -1)).toBe('2021-02-28');
    expect(shiftDay('2019-12-31', 1)).toBe('2020-01-01');
    expect(shiftDay('2020-02-30', 0)).toBeNull();
    expect(shiftDay('2020/2/3', 0)).toBeNull();
    expect(shiftDay('', 0)).toBeNull();
  });

  it('the default trend starts 13 days before the briefing date (14 days)', () => {
    expect(defaultTrendFrom('2020-02-17')).toBe('2020-02-04');
    expect(defaultTrendFrom('2020-03-05')).toBe('2020-02-21');
    expect(daysInRange(defaultTrendFrom('2020-02-17')!, '2020-02-17')).toBe(14);
    expect(defaultTrendFrom('nonsense')).toBeNull();
  });

  it('counts the days of a range with both ends', () => {
    expect(daysInRange('2020-02-17', '2020-02-17')).toBe(1);
    expect(daysInRange('2020-02-10', '2020-02-17')).toBe(8);
    expect(daysInRange('2020-02-18', '2020-02-17')).toBe(0);
    expect(daysInRange('', '2020-02-17')).toBe(0);
  });

  it('names the file after the briefing date', () => {
    expect(briefingFileName('2020-02-17')).toBe('滨州健康码每日简报_2020-02-17.xlsx');
    expect(briefingFileName('2020-02-17', '371681')).toBe('滨州健康码每日简报_邹平市_2020-02-17.xlsx');
  });
});

describe('validation', () => {
  const latest = '2020-02-17';

  it('accepts the latest date with the default trend', () => {
    expect(validateBriefing({ day: latest, trendFrom: '', latest })).toEqual({ ok: true, value: { day: latest, trendFrom: '2020-02-04' } });
  });

  it('accepts an earlier date and a chosen trend start, the same day included', () => {
    expect(validateBriefing({ day: '2020-02-12', trendFrom: '2020-02-01', latest })).toEqual({
      ok: true,
      value: { day: '2020-02-12', trendFrom: '2020-02-01' },
    });
    expect(validateBriefing({ day: '2020-02-12', trendFrom: '2020-02-12', latest })).toEqual({
      ok: true,
      value: { day: '2020-02-12', trendFrom: '2020-02-12' },
    });
  });

  it('asks for a briefing date', () => {
    const r = validateBriefing({ day: '', trendFrom: '', latest });
    expect(r).toEqual({ ok: false, errors: { day: { key: 'briefings.error.dayRequired' } } });
  });

  it('refuses an impossible date', () => {
    const r = validateBriefing({ day: '2020-02-30', trendFrom: '', latest });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.day?.key).toBe('briefings.error.dayInvalid');
  });

  it('refuses a date after the latest data, naming it', () => {
    const r = validateBriefing({ day: '2020-02-18', trendFrom: '', latest });
    expect(r).toEqual({ ok: false, errors: { day: { key: 'briefings.error.dayAfterLatest', params: { latest } } } });
    if (!r.ok && r.errors.day) {
      expect(tZh(r.errors.day.key, r.errors.day.params)).toBe('简报日期不能晚于数据最新日期 2020-02-17：请选择 2020-02-17 或更早的日期。');
      expect(tEn(r.errors.day.key, r.errors.day.params)).toContain('2020-02-17');
    }
  });

  it('does not limit the date while the latest is unknown', () => {
    expect(validateBriefing({ day: '2020-02-18', trendFrom: '', latest: null }).ok).toBe(true);
  });

  it('refuses a trend that starts after the briefing date, with a clear message', () => {
    const r = validateBriefing({ day: '2020-02-12', trendFrom: '2020-02-13', latest });
    expect(r).toEqual({ ok: false, errors: { trendFrom: { key: 'briefings.error.trendAfterDay', params: { day: '2020-02-12' } } } });
    if (!r.ok && r.errors.trendFrom) {
      expect(tZh(r.errors.trendFrom.key, r.errors.trendFrom.params)).toBe(
        '趋势起始日期不能晚于简报日期 2020-02-12：请选择 2020-02-12 或更早的日期。',
      );
      expect(tEn(r.errors.trendFrom.key, r.errors.trendFrom.params)).toBe(
        'The trend cannot start after the briefing date (2020-02-12): pick 2020-02-12 or an earlier date.',
      );
    }
  });

  it('refuses a trend longer than the limit, naming the earliest start', () => {
    const day = '2020-12-31';
    const earliest = shiftDay(day, -(TREND_MAX_DAYS - 1))!;
    expect(validateBriefing({ day, trendFrom: earliest, latest: null }).ok).toBe(true);
    const r = validateBriefing({ day, trendFrom: shiftDay(earliest, -1)!, latest: null });
    expect(r).toEqual({
      ok: false,
      errors: { trendFrom: { key: 'briefings.error.trendTooLong', params: { max: TREND_MAX_DAYS, earliest } } },
    });
  });

  it('refuses a malformed trend start, and reports both fields at once', () => {
    const r = validateBriefing({ day: '', trendFrom: '2020-13-01', latest });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.day?.key).toBe('briefings.error.dayRequired');
      expect(r.errors.trendFrom?.key).toBe('briefings.error.trendInvalid');
    }
  });

  it('trims the fields', () => {
    expect(validateBriefing({ day: ' 2020-02-17 ', trendFrom: ' 2020-02-10', latest })).toEqual({
      ok: true,
      value: { day: '2020-02-17', trendFrom: '2020-02-10' },
    });
  });
});

describe('the preview’s parameters', () => {
  it('asks for the server’s default until a date is picked', () => {
    expect(previewParams(null, null)).toEqual({});
    expect(previewParams(null, '2020-02-17')).toEqual({});
  });

  it('asks for a picked date, not for one it cannot answer', () => {
    expect(previewParams('2020-02-12', '2020-02-17')).toEqual({ day: '2020-02-12' });
    expect(previewParams('2020-02-17', '2020-02-17')).toEqual({ day: '2020-02-17' });
    expect(previewParams('2020-02-18', '2020-02-17')).toBeNull();
    expect(previewParams('', '2020-02-17')).toBeNull();
    expect(previewParams('2020-02-31', null)).toBeNull();
  });
});

describe('changes against the day before', () => {
  it('reads like the dashboard: arrow, sign, a real minus, thousands', () => {
    expect(changeView(12, true, fmt)).toEqual({ text: '▲ +12', tone: 'worse' });
    expect(changeView(-3, true, fmt)).toEqual({ text: '▼ −3', tone: 'better' });
    expect(changeView(1234, false, fmt)).toEqual({ text: '▲ +1,234', tone: 'better' });
    expect(changeView(-50, false, fmt)).toEqual({ text: '▼ −50', tone: 'worse' });
  });

  it('no change is flat, and says so without a number', () => {
    expect(changeView(0, true, fmt)).toEqual({ text: null, tone: 'flat' });
    expect(changeView(Number.NaN, true, fmt)).toEqual({ text: null, tone: 'flat' });
    expect(tZh('briefings.kpi.change', { change: '▲ +12' })).toBe('较前一日 ▲ +12');
  });
});

describe('messages', () => {
  it('the sheets as BRIEFING.md lists them', () => {
    expect(BRIEFING_SHEETS).toEqual(['概况', '分县统计', '趋势', '转码明细', '执法通报', '企业复工', '数据质量']);
    expect(sheetList('zh')).toBe('概况、分县统计、趋势、转码明细、执法通报、企业复工、数据质量');
    expect(sheetList('en')).toBe('概况, 分县统计, 趋势, 转码明细, 执法通报, 企业复工, 数据质量');
  });

  it('every message in both languages, no empty one, the same placeholders', () => {
    const zh = briefingsMessages.zh as Record<string, string>;
    const en = briefingsMessages.en as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh)) {
      expect(key.startsWith('briefings.')).toBe(true);
      expect(zh[key]!.trim(), key).not.toBe('');
      expect(en[key]!.trim(), key).not.toBe('');
      expect(holes(en[key]!), key).toEqual(holes(zh[key]!));
    }
  });

  it('the export button says what it makes', () => {
    expect(tZh('briefings.export')).toBe('导出简报（Excel）');
    expect(tZh('nav.briefings')).toBe('简报导出');
  });
});
