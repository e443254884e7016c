/**
 * The twelve feeds of the dynamic database (EXCHANGE.md): columns with their Chinese headers, value
 * types, key columns and mode. The importer, the database schema, the demo city and the rejects
 * export all read this one table.
 */
export type FeedName =
  | 'residents'
  | 'declarations'
  | 'checkins'
  | 'health_records'
  | 'roaming'
  | 'travel'
  | 'medical'
  | 'enterprises'
  | 'staff'
  | 'sites'
  | 'scans'
  | 'key_areas';

export type FieldType =
  | 'person_id'
  | 'phone'
  | 'county_code'
  | 'region_code'
  | 'credit_code'
  | 'text'
  | 'timestamp'
  | 'date'
  | 'boolean'
  | 'temperature'
  | 'latitude'
  | 'longitude'
  | 'enum';

export interface EnumValue {
  value: string;
  /** Other spellings accepted on input (Chinese names, short forms). */
  aliases: readonly string[];
}

export interface FeedColumn {
  name: string;
  zh: string;
  type: FieldType;
  /** A row without a value here is rejected. Key columns are always required. */
  required: boolean;
  /**
   * EXCHANGE.md marks it optional: a file may lack the column, and a file without it changes
   * nothing stored in it. Every other column must be in the header (absent is not empty).
   */
  optional?: boolean;
  values?: readonly EnumValue[];
}

export interface FeedSchema {
  name: FeedName;
  zh: string;
  department: string;
  mode: 'append' | 'upsert';
  key: readonly string[];
  columns: readonly FeedColumn[];
}

const col = (name: string, zh: string, type: FieldType, required = false, values?: readonly EnumValue[]): FeedColumn =>
  values ? { name, zh, type, required, values } : { name, zh, type, required };
const ev = (value: string, ...aliases: string[]): EnumValue => ({ value, aliases });
const bool = (name: string, zh: string) => col(name, zh, 'boolean');
const optional = (column: FeedColumn): FeedColumn => ({ ...column, optional: true });

export const COLOR_VALUES = [ev('red', '红', '红码'), ev('yellow', '黄', '黄码'), ev('green', '绿', '绿码')];

