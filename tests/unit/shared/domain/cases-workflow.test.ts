import { describe, expect, test } from 'vitest';
import { CASE_MOVES, CASE_STATES, MOVES, allowedMoves, checkMove } from '../../../../shared/domain/cases.ts';
import { ROLES } from '../../../../shared/domain/roles.ts';

describe('case workflow (ENFORCEMENT.md)', () => {
  test('the moves of the spec, and only those', () => {
    const edges = CASE_MOVES.flatMap((m) => MOVES[m].from.map((f) => `${f} -${m}-> ${MOVES[m].to}`)).sort();
    expect(edges).toEqual(
      [
        'suspected -review-> under_review',
        'under_review -decide-> decided',
        'under_review -dismiss-> dismissed',
        'decided -appeal-> appealed',
        'appealed -uphold-> upheld',
        'appealed -revoke-> revoked',
        'decided -close-> closed',
        'upheld -close-> closed',
        'revoked -close-> closed',
        'dismissed -close-> closed',
      ].sort(),
    );
  });

  test('only credit supervision moves cases; officers, writers and administrators are refused', () => {
    for (const state of CASE_STATES) {
      for (const move of CASE_MOVES) {
        for (const role of ROLES) {
          const r = checkMove(state, move, role);
          if (role !== 'credit') expect(r).toMatchObject({ ok: false, code: 'forbidden' });
        }
      }
    }
    expect(allowedMoves('under_review', 'credit').sort()).toEqual(['decide', 'dismiss']);
    expect(allowedMoves('under_review', 'officer')).toEqual([]);
    expect(allowedMoves('closed', 'credit')).toEqual([]);
  });

  test('an illegal move says so in both languages', () => {
    const r = checkMove('suspected', 'decide', 'credit');
    expect(r).toMatchObject({ ok: false, code: 'conflict' });
    if (!r.ok) {
      expect(r.en).toMatch(/suspected cannot be moved with decide/);
      expect(r.zh.length).toBeGreaterThan(5);
    }
  });
});
