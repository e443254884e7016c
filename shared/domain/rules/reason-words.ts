/**
 * Why a code changed, in words: the reason sources and conditions the rules record (rules/triggers.ts),
 * and the causes of a change without a record. The person page and the daily briefing both read
 * these tables, so the console and the workbook say the same thing.
 */
export const REASON_WORDS = {
  zh: {
    'people.reason': '{source}：{condition}',
    'people.source.declarations': '申报',
    'people.source.checkins': '打卡',
    'people.source.health_records': '卫健登记',
    'people.source.roaming': '手机漫游',
    'people.source.travel': '交通',
    'people.source.medical': '医保',
    'people.source.enforcement': '信用监管',
    'people.cond.declarations.confirmed': '确诊',
    'people.cond.declarations.suspected': '疑似',
    'people.cond.declarations.close_contact': '密切接触者',
    'people.cond.declarations.key_area_visit': '14天内到过重点地区',
    'people.cond.declarations.fever': '发热',
    'people.cond.declarations.shortness_of_breath': '气促',
    'people.cond.declarations.respiratory_symptoms': '有呼吸道症状',
    'people.cond.declarations.febrile_contact': '接触过发热病人',
    'people.cond.declarations.returned_from_outside_province': '从省外返滨',
    'people.cond.checkins.temperature': '体温≥37.3℃',
    'people.cond.checkins.symptoms': '报告有症状',
    'people.cond.health_records.confirmed': '登记为确诊',
    'people.cond.health_records.suspected': '登记为疑似',
    'people.cond.health_records.close_contact': '登记为密接',
    'people.cond.health_records.cleared': '解除后的14天观察期',
    'people.cond.roaming.in_key_area': '手机出现在重点地区',
    'people.cond.roaming.outside_province': '手机出现在省外',
    'people.cond.travel.from_key_area': '从重点地区抵滨',
    'people.cond.travel.from_outside_province': '从省外抵滨',
    'people.cond.medical.fever_clinic': '发热门诊就诊',
    'people.cond.medical.fever_medicine': '购买退烧药品',
    'people.cond.enforcement.forced_red': '执法决定赋红码',
    'people.change.issued': '申领健康码',
    'people.change.streak': '连续14天正常打卡',
    'people.change.revoked': '执法决定被撤销',
  },
  en: {
    'people.reason': '{source}: {condition}',
    'people.source.declarations': 'Declaration',
    'people.source.checkins': 'Check-in',
    'people.source.health_records': 'Health commission',
    'people.source.roaming': 'Phone roaming',
    'people.source.travel': 'Travel',
    'people.source.medical': 'Medical insurance',
    'people.source.enforcement': 'Enforcement',
    'people.cond.declarations.confirmed': 'confirmed case',
    'people.cond.declarations.suspected': 'suspected case',
    'people.cond.declarations.close_contact': 'close contact',
    'people.cond.declarations.key_area_visit': 'visited a key area in the last 14 days',
    'people.cond.declarations.fever': 'fever',
    'people.cond.declarations.shortness_of_breath': 'shortness of breath',
    'people.cond.declarations.respiratory_symptoms': 'respiratory symptoms',
    'people.cond.declarations.febrile_contact': 'contact with a febrile patient',
    'people.cond.declarations.returned_from_outside_province': 'returned from outside the province',
    'people.cond.checkins.temperature': 'temperature ≥ 37.3 °C',
    'people.cond.checkins.symptoms': 'symptoms reported',
    'people.cond.health_records.confirmed': 'recorded as confirmed',
    'people.cond.health_records.suspected': 'recorded as suspected',
    'people.cond.health_records.close_contact': 'recorded as close contact',
    'people.cond.health_records.cleared': '14-day observation after clearance',
    'people.cond.roaming.in_key_area': 'phone seen in a key area',
    'people.cond.roaming.outside_province': 'phone seen outside Shandong',
    'people.cond.travel.from_key_area': 'arrived from a key area',
    'people.cond.travel.from_outside_province': 'arrived from outside Shandong',
    'people.cond.medical.fever_clinic': 'fever clinic visit',
    'people.cond.medical.fever_medicine': 'bought fever medicine',
    'people.cond.enforcement.forced_red': 'forced red by an enforcement decision',
    'people.change.issued': 'code issued',
    'people.change.streak': '14 days of normal check-ins',
    'people.change.revoked': 'enforcement decision revoked',
  },
} as const;

/** The main reason of a change as one phrase ('申报：发热'); the raw words when unknown. */
export function reasonPhrase(lang: 'zh' | 'en', source: string, condition: string): string {
  const words: Record<string, string> = REASON_WORDS[lang];
  const src = words[`people.source.${source}`] ?? source;
  const cond = words[`people.cond.${source}.${condition}`] ?? condition.replaceAll('_', ' ');
  return words['people.reason']!.replace('{source}', src).replace('{condition}', cond);
}

const CAUSE_KEYS: Record<string, string> = {
  code_issued: 'people.change.issued',
  streak: 'people.change.streak',
  revoked: 'people.change.revoked',
};

/** Why a colour changed: its main reason, else what caused it without a record (a streak, a revocation). */
export function changeReason(lang: 'zh' | 'en', cause: string, source: string | null, condition: string | null): string {
  if (source && condition) return reasonPhrase(lang, source, condition);
  const key = CAUSE_KEYS[cause];
  const words: Record<string, string> = REASON_WORDS[lang];
  return (key && words[key]) || cause;
}