export const FEEDS: readonly FeedSchema[] = [
  {
    name: 'residents',
    zh: '户籍人口',
    department: '公安',
    mode: 'upsert',
    key: ['person_id'],
    columns: [
      col('person_id', '身份证号', 'person_id', true),
      col('name', '姓名', 'text'),
      col('phone', '手机号', 'phone'),
      col('county_code', '县区代码', 'county_code'),
      col('address', '住址', 'text'),
    ],
  },
  {
    name: 'declarations',
    zh: '健康申报',
    department: '健康码平台',
    mode: 'append',
    key: ['person_id', 'declared_at'],
    columns: [
      col('person_id', '身份证号', 'person_id', true),
      col('declared_at', '申报时间', 'timestamp', true),
      col('county_code', '县区代码', 'county_code', true),
      bool('confirmed', '确诊'),
      bool('suspected', '疑似'),
      bool('close_contact', '密切接触者'),
      bool('key_area_visit', '14天内到过重点地区'),
      bool('fever', '发热'),
      bool('shortness_of_breath', '气促'),
      bool('respiratory_symptoms', '呼吸道症状'),
      bool('febrile_contact', '接触发热病人'),
      bool('returned_from_outside_province', '省外返滨'),
    ],
  },
  {
    name: 'checkins',
    zh: '健康打卡',
    department: '健康码平台、钉钉',
    mode: 'append',
    key: ['person_id', 'checked_at'],
    columns: [
      col('person_id', '身份证号', 'person_id', true),
      col('checked_at', '打卡时间', 'timestamp', true),
      col('temperature', '体温', 'temperature', true),
      bool('symptoms', '有症状'),
    ],
  },
  {
    name: 'health_records',
    zh: '卫健登记',
    department: '卫健',
    mode: 'append',
    key: ['person_id', 'recorded_at', 'status'],
    columns: [
      col('person_id', '身份证号', 'person_id', true),
      col('recorded_at', '登记时间', 'timestamp', true),
      col('status', '状态', 'enum', true, [
        ev('confirmed', '确诊'),
        ev('suspected', '疑似'),
        ev('close_contact', '密接', '密切接触者'),
        ev('cleared', '解除'),
      ]),
    ],
  },
  {
    name: 'roaming',
    zh: '手机漫游',
    department: '通信运营商',
    mode: 'upsert',
    key: ['phone', 'region_code', 'first_seen'],
    columns: [
      col('phone', '手机号', 'phone', true),
      col('region_code', '漫游地代码', 'region_code', true),
      col('first_seen', '首次出现', 'timestamp', true),
      col('last_seen', '最后出现', 'timestamp'),
      col('carrier', '运营商', 'enum', false, [ev('unicom', '联通'), ev('telecom', '电信'), ev('mobile', '移动')]),
    ],
  },
  {
    name: 'travel',
    zh: '交通抵滨',
    department: '交通运输',
    mode: 'append',
    key: ['person_id', 'arrived_at', 'origin_region_code'],
    columns: [
      col('person_id', '身份证号', 'person_id', true),
      col('arrived_at', '抵滨时间', 'timestamp', true),
      col('origin_region_code', '出发地代码', 'region_code', true),
      col('mode', '方式', 'enum', false, [
        ev('train', '火车', '铁路'),
        ev('flight', '飞机', '航班'),
        ev('road', '公路', '汽车'),
        ev('other', '其他'),
      ]),
    ],
  },
  {
    name: 'medical',
    zh: '医保发热',
    department: '医保',
    mode: 'append',
    key: ['person_id', 'occurred_at', 'kind'],
    columns: [
      col('person_id', '身份证号', 'person_id', true),
      col('occurred_at', '发生时间', 'timestamp', true),
      col('kind', '类型', 'enum', true, [ev('fever_clinic', '发热门诊'), ev('fever_medicine', '退烧药品', '退烧药')]),
      col('facility', '机构', 'text'),
    ],
  },
  {
    name: 'enterprises',
    zh: '企业',
    department: '市场监管',
    mode: 'upsert',
    key: ['credit_code'],
    columns: [
      col('credit_code', '统一社会信用代码', 'credit_code', true),
      col('name', '企业名称', 'text'),
      col('county_code', '县区代码', 'county_code'),
      col('industry', '行业', 'text'),
      bool('resumption_approved', '批准复工'),
      optional(col('approved_on', '批准日期', 'date')),
      optional(col('admin_name', '钉钉管理员', 'text')),
      optional(col('admin_phone', '管理员手机号', 'phone')),
    ],
  },
  {
    name: 'staff',
    zh: '企业员工',
    department: '企业（钉钉）',
    mode: 'append',
    key: ['credit_code', 'person_id'],
    columns: [col('credit_code', '统一社会信用代码', 'credit_code', true), col('person_id', '身份证号', 'person_id', true)],
  },
  {
    name: 'sites',
    zh: '核验场所',
    department: '各部门',
    mode: 'upsert',
    key: ['site_id'],
    columns: [
      col('site_id', '场所编号', 'text', true),
      col('name', '场所名称', 'text'),
      col('kind', '类型', 'enum', false, [
        ev('checkpoint', '卡口'),
        ev('enterprise', '企业'),
        ev('community', '社区'),
        ev('supermarket', '商超'),
        ev('fever_clinic', '发热门诊'),
        ev('pharmacy', '药店'),
        ev('school', '学校'),
        ev('other', '其他'),
      ]),
      col('county_code', '县区代码', 'county_code'),
      col('lat', '纬度', 'latitude'),
      col('lon', '经度', 'longitude'),
      // The enterprise a site of kind enterprise belongs to.
      optional(col('credit_code', '统一社会信用代码', 'credit_code')),
    ],
  },
  {
    name: 'scans',
    zh: '扫码核验',
    department: '各场所',
    mode: 'append',
    key: ['scan_id'],
    columns: [
      col('scan_id', '核验编号', 'text', true),
      col('person_id', '身份证号', 'person_id', true),
      col('site_id', '场所编号', 'text', true),
      col('scanned_at', '核验时间', 'timestamp', true),
      col('code_issued_at', '码生成时间', 'timestamp'),
      col('shown_color', '出示颜色', 'enum', false, COLOR_VALUES),
      col('action', '处置', 'enum', false, [ev('pass', '放行'), ev('deny', '拒绝')]),
    ],
  },
  {
    name: 'key_areas',
    zh: '重点地区',
    department: '指挥中心',
    mode: 'upsert',
    key: ['region_code', 'effective_from'],
    columns: [
      col('region_code', '地区代码', 'region_code', true),
      col('name', '名称', 'text'),
      col('effective_from', '生效日期', 'date', true),
      col('effective_to', '失效日期', 'date'),
    ],
  },
];

const byName = new Map<string, FeedSchema>(FEEDS.map((f) => [f.name, f]));

export const FEED_NAMES: readonly FeedName[] = FEEDS.map((f) => f.name);

export function feedSchema(name: string): FeedSchema | undefined {
  return byName.get(name);
}

export function isFeedName(name: string): name is FeedName {
  return byName.has(name);
}

/**
 * Whether a file of this feed must have the column in its header. Interpretation (EXCHANGE.md:
 * "absent is not empty"): an upsert file must have every column not marked optional, because a
 * file lacking most of a feed's columns is another feed's file and would replace stored versions;
 * an append file needs its key and required columns, since its rows are new records and an absent
 * column of one (a check-in file without 有症状) is unknown, not a change to anything stored.
 */
export function headerNeeds(feed: FeedSchema, column: FeedColumn): boolean {
  return isRequired(feed, column) || (feed.mode === 'upsert' && column.optional !== true);
}

/** Key columns are required whatever the table above says. */
export function isRequired(feed: FeedSchema, column: FeedColumn): boolean {
  return column.required || feed.key.includes(column.name);
}
