import { describe, expect, it } from 'vitest';
import type { CaseDetail, CreditRecordView } from '../../../../../shared/contract/enforcement.ts';
import { BEHAVIORS, CASE_MOVES, CASE_STATES, type CaseMove, type CaseState, allowedMoves } from '../../../../../shared/domain/cases.ts';
import { ROLE_PERMISSIONS } from '../../../../../shared/domain/roles.ts';
import { enforcementMessages } from '../../../../../renderer/src/features/enforcement/messages.ts';
import {
  type DetailFormat,
  REASON_MAX,
  behaviorName,
  detailPairs,
  feedText,
  moveOutcomeText,
  moveReasonLabels,
  noMovesHint,
  noticeTally,
  openedByText,
  reasonProblem,
  ruleText,
  shownMoves,
  stateTone,
  stepName,
  thresholdEntries,
  totalCount,
  validateFlag,
  validateMove,
} from '../../../../../renderer/src/features/enforcement/enforcement-text.ts';
import { regionName } from '../../../../../renderer/src/features/people/regions.ts';
import { tEn, tZh } from '../../../../support/translator.ts';

const formatZh: DetailFormat = { t: tZh, lang: 'zh', formatTime: (ms) => `T${ms}`, regionName };

function record(patch: Partial<CreditRecordView> = {}): CreditRecordView {
  return {
    number: 'BZXY-2020-000001',
    caseId: 7,
    ref: 'r1',
    idMasked: '3716**********123X',
    nameMasked: '张*',
    county: '371602',
    behavior: 'screenshot',
    decidedAt: 1,
    decidedBy: 'cre',
    decision: 'd',
    legalBasis: 'l',
    status: 'effective',
    revokedAt: null,
    revokedReason: null,
    ...patch,
  };
}

function detail(state: CaseState, patch: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 7,
    ref: 'r1',
    idMasked: '3716**********123X',
    nameMasked: '张*',
    county: '371602',
    behavior: 'screenshot',
    state,
    openedAt: 0,
    openedBy: 'detector',
    decidedAt: null,
    summary: 's',
    summaryClauses: null,
    evidence: { rule: 'screenshot:age', summary: 's', thresholds: {}, records: [] },
    history: [],
    allowedMoves: [],
    creditRecord: null,
    platform: [],
    color: 'green',
    ...patch,
  };
}

describe('messages', () => {
  it('has every key in Chinese and English, none empty, Chinese first', () => {
    const zhKeys = Object.keys(enforcementMessages.zh).sort();
    expect(Object.keys(enforcementMessages.en).sort()).toEqual(zhKeys);
    for (const k of zhKeys) {
      expect(k.startsWith('enforcement.')).toBe(true);
      expect((enforcementMessages.zh as Record<string, string>)[k]!.trim()).not.toBe('');
      expect((enforcementMessages.en as Record<string, string>)[k]!.trim()).not.toBe('');
    }
    // The Chinese table is Chinese (a few keys are symbols or format strings only).
    const chinese = zhKeys.filter((k) => /[\u4e00-\u9fff]/.test((enforcementMessages.zh as Record<string, string>)[k]!));
    expect(chinese.length).toBeGreaterThan(zhKeys.length * 0.9);
  });

  it('names every state, move and tab in both languages, with the same placeholders', () => {
    for (const s of CASE_STATES) {
      expect(tZh(`enforcement.state.${s}`)).toMatch(/[\u4e00-\u9fff]/);
      expect(tEn(`enforcement.state.${s}`)).toMatch(/[A-Za-z]/);
    }
    for (const m of CASE_MOVES) {
      expect(tZh(`enforcement.move.${m}`)).toMatch(/[\u4e00-\u9fff]/);
      expect(tEn(`enforcement.moveHelp.${m}`)).not.toBe('');
    }
    expect([tZh('enforcement.tab.cases'), tZh('enforcement.tab.credit'), tZh('enforcement.tab.notices')]).toEqual([
      '案件队列',
      '诚信记录',
      '通报名单',
    ]);
    expect([tEn('enforcement.tab.cases'), tEn('enforcement.tab.credit'), tEn('enforcement.tab.notices')]).toEqual([
      'Case queue',
      'Credit records',
      'Notice list',
    ]);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(enforcementMessages.zh) as (keyof typeof enforcementMessages.zh)[]) {
      expect(placeholders(enforcementMessages.en[k]), k).toEqual(placeholders(enforcementMessages.zh[k]));
    }
  });

  it('names the moves as the workflow does (审查, 作出决定, 不予处理, 记录申诉, 维持, 撤销, 结案)', () => {
    expect(CASE_MOVES.map((m) => tZh(`enforcement.move.${m}`))).toEqual([
      '审查',
      '作出决定',
      '不予处理',
      '记录申诉',
      '维持',
      '撤销',
      '结案',
    ]);
  });
});

