import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../../shared/contract/people.ts';
import { CASE_MOVES } from '../../../../../shared/domain/cases.ts';
import { type MessageKey, en, zh } from '../../../../../renderer/src/i18n/messages.ts';
import { colourChangeText, declarationCondition, eventText, reasonText } from '../../../../../renderer/src/features/people/people-text.ts';
import { regionName } from '../../../../../renderer/src/features/people/regions.ts';
import { tEn, tZh } from '../../../../support/translator.ts';

/** Every source and condition the rules give (shared/domain/rules/triggers.ts). */
const CONDITIONS: Record<string, string[]> = {
  declarations: [
    'confirmed',
    'suspected',
    'close_contact',
    'key_area_visit',
    'fever',
    'shortness_of_breath',
    'respiratory_symptoms',
    'febrile_contact',
    'returned_from_outside_province',
  ],
  checkins: ['temperature', 'symptoms'],
  health_records: ['confirmed', 'suspected', 'close_contact', 'cleared'],
  roaming: ['in_key_area', 'outside_province'],
  travel: ['from_key_area', 'from_outside_province'],
  medical: ['fever_clinic', 'fever_medicine'],
  enforcement: ['forced_red'],
};

describe('reasons in words', () => {
  it('declarations/key_area_visit reads 申报：14天内到过重点地区', () => {
    expect(reasonText(tZh, 'declarations', 'key_area_visit')).toBe('申报：14天内到过重点地区');
    expect(reasonText(tEn, 'declarations', 'key_area_visit')).toBe('Declaration: visited a key area in the last 14 days');
  });

  it('every source and condition of the rules has words in both languages (no machine word shows)', () => {
    for (const [source, conditions] of Object.entries(CONDITIONS)) {
      expect(Object.hasOwn(zh, `people.source.${source}`), source).toBe(true);
      for (const condition of conditions) {
        expect(Object.hasOwn(zh, `people.cond.${source}.${condition}`), `${source}/${condition}`).toBe(true);
        expect(reasonText(tZh, source, condition)).not.toMatch(/[a-z_]{3,}/);
        expect(reasonText(tEn, source, condition)).not.toContain('_');
      }
    }
  });

  it('an unknown condition still shows something readable', () => {
    expect(reasonText(tEn, 'declarations', 'new_thing')).toBe('Declaration: new thing');
  });
});

const ev = (kind: TimelineEvent['kind'], detail: TimelineEvent['detail']): TimelineEvent => ({ day: '2020-02-15', at: null, kind, detail });

describe('timeline records in words', () => {
  it('declarations list their conditions (field names mapped to the columns)', () => {
    expect(declarationCondition('keyAreaVisit')).toBe('key_area_visit');
    expect(declarationCondition('returnedFromOutsideProvince')).toBe('returned_from_outside_province');
    expect(eventText(tZh, 'zh', ev('declaration', { county: '371602', conditions: 'keyAreaVisit,fever' }))).toBe(
      '滨城区：14天内到过重点地区，发热',
    );
    expect(eventText(tEn, 'en', ev('declaration', { county: '371681', conditions: null }))).toBe('Zouping: nothing abnormal');
  });

  it('abnormal check-ins show temperature and symptoms', () => {
    expect(eventText(tZh, 'zh', ev('checkin', { abnormal: true, temperature: 37.5, symptoms: true }))).toBe('异常打卡：体温 37.5℃，有症状');
    expect(eventText(tEn, 'en', ev('checkin', { abnormal: true, temperature: 36.5, symptoms: true }))).toBe(
      'Abnormal check-in: temperature 36.5 °C, symptoms',
    );
  });

  it('health, roaming, travel, medical', () => {
    expect(eventText(tZh, 'zh', ev('health', { status: 'close_contact' }))).toBe('登记为密接');
    expect(eventText(tZh, 'zh', ev('roaming', { region: '420100', from: '2020-02-01', to: '2020-02-03' }))).toBe(
      '手机出现在 湖北省 420100（2020-02-01 至 2020-02-03）',
    );
    expect(eventText(tEn, 'en', ev('travel', { origin: '42' }))).toBe('Arrived from Hubei');
    expect(eventText(tZh, 'zh', ev('medical', { kind: 'fever_medicine' }))).toBe('购买退烧药品');
  });

  it('scans show the site, the colour shown and the action', () => {
    expect(eventText(tZh, 'zh', ev('scan', { site: '惠民县建设路卡口', siteKind: 'checkpoint', shown: 'green', action: 'pass' }))).toBe(
      '惠民县建设路卡口（卡口），出示绿码，放行',
    );
    expect(eventText(tEn, 'en', ev('scan', { site: 'S-1', siteKind: null, shown: 'red', action: 'deny' }))).toBe(
      'S-1, showed a red code, turned away',
    );
  });

  it('colour changes say from, to and why', () => {
    expect(eventText(tZh, 'zh', ev('colour', { from: 'green', to: 'red', reason: 'declarations:key_area_visit' }))).toBe(
      '绿码 → 红码（原因：申报：14天内到过重点地区）',
    );
    expect(colourChangeText(tZh, { from: 'none', to: 'green', reason: '' })).toBe('申领健康码');
    expect(colourChangeText(tZh, { from: 'yellow', to: 'green', reason: '' })).toBe('连续14天正常打卡');
    expect(colourChangeText(tEn, { from: 'red', to: 'none', reason: null })).toBe('enforcement decision revoked');
  });

  it('cases say when they were opened (with their state) and each move, with the behaviour', () => {
    expect(eventText(tZh, 'zh', ev('case', { event: 'opened', case: 12, behavior: 'impersonation', state: 'dismissed' }))).toBe(
      '立案（案件 12）：冒用他人（截至所选日期：不予处理）',
    );
    expect(eventText(tEn, 'en', ev('case', { event: 'opened', case: 12, behavior: 'screenshot', state: 'suspected' }))).toBe(
      'Case 12 opened: Screenshot of a code (as of the chosen day: Suspected)',
    );
    expect(eventText(tZh, 'zh', ev('case', { event: 'decide', case: 12, behavior: 'other', state: 'decided' }))).toBe(
      '案件 12：作出决定，赋红码（其他（人工上报））',
    );
    expect(eventText(tEn, 'en', ev('case', { event: 'revoke', case: 3, behavior: 'false_declaration', state: 'revoked' }))).toBe(
      'Case 3: decision revoked (False declaration)',
    );
    for (const move of CASE_MOVES) expect(Object.hasOwn(zh, `people.tl.caseMove.${move}`), move).toBe(true);
  });
});

describe('region names', () => {
  it('names Binzhou counties, the city and provinces', () => {
    expect(regionName('371602', 'zh')).toBe('滨州市滨城区');
    expect(regionName('3716', 'en')).toBe('Binzhou');
    expect(regionName('42', 'zh')).toBe('湖北省');
    expect(regionName('4201', 'zh')).toBe('湖北省 4201');
    expect(regionName('99', 'en')).toBe('99');
  });
});

describe('messages of the data and people screens', () => {
  it('use the same placeholders in both languages', () => {
    const keys = (Object.keys(zh) as MessageKey[]).filter((k) => k.startsWith('data.') || k.startsWith('people.'));
    expect(keys.length).toBeGreaterThan(100);
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of keys) {
      expect(en[k], k).toBeTruthy();
      expect(holes(en[k]), k).toEqual(holes(zh[k]));
    }
  });
});
