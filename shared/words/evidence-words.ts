/**
 * The one line a reviewer reads first about a suspicion, in either language. A detector keeps its
 * findings as clauses of machine words (times as instants, regions as codes, colours as colour
 * words; `SummaryClause`) beside the Chinese line it stores, so the console can say the same line in
 * English. Site, facility and key-area names are data and stay as recorded. Times are Binzhou's
 * local time in both languages, as the records are. No ID numbers or phones here: people are shown
 * masked elsewhere.
 */
import { type Day, formatDay, formatInstant } from '../domain/local-date.ts';
import type { CodeColor } from '../domain/rules/colors.ts';
import { provinceOf } from './province-words.ts';
import type { Bilingual, Language } from './translate.ts';

export type DeniedCondition = 'key_area_visit' | 'returned_from_outside_province' | 'confirmed' | 'suspected' | 'close_contact' | 'fever';
export type HealthStatus = 'confirmed' | 'suspected' | 'close_contact';

/** A site as a summary names it: its name, else its number (a site number is not personal data). */
export interface SummarySite {
  id: string;
  name: string | null;
}

/** What a department's record showed against a declaration (the first of the records found). */
export type DepartmentFinding =
  | { source: 'roaming_key_area'; day: Day; region: string; areaName: string | null }
  | { source: 'roaming_outside'; from: Day; to: Day; region: string }
  | { source: 'travel_key_area'; at: number; region: string; areaName: string | null }
  | { source: 'travel_outside'; at: number; region: string }
  | { source: 'health'; at: number; status: HealthStatus }
  | { source: 'care'; at: number; facility: string | null; kind: string };

/** One clause of a summary; clauses are joined with '；' ('; '), a declaration's head with none. */
export type SummaryClause =
  | { kind: 'declaration'; at: number }
  | { kind: 'denied'; condition: DeniedCondition; lookbackDays: number; finding: DepartmentFinding; records: number }
  | { kind: 'code_age'; scannedAt: number; site: SummarySite; issuedAt: number; ageMs: number; validityMinutes: number }
  | { kind: 'colour_shown'; scannedAt: number; site: SummarySite; shown: CodeColor; dayBefore: Day; before: CodeColor; after: CodeColor }
  | { kind: 'speed'; at: number; from: SummarySite; to: SummarySite; km: number; gapMs: number; kmh: number | null; maxKmh: number }
  | { kind: 'gap'; at: number; from: SummarySite; to: SummarySite; gapMs: number; minGapMinutes: number; afterSpeed: boolean };

/** `2020-02-12 08:30` (local time). */
export function localTime(ms: number): string {
  return formatInstant(ms).slice(0, 16).replace('T', ' ');
}

/** `2020-02-12` (local date). */
export function localDate(day: Day): string {
  return formatDay(day);
}

/** A duration as a reviewer says it: `45秒`, `5分1秒`, `2分钟`, `2小时16分` (`45 s`, `5 min 1 s`, `2 min`, `2 h 16 min`). */
export function duration(ms: number, lang: Language = 'zh'): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (lang === 'en') {
    if (h > 0) return m === 0 ? `${h} h` : `${h} h ${m} min`;
    if (m === 0) return `${rest} s`;
    return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
  }
  if (h > 0) return m === 0 ? `${h}小时` : `${h}小时${m}分`;
  if (m === 0) return `${rest}秒`;
  return rest === 0 ? `${m}分钟` : `${m}分${rest}秒`;
}

export const EVIDENCE_COLOUR_WORDS: Record<CodeColor, Bilingual> = {
  none: { zh: '无码', en: 'no code' },
  green: { zh: '绿码', en: 'green' },
  yellow: { zh: '黄码', en: 'yellow' },
  red: { zh: '红码', en: 'red' },
};

/**
 * INTERPRETATION (screenshot rule): the stored history has one colour per day, so a shown colour
 * is taken as false only if it matches neither the day before's colour nor the scan day's.
 */
export const COLOUR_INTERPRETATION: Bilingual = {
  zh: '颜色历史按日存储：出示颜色与扫码前一日末、当日末的颜色均不符才认定',
  en: 'colours are stored per day: a shown colour counts only if it matches neither the end of the day before nor the end of the scan day',
};