describe('written reasons', () => {
  it('needs 2 to 2,000 characters after trimming, like the server', () => {
    expect(reasonProblem('')).toEqual({ key: 'enforcement.error.reasonRequired' });
    expect(reasonProblem('  a  ')).toEqual({ key: 'enforcement.error.reasonRequired' });
    expect(reasonProblem('证据')).toBeNull();
    expect(reasonProblem('x'.repeat(REASON_MAX))).toBeNull();
    expect(reasonProblem('x'.repeat(REASON_MAX + 1))).toEqual({ key: 'enforcement.error.reasonTooLong', params: { max: REASON_MAX } });
  });

  it('sends the trimmed reason of a move', () => {
    expect(validateMove({ reason: '  核实无误  ' })).toEqual({ ok: true, value: '核实无误' });
    expect(validateMove({ reason: ' ' })).toEqual({ ok: false, errors: { reason: { key: 'enforcement.error.reasonRequired' } } });
  });

  it('a report needs a person and a reason; the behaviour defaults to other', () => {
    expect(validateFlag({ ref: null, behavior: 'other', reason: '' })).toEqual({
      ok: false,
      errors: { ref: { key: 'enforcement.error.pickPerson' }, reason: { key: 'enforcement.error.reasonRequired' } },
    });
    expect(validateFlag({ ref: 'r1', behavior: 'other', reason: 'x' })).toMatchObject({
      ok: false,
      errors: { reason: { key: 'enforcement.error.reasonRequired' } },
    });
    expect(validateFlag({ ref: 'r1', behavior: 'impersonation', reason: ' 在两个卡口同时出现 ' })).toEqual({
      ok: true,
      value: { ref: 'r1', behavior: 'impersonation', reason: '在两个卡口同时出现' },
    });
    expect(validateFlag({ ref: 'r1', behavior: 'nonsense' as never, reason: '理由' })).toEqual({
      ok: true,
      value: { ref: 'r1', behavior: 'other', reason: '理由' },
    });
  });

  it('a decision asks for the decision text (it goes into the credit record)', () => {
    expect(moveReasonLabels('decide').label).toBe('enforcement.dialog.decisionReason');
    expect(moveReasonLabels('review').label).toBe('enforcement.dialog.reason');
  });
});

describe('moves', () => {
  it('shows only the allowed moves, in the workflow order', () => {
    expect(shownMoves(['close', 'decide', 'dismiss'])).toEqual(['decide', 'dismiss', 'close']);
    expect(shownMoves([])).toEqual([]);
    expect(shownMoves(['bogus'])).toEqual([]);
  });

  it('agrees with the roles: an officer sees no move, credit supervision the state’s moves', () => {
    for (const s of CASE_STATES) {
      expect(shownMoves(allowedMoves(s, 'officer'))).toEqual([]);
      expect(shownMoves(allowedMoves(s, 'admin'))).toEqual([]);
    }
    expect(shownMoves(allowedMoves('under_review', 'credit'))).toEqual(['decide', 'dismiss']);
    expect(shownMoves(allowedMoves('appealed', 'credit'))).toEqual(['uphold', 'revoke']);
  });

  it('says why no move is shown', () => {
    expect(noMovesHint('closed', ROLE_PERMISSIONS.credit)).toBe('enforcement.case.noMovesClosed');
    expect(noMovesHint('under_review', ROLE_PERMISSIONS.officer)).toBe('enforcement.case.noMovesRole');
    expect(noMovesHint('under_review', ROLE_PERMISSIONS.credit)).toBe('enforcement.case.noMoves');
  });

  it('after a decision says the code is red and names the credit record', () => {
    const after = detail('decided', { creditRecord: record(), color: 'red' });
    const zhText = moveOutcomeText(tZh, 'decide', detail('under_review'), after);
    expect(zhText).toContain('红码');
    expect(zhText).toContain('BZXY-2020-000001');
    expect(moveOutcomeText(tEn, 'decide', detail('under_review'), after)).toContain('BZXY-2020-000001');
    expect(moveOutcomeText(tZh, 'decide', detail('under_review'), detail('decided'))).toBe(tZh('enforcement.outcome.decideNoRecord'));
  });

  it('after a revocation names the revoked record; closing a served term ends the forced red', () => {
    const rec = record({ status: 'revoked' });
    expect(
      moveOutcomeText(tZh, 'revoke', detail('appealed', { creditRecord: record() }), detail('revoked', { creditRecord: rec })),
    ).toContain('BZXY-2020-000001');
    expect(moveOutcomeText(tZh, 'close', detail('decided'), detail('closed'))).toBe(tZh('enforcement.outcome.closeServed'));
    expect(moveOutcomeText(tZh, 'close', detail('upheld'), detail('closed'))).toBe(tZh('enforcement.outcome.closeServed'));
    expect(moveOutcomeText(tEn, 'close', detail('dismissed'), detail('closed'))).toBe('“Close” done; the case is now Closed.');
    expect(moveOutcomeText(tZh, 'review', detail('suspected'), detail('under_review'))).toBe('已完成“审查”，案件状态：审查中。');
  });

  it('gives every state a tone: sanctions red, revocations green', () => {
    expect(stateTone('decided')).toBe('bad');
    expect(stateTone('upheld')).toBe('bad');
    expect(stateTone('revoked')).toBe('good');
    expect(stateTone('suspected')).toBe('warn');
    for (const s of CASE_STATES) expect(['warn', 'info', 'bad', 'good', 'muted']).toContain(stateTone(s));
  });

  it('names the history’s steps, the opening too', () => {
    expect(stepName(tZh, 'open')).toBe('立案');
    expect(stepName(tEn, 'decide')).toBe('Decide');
    expect(stepName(tZh, 'unknown_step')).toBe('unknown_step');
    const moves: CaseMove[] = [...CASE_MOVES];
    for (const m of moves) expect(stepName(tZh, m)).toBe(tZh(`enforcement.move.${m}`));
  });
});

