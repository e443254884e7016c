/**
 * The user-facing words of the domain, in both languages, used by the screens, the credit report
 * and the daily briefing alike (official documents say what the screens say). Where the spec names
 * a word it is the spec's (roles and behaviours: ENFORCEMENT.md; "no code" 未申领: ENTERPRISES.md).
 * The case states have no Chinese name in the spec: 待核查 ("to be checked") is used for `suspected`
 * because 疑似 already means a suspected infection in the health records (EXCHANGE.md).
 */
import type { Behavior, CaseMove, CaseState } from '../domain/cases.ts';
import type { CodeColor } from '../domain/rules/colors.ts';
import type { FeedName } from '../domain/feeds/feed-schemas.ts';
import type { Role } from '../domain/roles.ts';
import type { Bilingual, Language } from './translate.ts';

export const CASE_STATE_WORDS: Record<CaseState, Bilingual> = {
  suspected: { zh: '待核查', en: 'Suspected' },
  under_review: { zh: '审查中', en: 'Under review' },
  decided: { zh: '已决定', en: 'Decided' },
  dismissed: { zh: '不予处理', en: 'Dismissed' },
  appealed: { zh: '申诉中', en: 'Appealed' },
  upheld: { zh: '维持原决定', en: 'Upheld' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  closed: { zh: '已结案', en: 'Closed' },
};

/** The steps of a case's history: the moves, and the two steps no one chooses (opening, new evidence). */
export type CaseStep = CaseMove | 'open' | 'evidence';

export const CASE_STEP_WORDS: Record<CaseStep, Bilingual> = {
  review: { zh: '审查', en: 'Review' },
  decide: { zh: '作出决定', en: 'Decide' },
  dismiss: { zh: '不予处理', en: 'Dismiss' },
  appeal: { zh: '记录申诉', en: 'Record an appeal' },
  uphold: { zh: '维持', en: 'Uphold' },
  revoke: { zh: '撤销', en: 'Revoke' },
  close: { zh: '结案', en: 'Close' },
  open: { zh: '立案', en: 'Opened' },
  evidence: { zh: '补充证据', en: 'Evidence added' },
};

export const BEHAVIOR_WORDS: Record<Behavior, Bilingual> = {
  false_declaration: { zh: '不如实填报', en: 'False declaration' },
  screenshot: { zh: '套取截图', en: 'Screenshot of a code' },
  impersonation: { zh: '冒用他人', en: 'Using another person’s code' },
  other: { zh: '其他（人工上报）', en: 'Other (reported by an officer)' },
};

export const ROLE_WORDS: Record<Role, Bilingual> = {
  officer: { zh: '指挥中心值班员', en: 'Duty officer' },
  credit: { zh: '信用监管员', en: 'Credit supervisor' },
  writer: { zh: '材料员', en: 'Report writer' },
  admin: { zh: '管理员', en: 'Administrator' },
};

export const COLOUR_WORDS: Record<CodeColor, Bilingual> = {
  red: { zh: '红码', en: 'Red' },
  yellow: { zh: '黄码', en: 'Yellow' },
  green: { zh: '绿码', en: 'Green' },
  none: { zh: '未申领', en: 'No code' },
};

/** A colour's Chinese word, for the workbooks (they are in Chinese); an unknown word as it is. */
export function colourZh(color: string): string {
  return (COLOUR_WORDS as Record<string, Bilingual | undefined>)[color]?.zh ?? color;
}

export const CREDIT_STATUS_WORDS: Record<'effective' | 'revoked', Bilingual> = {
  effective: { zh: '有效', en: 'Effective' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** The feeds as the departments know them (the department in brackets where the name alone is vague). */
export const FEED_WORDS: Record<FeedName, Bilingual> = {
  residents: { zh: '户籍人口（公安）', en: 'Residents (public security)' },
  declarations: { zh: '健康申报', en: 'Declarations' },
  checkins: { zh: '健康打卡', en: 'Check-ins' },
  health_records: { zh: '卫健登记', en: 'Health records' },
  roaming: { zh: '手机漫游（通信运营商）', en: 'Roaming (telecom)' },
  travel: { zh: '交通抵滨', en: 'Travel arrivals' },
  medical: { zh: '医保发热', en: 'Medical (fever)' },
  enterprises: { zh: '企业（市场监管）', en: 'Enterprises' },
  staff: { zh: '企业员工', en: 'Staff' },
  sites: { zh: '核验场所', en: 'Sites' },
  scans: { zh: '扫码核验', en: 'Scans' },
  key_areas: { zh: '重点地区', en: 'Key areas' },
};

/** Who acted when no person did: the detectors sign their cases as `detector` (older data: `system`, `auto`). */
export const SYSTEM_ACTOR_WORDS: Bilingual = { zh: '自动检测', en: 'Automatic detection' };

export function isSystemActor(actor: string): boolean {
  return /^(detector|detectors|system|auto)(:.*)?$/i.test(actor);
}

/** A case's actor in words: a user's name as it is, the system in the console's words. */
export function actorName(actor: string, lang: Language): string {
  return isSystemActor(actor) ? SYSTEM_ACTOR_WORDS[lang] : actor;
}

/** A word of a family, or the stored value as it is when this version does not know it. */
export function wordOf<K extends string>(words: Record<K, Bilingual>, value: string, lang: Language): string {
  return Object.hasOwn(words, value) ? words[value as K][lang] : value;
}
