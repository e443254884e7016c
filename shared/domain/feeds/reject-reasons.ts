/**
 * Why a row was rejected, in words a clerk can act on, in Chinese and English. Stored with the row
 * (code, params and both texts) so the rejects export reads well to the department that sent it.
 */
export interface Problem {
  column: string;
  value: string;
  code: ProblemCode;
  en: string;
  zh: string;
}

export type ProblemCode =
  | 'required'
  | 'person_id_length'
  | 'person_id_characters'
  | 'person_id_check'
  | 'number_lost_digits'
  | 'phone_format'
  | 'county_unknown'
  | 'region_format'
  | 'credit_code_invalid'
  | 'timestamp_format'
  | 'date_format'
  | 'date_not_exist'
  | 'outside_window'
  | 'boolean_format'
  | 'temperature_format'
  | 'temperature_range'
  | 'coordinate_range'
  | 'enum_unknown'
  | 'too_long'
  | 'field_count'
  | 'last_seen_before_first_seen'
  | 'effective_to_before_from';

type Texts = { en: string; zh: string };

export function problem(column: string, value: string, code: ProblemCode, texts: Texts): Problem {
  return { column, value, code, en: texts.en, zh: texts.zh };
}

export const reasons = {
  required: (label: string): Texts => ({ en: `${label} is empty; fill it in`, zh: `${label}为空，请补填` }),
  personIdLength: (n: number): Texts => ({
    en: `ID number has ${n} characters; it must have 18`,
    zh: `身份证号为${n}位，应为18位`,
  }),
  personIdCharacters: (): Texts => ({
    en: 'ID number must be 17 digits followed by a digit or X',
    zh: '身份证号应为17位数字加1位数字或X',
  }),
  personIdCheck: (expected: string): Texts => ({
    en: `ID check character is wrong (expected ${expected}); check the number for a typo`,
    zh: `身份证号校验位错误（应为${expected}），请核对号码`,
  }),
  numberLostDigits: (): Texts => ({
    en: 'the spreadsheet stored this number as a number and lost digits; format the column as text and re-enter it',
    zh: '表格把该号码存成了数值，末几位已丢失；请把该列设为文本格式后重新录入',
  }),
  phone: (): Texts => ({ en: 'phone must be 11 digits starting with 1', zh: '手机号应为以1开头的11位数字' }),
  county: (): Texts => ({
    en: "not one of Binzhou's county codes (371602, 371603, 371621, 371622, 371623, 371625, 371681)",
    zh: '不是滨州市县区代码（371602、371603、371621、371622、371623、371625、371681）',
  }),
  region: (): Texts => ({
    en: 'region code must be 2, 4 or 6 digits (province, city or county)',
    zh: '地区代码应为2、4或6位数字（省、市、县）',
  }),
  creditCode: (): Texts => ({
    en: 'not a valid unified social credit code (18 characters with a correct check character)',
    zh: '统一社会信用代码无效（应为18位且校验位正确）',
  }),
  timestamp: (): Texts => ({
    en: 'not a date and time; use 2020-02-20 08:30:00 (optionally with +08:00)',
    zh: '时间格式错误，应如 2020-02-20 08:30:00（可带 +08:00）',
  }),
  date: (): Texts => ({ en: 'not a date; use 2020-02-20 or 2020/2/20', zh: '日期格式错误，应如 2020-02-20 或 2020/2/20' }),
  dateDoesNotExist: (): Texts => ({
    en: 'this date does not exist (check the month and the day, e.g. 2020-02-30); correct it',
    zh: '该日期不存在（请核对月份和日期，如 2020-02-30），请更正',
  }),
  outsideWindow: (w: { from: string; to: string }): Texts => ({
    en: `date outside the plausible period ${w.from} to ${w.to} (a typing or spreadsheet error?); correct it`,
    zh: `日期不在合理范围（${w.from} 至 ${w.to}）内，应为录入或表格错误，请更正`,
  }),
  boolean: (): Texts => ({ en: 'use 1/0, true/false, yes/no, y/n or 是/否', zh: '应填 是/否（或 1/0、true/false、yes/no、y/n）' }),
  temperatureFormat: (): Texts => ({ en: 'temperature must be a number in °C, like 36.5', zh: '体温应为数字（摄氏度），如 36.5' }),
  temperatureRange: (): Texts => ({
    en: 'temperature outside 34.0–43.0 °C is a measuring or typing error; re-measure or correct it',
    zh: '体温不在34.0–43.0℃之间，应为测量或录入错误，请核实',
  }),
  coordinate: (what: 'latitude' | 'longitude'): Texts =>
    what === 'latitude'
      ? { en: 'latitude must be a number between -90 and 90', zh: '纬度应为-90到90之间的数字' }
      : { en: 'longitude must be a number between -180 and 180', zh: '经度应为-180到180之间的数字' },
  enumUnknown: (allowed: string): Texts => ({ en: `unknown value; use one of ${allowed}`, zh: `取值无效，应为：${allowed}` }),
  tooLong: (max: number): Texts => ({ en: `value longer than ${max} characters`, zh: `内容超过${max}个字符` }),
  fieldCount: (got: number, want: number): Texts => ({
    en: `row has ${got} fields but the header has ${want} (a comma inside an unquoted value, or a stray quote mark?)`,
    zh: `该行有${got}列，表头有${want}列（是否有未加引号的逗号，或多余的引号？）`,
  }),
  lastSeenBeforeFirstSeen: (): Texts => ({
    en: 'last_seen is before first_seen; swap or correct them',
    zh: '最后出现时间早于首次出现时间，请更正',
  }),
  effectiveToBeforeFrom: (): Texts => ({
    en: 'effective_to is before effective_from; correct the period',
    zh: '失效日期早于生效日期，请更正',
  }),
};
