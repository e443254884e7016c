/**
 * The demo city's enterprises (market regulation): about one per 200 people, at least five, with
 * valid unified social credit codes (GB 32100) and a resumption approval for about three in four.
 * Approved ones carry the day they were approved and most carry a DingTalk administrator
 * (ENTERPRISES.md: the weekly list of administrators); those are drawn from their own stream so the
 * codes, names and approvals of an older seed stay the same.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { creditCodeWithCheck } from '../../../shared/domain/credit-code.ts';
import { chineseName, phoneOf } from './demo-identities.ts';
import { Rng, STREAM, cumulate, weightedIndex } from './random.ts';

export interface Enterprise {
  creditCode: string;
  name: string;
  county: number;
  industry: string;
  approved: boolean;
  /** Days from the start of the demo (negative: before it); null when not approved. */
  approvedDay: number | null;
  /** The enterprise's DingTalk administrator; null for the few that never named one. */
  admin: { name: string; phone: string } | null;
}

export interface EnterpriseRegister {
  enterprises: readonly Enterprise[];
  /** Enterprise indexes per county index (a county may have none in a very small city). */
  byCounty: readonly (readonly number[])[];
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 31^9: the nine free characters of a code, read as a base-31 number. */
const CODE_SPACE = 31 ** 9;

const INDUSTRIES: readonly (readonly [industry: string, word: string])[] = [
  ['机械制造', '机械'],
  ['纺织服装', '纺织'],
  ['化工', '化工'],
  ['食品加工', '食品'],
  ['有色金属', '铝业'],
  ['物流运输', '物流'],
  ['建筑材料', '建材'],
  ['医药制造', '医药'],
  ['批发零售', '商贸'],
  ['农副产品', '农业'],
];
const BRAND_WORDS: readonly string[] = [
  '宏达',
  '鑫源',
  '华泰',
  '永盛',
  '恒丰',
  '金海',
  '魏桥',
  '渤海',
  '齐鲁',
  '黄河',
  '创新',
  '京博',
  '西王',
  '三星',
  '盛世',
  '兴福',
  '嘉和',
  '利民',
  '祥瑞',
  '天成',
];

const COUNTY_WEIGHTS = cumulate(COUNTIES.map((c) => c.populationShare));

/** Approvals start four weeks before the demo, so the first weekly report has earlier ones too. */
const APPROVALS_FROM_DAY = -28;
const ADMIN_SHARE = 0.9;
/** Administrators' phones: person numbers no demo city reaches, so they never equal a resident's. */
const ADMIN_PHONE_BASE = 50_000_000;

export function planEnterprises(people: number, seed: number, days: number): EnterpriseRegister {
  const rng = new Rng(seed, STREAM.enterprises);
  const admins = new Rng(seed, STREAM.enterpriseAdmins);
  const n = Math.max(5, Math.round(people / 200));
  const offset = rng.below(CODE_SPACE);
  const enterprises: Enterprise[] = [];
  const byCounty: number[][] = COUNTIES.map(() => []);
  for (let k = 0; k < n; k++) {
    // The first seven cover every county, so staff can usually work in their own county.
    const county = k < COUNTIES.length ? k : weightedIndex(COUNTY_WEIGHTS, rng.unit());
    const [industry, word] = rng.pick(INDUSTRIES);
    byCounty[county]!.push(k);
    const code = creditCode(COUNTIES[county]!.code, (k * 1_000_003 + offset) % CODE_SPACE);
    const name = `滨州${rng.pick(BRAND_WORDS)}${word}有限公司`;
    const approved = rng.chance(0.75);
    const approvedDay = approved ? admins.between(APPROVALS_FROM_DAY, days - 1) : null;
    const admin = admins.chance(ADMIN_SHARE) ? { name: chineseName(admins), phone: phoneOf(ADMIN_PHONE_BASE + k) } : null;
    enterprises.push({ creditCode: code, name, county, industry, approved, approvedDay, admin });
  }
  return { enterprises, byCounty };
}

/**
 * '9' (registered with market regulation) + '1' (enterprise) + the county code + nine characters +
 * the check character. The nine characters spell a bijection of the enterprise number (the
 * multiplier is prime and not 31), so codes never collide.
 */
function creditCode(countyCode: string, serial: number): string {
  let body = '';
  let x = serial;
  for (let i = 0; i < 9; i++) {
    body = CODE_ALPHABET[x % 31]! + body;
    x = Math.floor(x / 31);
  }
  return creditCodeWithCheck('91' + countyCode + body);
}