const HEALTH_WORDS: Record<HealthStatus, Bilingual> = {
  confirmed: { zh: '确诊病例', en: 'a confirmed case' },
  suspected: { zh: '疑似病例', en: 'a suspected case' },
  close_contact: { zh: '密切接触者', en: 'a close contact' },
};

/** `湖北（420106）` (`Hubei (420106)`): the province by name, the exact code beside it. */
export function regionLabel(code: string, lang: Language = 'zh'): string {
  const province = provinceOf(code);
  if (lang === 'en') return province ? `${province.en} (${code})` : `region ${code}`;
  return province ? `${province.short}（${code}）` : `地区${code}`;
}

export function siteLabel(site: SummarySite, lang: Language = 'zh'): string {
  return site.name ?? (lang === 'zh' ? `场所${site.id}` : `site ${site.id}`);
}

const keyArea = (areaName: string | null, region: string, lang: Language) =>
  lang === 'zh'
    ? `重点地区${areaName ? `${areaName}（${region}）` : regionLabel(region)}`
    : `the key area ${areaName ? `${areaName} (${region})` : regionLabel(region, 'en')}`;

function claim(c: Extract<SummaryClause, { kind: 'denied' }>, lang: Language): string {
  const n = c.lookbackDays;
  switch (c.condition) {
    case 'key_area_visit':
      return lang === 'zh' ? `申报称${n}天内未到过重点地区` : `declared no visit to a key area within ${n} days`;
    case 'returned_from_outside_province':
      return lang === 'zh' ? `申报称${n}天内未从省外返滨` : `declared no return from outside the province within ${n} days`;
    case 'fever':
      return lang === 'zh' ? '申报称无发热' : 'declared no fever';
    default:
      return lang === 'zh' ? `申报称不是${HEALTH_WORDS[c.condition].zh}` : `declared not to be ${HEALTH_WORDS[c.condition].en}`;
  }
}

function finding(f: DepartmentFinding, lang: Language): string {
  const zh = lang === 'zh';
  switch (f.source) {
    case 'roaming_key_area':
      return zh
        ? `手机漫游显示${localDate(f.day)}在${keyArea(f.areaName, f.region, lang)}`
        : `mobile roaming shows them in ${keyArea(f.areaName, f.region, lang)} on ${localDate(f.day)}`;
    case 'roaming_outside': {
      if (zh)
        return `手机漫游显示${f.from === f.to ? localDate(f.from) : `${localDate(f.from)}至${localDate(f.to)}`}在${regionLabel(f.region)}`;
      const when = f.from === f.to ? `on ${localDate(f.from)}` : `from ${localDate(f.from)} to ${localDate(f.to)}`;
      return `mobile roaming shows them in ${regionLabel(f.region, 'en')} ${when}`;
    }
    case 'travel_key_area':
      return zh
        ? `交通记录显示${localTime(f.at)}从${keyArea(f.areaName, f.region, lang)}抵滨`
        : `travel records show them arriving in Binzhou from ${keyArea(f.areaName, f.region, lang)} at ${localTime(f.at)}`;
    case 'travel_outside':
      return zh
        ? `交通记录显示${localTime(f.at)}从${regionLabel(f.region)}抵滨`
        : `travel records show them arriving in Binzhou from ${regionLabel(f.region, 'en')} at ${localTime(f.at)}`;
    case 'health':
      return zh
        ? `卫健部门${localTime(f.at)}登记其为${HEALTH_WORDS[f.status].zh}，申报时尚未解除`
        : `the health commission registered them as ${HEALTH_WORDS[f.status].en} at ${localTime(f.at)}, not cleared when they declared`;
    case 'care': {
      const clinic = f.kind === 'fever_clinic';
      if (zh) return `医保记录显示${localTime(f.at)}${f.facility ? `在${f.facility}` : ''}${clinic ? '到发热门诊就诊' : '购买退烧药品'}`;
      const what = clinic ? 'a fever-clinic visit' : 'a purchase of fever medicine';
      return `medical insurance records show ${what}${f.facility ? ` at ${f.facility}` : ''} at ${localTime(f.at)}`;
    }
  }
}

