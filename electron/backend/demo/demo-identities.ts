/**
 * Who the demo people are: ID numbers, phones, names and addresses. IDs and phones are pure functions
 * of the person's index, so nothing per person has to be stored to write them again on every day.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { dayFromParts, formatDay } from '../../../shared/domain/local-date.ts';
import { withCheckChar } from '../../../shared/domain/person-id.ts';
import type { Rng } from './random.ts';

/** Birth dates cycle through this many days from 1930-01-01 (to late 2003). */
const BIRTH_DAYS = 27_000;
/** Coprime to BIRTH_DAYS, so consecutive people get scattered birth dates, each one once per cycle. */
const BIRTH_STRIDE = 7919;
/** The ID's 3-digit sequence is the cycle number, so IDs stay unique up to this many people. */
export const MAX_PEOPLE = BIRTH_DAYS * 1000;

/**
 * ID prefixes (the place of first registration): Binzhou's counties in COUNTIES order, then places
 * elsewhere for migrants and visitors.
 */
export const ID_PREFIXES: readonly string[] = [
  ...COUNTIES.map((c) => c.code),
  '370102',
  '370303',
  '370502',
  '371402',
  '371502',
  '320106',
  '110105',
  '130102',
  '410105',
  '420106',
  '440304',
];
export const OUTSIDE_PREFIX_FIRST = COUNTIES.length;

let birthTexts: string[] | null = null;

function birthText(index: number): string {
  if (!birthTexts) {
    const first = dayFromParts(1930, 1, 1)!;
    birthTexts = Array.from({ length: BIRTH_DAYS }, (_, k) => formatDay(first + k).replaceAll('-', ''));
  }
  return birthTexts[index]!;
}

const SEQUENCES: readonly string[] = Array.from({ length: 1000 }, (_, k) => String(k).padStart(3, '0'));

function first17(i: number, prefixIndex: number): string {
  const birth = birthText(((i % BIRTH_DAYS) * BIRTH_STRIDE) % BIRTH_DAYS);
  return ID_PREFIXES[prefixIndex]! + birth + SEQUENCES[Math.floor(i / BIRTH_DAYS)]!;
}

const CHECK_CHARS = '0123456789X';

/**
 * Everyone's 18-character ID: prefix, birth date, sequence, check character (withCheckChar). The
 * check character is computed once per person (one byte each) instead of once per row, which
 * matters at 8 million check-ins a day.
 */
export class PersonIds {
  private readonly prefixes: Uint8Array;
  /** Index into CHECK_CHARS plus one; 0 = not computed yet. */
  private readonly checks: Uint8Array;

  constructor(prefixes: Uint8Array) {
    this.prefixes = prefixes;
    this.checks = new Uint8Array(prefixes.length);
  }

  of(i: number): string {
    const body = first17(i, this.prefixes[i]!);
    let check = this.checks[i]!;
    if (check === 0) {
      check = CHECK_CHARS.indexOf(withCheckChar(body)[17]!) + 1;
      this.checks[i] = check;
    }
    const id = body + CHECK_CHARS[check - 1]!;
    // Flatten the concatenation now, once: the CSV writer then reads a flat string in every row.
    id.charCodeAt(0);
    return id;
  }
}

/** A valid-looking ID with a wrong check character: a planted bad row. */
export function wrongCheckChar(id: string): string {
  const last = id[17]!;
  const digits = '0123456789X';
  return id.slice(0, 17) + digits[(digits.indexOf(last) + 1 + (id.charCodeAt(16) % 9)) % 11]!;
}

/** Mobile prefixes after the leading 1 (130–139, 150–153, 155–159, 180–189, 198), with their carrier. */
const PHONE_PREFIXES: readonly (readonly [string, Carrier])[] = [
  ['30', 'unicom'],
  ['31', 'unicom'],
  ['32', 'unicom'],
  ['33', 'telecom'],
  ['34', 'mobile'],
  ['35', 'mobile'],
  ['36', 'mobile'],
  ['37', 'mobile'],
  ['38', 'mobile'],
  ['39', 'mobile'],
  ['50', 'mobile'],
  ['51', 'mobile'],
  ['52', 'mobile'],
  ['53', 'telecom'],
  ['55', 'unicom'],
  ['56', 'unicom'],
  ['57', 'mobile'],
  ['58', 'mobile'],
  ['59', 'mobile'],
  ['80', 'telecom'],
  ['81', 'telecom'],
  ['82', 'mobile'],
  ['83', 'mobile'],
  ['84', 'mobile'],
  ['85', 'unicom'],
  ['86', 'unicom'],
  ['87', 'mobile'],
  ['88', 'mobile'],
  ['89', 'telecom'],
  ['98', 'mobile'],
];

export type Carrier = 'unicom' | 'telecom' | 'mobile';

/** Unique per index: the last 8 digits are a bijection of i (the multiplier is coprime to 10^8). */
export function phoneOf(i: number): string {
  const tail = String((i * 54_435_761) % 100_000_000).padStart(8, '0');
  return '1' + PHONE_PREFIXES[i % PHONE_PREFIXES.length]![0] + tail;
}

export function carrierOf(i: number): Carrier {
  return PHONE_PREFIXES[i % PHONE_PREFIXES.length]![1];
}

const SURNAMES: readonly string[] = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
  '程',
  '曹',
  '袁',
  '邓',
  '许',
  '傅',
  '沈',
  '曾',
  '彭',
  '吕',
  '苏',
  '卢',
  '蒋',
  '蔡',
  '贾',
  '丁',
  '魏',
  '薛',
  '叶',
  '阎',
  '王',
  '李',
  '张',
  '刘',
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
];

const GIVEN: readonly string[] = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文辉鹏飞晓燕雪梅丹俊峰海波宇浩然子涵欣怡梓萱一诺佳琪博文思远立新爱民振华淑珍秀云凤兰德胜庆丰',
];

export function chineseName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  return rng.chance(0.3) ? surname + rng.pick(GIVEN) : surname + rng.pick(GIVEN) + rng.pick(GIVEN);
}

const ROADS: readonly string[] = [
  '黄河一路',
  '黄河五路',
  '黄河八路',
  '渤海七路',
  '渤海十八路',
  '长江三路',
  '长江六路',
  '新立河路',
  '梧桐五路',
  '中海路',
  '富国路',
  '迎宾路',
  '建设路',
  '人民路',
  '胜利路',
  '府前街',
  '文化路',
  '鹤伴路',
  '中心路',
  '滨北路',
];
const VILLAGE_ENDINGS: readonly string[] = ['村', '庄', '家村', '屯'];

/** A street address in the person's county, or a village for a third of them. */
export function addressOf(rng: Rng, countyIndex: number): string {
  const county = COUNTIES[countyIndex]!.name;
  if (rng.chance(0.33)) {
    return `山东省滨州市${county}${rng.pick(SURNAMES).slice(0, 1)}${rng.pick(VILLAGE_ENDINGS)}${rng.between(1, 300)}号`;
  }
  return `山东省滨州市${county}${rng.pick(ROADS)}${rng.between(1, 999)}号${rng.between(1, 30)}号楼${rng.between(1, 6)}单元`;
}
