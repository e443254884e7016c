/**
 * The demo city's enterprises (market regulation): about one per 200 people, at least five, with
 * valid unified social credit codes (GB 32100) and a resumption approval for about three in four.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { creditCodeWithCheck } from '../../../shared/domain/credit-code.ts';
import { Rng, STREAM, cumulate, weightedIndex } from './random.ts';

export interface Enterprise {
  creditCode: string;
  name: string;
  county: number;
  industry: string;
  approved: boolean;
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

export function planEnterprises(people: number, seed: number): EnterpriseRegister {
  const rng = new Rng(seed, STREAM.enterprises);
  const n = Math.max(5, Math.round(people / 200));
  const offset = rng.below(CODE_SPACE);
  const enterprises: Enterprise[] = [];
  const byCounty: number[][] = COUNTIES.map(() => []);
  for (let k = 0; k < n; k++) {
    // The first seven cover every county, so staff can usually work in their own county.
    const county = k < COUNTIES.length ? k : weightedIndex(COUNTY_WEIGHTS, rng.unit());
    const [industry, word] = rng.pick(INDUSTRIES);
    byCounty[county]!.push(k);
    enterprises.push({
      creditCode: creditCode(COUNTIES[county]!.code, (k * 1_000_003 + offset) % CODE_SPACE),
      name: `滨州${rng.pick(BRAND_WORDS)}${word}有限公司`,
      county,
      industry,
      approved: rng.chance(0.75),
    });
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
