/**
 * The evidence summaries in both languages from the same clauses: the Chinese is what the detectors
 * always wrote (the detectors' tests pin it on real records), the English says the same.
 */
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { type SummaryClause, duration, regionLabel, summaryText } from '../../../../shared/words/evidence-words.ts';

const at = (s: string) => Date.parse(`${s}+08:00`);
const day = (s: string) => parseDay(s)!;
const A = { id: 'S1', name: '万达广场' };
const B = { id: 'S9', name: null };

describe('evidence summaries', () => {
  it('a declaration and what contradicted it, in both languages', () => {
    const clauses: SummaryClause[] = [
      { kind: 'declaration', at: at('2020-02-16T21:04:00') },
      {
        kind: 'denied',
        condition: 'key_area_visit',
        lookbackDays: 14,
        finding: { source: 'travel_key_area', at: at('2020-02-12T08:30:00'), region: '420106', areaName: null },
        records: 3,
      },
      {
        kind: 'denied',
        condition: 'close_contact',
        lookbackDays: 14,
        finding: { source: 'health', at: at('2020-02-13T10:00:00'), status: 'close_contact' },
        records: 1,
      },
      {
        kind: 'denied',
        condition: 'fever',
        lookbackDays: 14,
        finding: { source: 'care', at: at('2020-02-15T19:00:00'), facility: '滨州市人民医院', kind: 'fever_clinic' },
        records: 1,
      },
    ];
    expect(summaryText(clauses, 'zh')).toBe(
      '2020-02-16 21:04的申报：申报称14天内未到过重点地区，但交通记录显示2020-02-12 08:30从重点地区湖北（420106）抵滨等3条记录；' +
        '申报称不是密切接触者，但卫健部门2020-02-13 10:00登记其为密切接触者，申报时尚未解除；' +
        '申报称无发热，但医保记录显示2020-02-15 19:00在滨州市人民医院到发热门诊就诊',
    );
    expect(summaryText(clauses, 'en')).toBe(
      'Declaration of 2020-02-16 21:04: declared no visit to a key area within 14 days, but travel records show them arriving in Binzhou ' +
        'from the key area Hubei (420106) at 2020-02-12 08:30 (3 records in all); ' +
        'declared not to be a close contact, but the health commission registered them as a close contact at 2020-02-13 10:00, ' +
        'not cleared when they declared; ' +
        'declared no fever, but medical insurance records show a fever-clinic visit at 滨州市人民医院 at 2020-02-15 19:00',
    );
  });

  it('roaming outside the province over days, and a named key area', () => {
    const clauses: SummaryClause[] = [
      {
        kind: 'denied',
        condition: 'returned_from_outside_province',
        lookbackDays: 14,
        finding: { source: 'roaming_outside', from: day('2020-02-10'), to: day('2020-02-12'), region: '4209' },
        records: 1,
      },
      {
        kind: 'denied',
        condition: 'key_area_visit',
        lookbackDays: 14,
        finding: { source: 'roaming_key_area', day: day('2020-02-10'), region: '4209', areaName: '湖北省孝感市' },
        records: 1,
      },
    ];
    expect(summaryText(clauses, 'zh')).toBe(
      '申报称14天内未从省外返滨，但手机漫游显示2020-02-10至2020-02-12在湖北（4209）；申报称14天内未到过重点地区，但手机漫游显示2020-02-10在重点地区湖北省孝感市（4209）',
    );
    expect(summaryText(clauses, 'en')).toBe(
      'declared no return from outside the province within 14 days, but mobile roaming shows them in Hubei (4209) from 2020-02-10 to 2020-02-12; ' +
        'declared no visit to a key area within 14 days, but mobile roaming shows them in the key area 湖北省孝感市 (4209) on 2020-02-10',
    );
  });

  it('impossible moves: a speed, the same instant, and the gap rule after a speed', () => {
    const t = at('2020-02-11T17:48:00');
    const speed: SummaryClause = { kind: 'speed', at: t, from: A, to: B, km: 70.04, gapMs: 1_022_000, kmh: 246.7, maxKmh: 150 };
    const gap: SummaryClause = { kind: 'gap', at: t, from: A, to: B, gapMs: 1_022_000, minGapMinutes: 2, afterSpeed: true };
    expect(summaryText([speed, gap], 'zh')).toBe(
      '2020-02-11 17:48在万达广场扫码，17分2秒后在相距70.0公里的场所S9扫码，需时速247公里，超过150公里/小时；两次扫码间隔不超过2分钟',
    );
    expect(summaryText([speed, gap], 'en')).toBe(
      'Scan at 万达广场 at 2020-02-11 17:48, then 17 min 2 s later at site S9, 70.0 km away: 247 km/h needed, above 150 km/h; ' +
        'the two scans at most 2 minutes apart',
    );
    const same: SummaryClause = { ...speed, gapMs: 0, kmh: null };
    expect(summaryText([same], 'zh')).toBe('2020-02-11 17:48同时在相距70.0公里的万达广场和场所S9扫码');
    expect(summaryText([same], 'en')).toBe('At 2020-02-11 17:48 scans at 万达广场 and site S9, 70.0 km apart, at the same time');
    const alone: SummaryClause = { ...gap, gapMs: 60_000, afterSpeed: false };
    expect(summaryText([alone], 'en')).toBe(
      'Scan at 万达广场 at 2020-02-11 17:48, then 1 min later at another site, site S9: at most 2 minutes apart',
    );
  });

  it('durations and regions in each language', () => {
    expect([45_000, 301_000, 120_000, 8_160_000, 7_200_000].map((ms) => duration(ms))).toEqual([
      '45秒',
      '5分1秒',
      '2分钟',
      '2小时16分',
      '2小时',
    ]);
    expect([45_000, 301_000, 120_000, 8_160_000, 7_200_000].map((ms) => duration(ms, 'en'))).toEqual([
      '45 s',
      '5 min 1 s',
      '2 min',
      '2 h 16 min',
      '2 h',
    ]);
    expect([regionLabel('420106'), regionLabel('990000'), regionLabel('420106', 'en'), regionLabel('990000', 'en')]).toEqual([
      '湖北（420106）',
      '地区990000',
      'Hubei (420106)',
      'region 990000',
    ]);
  });
});
