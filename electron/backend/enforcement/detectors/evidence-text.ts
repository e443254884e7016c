/**
 * Wording of the evidence summaries: local times, region names and colours in Chinese, the way a
 * reviewer reads them. No ID numbers or phones here: people are shown masked elsewhere.
 */
import { formatDay, formatInstant } from '../../../../shared/domain/local-date.ts';
import type { CodeColor } from '../../../../shared/domain/rules/colors.ts';

/** `2020-02-12 08:30` (local time). */
export function localTime(ms: number): string {
  return formatInstant(ms).slice(0, 16).replace('T', ' ');
}

/** `2020-02-12` (local date). */
export function localDate(day: number): string {
  return formatDay(day);
}

/** A duration as a reviewer says it: `45秒`, `5分1秒`, `2分钟`, `2小时16分`. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return m === 0 ? `${h}小时` : `${h}小时${m}分`;
  if (m === 0) return `${rest}秒`;
  return rest === 0 ? `${m}分钟` : `${m}分${rest}秒`;
}

export const COLOUR_ZH: Record<CodeColor, string> = { none: '无码', green: '绿码', yellow: '黄码', red: '红码' };

/** GB/T 2260 province-level codes: enough to name where a record puts a person. */
const PROVINCES: Record<string, string> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
};

/** `湖北（420106）`: the province by name, the exact code beside it. */
export function regionLabel(code: string): string {
  const province = PROVINCES[code.slice(0, 2)];
  return province ? `${province}（${code}）` : `地区${code}`;
}
