/**
 * County sign-off (the notice, 三: 各县指定专人负责): a county's designated officer confirms the
 * county's figures of a day before the city's briefing goes out. What is signed is the figures the
 * briefing shows for that county and day, kept as they were; a later sync can still change a past
 * day, so the figures of now are compared with the signed ones, figure by figure.
 */
import type { Bilingual } from '../words/translate.ts';

/** The figures a sign-off holds, in the order the briefing's 概况 sheet lists them. */
export const SIGNOFF_FIGURES = [
  'holders',
  'red',
  'yellow',
  'green',
  'noCode',
  'turnedRed',
  'turnedYellow',
  'turnedGreen',
  'newCodes',
  'newSuspicions',
  'decisions',
  'revocations',
  'openCases',
  'changes',
  'notices',
] as const;

export type SignoffFigureKey = (typeof SIGNOFF_FIGURES)[number];
export type SignoffFigures = Record<SignoffFigureKey, number>;

/** The figures' names as the briefing's 概况 sheet and the console say them. */
export const SIGNOFF_FIGURE_WORDS: Record<SignoffFigureKey, Bilingual> = {
  holders: { zh: '持码人数', en: 'code holders' },
  red: { zh: '红码', en: 'red' },
  yellow: { zh: '黄码', en: 'yellow' },
  green: { zh: '绿码', en: 'green' },
  noCode: { zh: '已登记未领码', en: 'no code' },
  turnedRed: { zh: '当日转为红码', en: 'turned red' },
  turnedYellow: { zh: '当日转为黄码', en: 'turned yellow' },
  turnedGreen: { zh: '当日转为绿码', en: 'turned green' },
  newCodes: { zh: '当日新领码', en: 'new codes' },
  newSuspicions: { zh: '当日新增疑似案件', en: 'new suspicions' },
  decisions: { zh: '当日处罚决定', en: 'decisions' },
  revocations: { zh: '当日撤销决定', en: 'revocations' },
  openCases: { zh: '未结案件', en: 'open cases' },
  changes: { zh: '转码明细行数', en: 'rows of changes' },
  notices: { zh: '执法通报行数', en: 'rows of notices' },
};

export interface SignoffFigureChange {
  figure: SignoffFigureKey;
  /** As signed. */
  before: number;
  /** As computed now. */
  after: number;
}

/**
 * The figures that differ between the signed snapshot and now, in the briefing's order. A figure
 * the snapshot lacks (a sign-off made by an older console that signed fewer figures) is not a
 * change: nothing was signed for it.
 */
export function changedFigures(signed: Partial<Record<string, unknown>>, now: SignoffFigures): SignoffFigureChange[] {
  const out: SignoffFigureChange[] = [];
  for (const figure of SIGNOFF_FIGURES) {
    const before = signed[figure];
    if (typeof before !== 'number') continue;
    if (before !== now[figure]) out.push({ figure, before, after: now[figure] });
  }
  return out;
}