function clauseText(c: SummaryClause, lang: Language): string {
  const zh = lang === 'zh';
  switch (c.kind) {
    case 'declaration':
      return zh ? `${localTime(c.at)}的申报：` : `Declaration of ${localTime(c.at)}: `;
    case 'denied': {
      const more = c.records > 1 ? (zh ? `等${c.records}条记录` : ` (${c.records} records in all)`) : '';
      return `${claim(c, lang)}${zh ? '，但' : ', but '}${finding(c.finding, lang)}${more}`;
    }
    case 'code_age':
      return zh
        ? `${localTime(c.scannedAt)}在${siteLabel(c.site)}扫码时出示的健康码生成于${localTime(c.issuedAt)}，已过${duration(c.ageMs)}，超过${c.validityMinutes}分钟有效期`
        : `At ${localTime(c.scannedAt)} at ${siteLabel(c.site, lang)} the code shown had been issued at ${localTime(c.issuedAt)}, ` +
            `${duration(c.ageMs, lang)} before: beyond its ${c.validityMinutes}-minute validity`;
    case 'colour_shown': {
      const w = (colour: CodeColor) => EVIDENCE_COLOUR_WORDS[colour][lang];
      return zh
        ? `${localTime(c.scannedAt)}在${siteLabel(c.site)}出示${w(c.shown)}，但其健康码前一日（${localDate(c.dayBefore)}）末为${w(c.before)}，` +
            `当日末为${w(c.after)}（${COLOUR_INTERPRETATION.zh}）`
        : `At ${localTime(c.scannedAt)} at ${siteLabel(c.site, lang)} the code shown was ${w(c.shown)}, but the person's code was ` +
            `${w(c.before)} at the end of the day before (${localDate(c.dayBefore)}) and ${w(c.after)} at the end of the scan day ` +
            `(${COLOUR_INTERPRETATION.en})`;
    }
    case 'speed': {
      const km = c.km.toFixed(1);
      const [a, b] = [siteLabel(c.from, lang), siteLabel(c.to, lang)];
      if (c.gapMs === 0 || c.kmh === null)
        return zh
          ? `${localTime(c.at)}同时在相距${km}公里的${a}和${b}扫码`
          : `At ${localTime(c.at)} scans at ${a} and ${b}, ${km} km apart, at the same time`;
      return zh
        ? `${localTime(c.at)}在${a}扫码，${duration(c.gapMs)}后在相距${km}公里的${b}扫码，需时速${Math.round(c.kmh)}公里，超过${c.maxKmh}公里/小时`
        : `Scan at ${a} at ${localTime(c.at)}, then ${duration(c.gapMs, lang)} later at ${b}, ${km} km away: ` +
            `${Math.round(c.kmh)} km/h needed, above ${c.maxKmh} km/h`;
    }
    case 'gap': {
      if (c.afterSpeed) return zh ? `两次扫码间隔不超过${c.minGapMinutes}分钟` : `the two scans at most ${c.minGapMinutes} minutes apart`;
      const [a, b] = [siteLabel(c.from, lang), siteLabel(c.to, lang)];
      return zh
        ? `${localTime(c.at)}在${a}扫码，${duration(c.gapMs)}后又在另一场所${b}扫码，间隔不超过${c.minGapMinutes}分钟`
        : `Scan at ${a} at ${localTime(c.at)}, then ${duration(c.gapMs, lang)} later at another site, ${b}: at most ${c.minGapMinutes} minutes apart`;
    }
  }
}

/** The summary line of `clauses` in a language (the Chinese one is what the detectors store). */
export function summaryText(clauses: readonly SummaryClause[], lang: Language): string {
  let text = '';
  let afterHead = true;
  for (const c of clauses) {
    if (!afterHead) text += lang === 'zh' ? '；' : '; ';
    text += clauseText(c, lang);
    afterHead = c.kind === 'declaration';
  }
  return text;
}