describe('words of the evidence', () => {
  it('names behaviours in both languages', () => {
    for (const b of BEHAVIORS) {
      expect(behaviorName(b, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(behaviorName(b, 'en')).toMatch(/[A-Za-z]/);
    }
    expect(behaviorName('screenshot', 'zh')).toBe('套取截图');
    expect(behaviorName('mystery', 'en')).toBe('mystery');
  });

  it('names the detectors as automatic detection, users by name', () => {
    expect(openedByText(tZh, 'detector')).toBe('自动检测');
    expect(openedByText(tEn, 'system')).toBe('Automatic detection');
    expect(openedByText(tZh, 'ofc')).toBe('ofc');
  });

  it('reads the detectors’ rules, with their parts', () => {
    expect(ruleText(tZh, 'manual')).toBe('人工上报');
    expect(ruleText(tZh, 'impersonation:speed+gap')).toBe('同一人扫码时空矛盾：两地移动速度不可能、短时间内在不同场所扫码');
    expect(ruleText(tEn, 'screenshot:age')).toBe('The code shown was not a live code: code older than its validity');
    expect(ruleText(tZh, 'false_declaration:key_area_visit+fever')).toBe('申报与部门数据矛盾：14天内到过重点地区、发热');
    expect(ruleText(tZh, 'new_rule:x')).toBe('new_rule:x');
  });

  it('names feeds, thresholds and detail fields; keeps unknown ones as they are', () => {
    expect(feedText(tZh, 'scans')).toBe('扫码核验');
    expect(feedText(tEn, 'person_codes')).toBe('Code colour history');
    expect(feedText(tZh, 'elsewhere')).toBe('elsewhere');
    expect(thresholdEntries(tZh, { codeValidityMinutes: 5, other: 2 })).toEqual([
      { key: 'codeValidityMinutes', label: '健康码有效期（分钟）', value: 5 },
      { key: 'other', label: 'other', value: 2 },
    ]);
    expect(
      detailPairs(formatZh, {
        fever: false,
        confirmed: true,
        contradicts: 'key_area_visit',
        shown_color: 'green',
        action: 'pass',
        code_issued_at: 1000,
        region_code: '42',
        speed_kmh: 312.5,
        site_name: null,
        extra: 'x',
      }),
    ).toEqual([
      { name: '发热', value: '否' },
      { name: '确诊', value: '是' },
      { name: '与申报矛盾', value: '14天内到过重点地区' },
      { name: '出示颜色', value: '绿码' },
      { name: '核验结果', value: '放行' },
      { name: '码生成时间', value: 'T1000' },
      { name: '所在地区', value: regionName('42', 'zh') },
      { name: '速度（公里/小时）', value: '312.5' },
      { name: '场所', value: '—' },
      { name: 'extra', value: 'x' },
    ]);
  });
});

describe('queue and lists', () => {
  it('adds the counts of every state', () => {
    expect(totalCount({ suspected: 3, decided: 2, closed: 1 })).toBe(6);
    expect(totalCount({})).toBe(0);
  });

  it('tallies the notice list', () => {
    expect(noticeTally([{ kind: 'decision' }, { kind: 'revocation' }, { kind: 'decision' }])).toEqual({ decisions: 2, revocations: 1 });
  });
});
