// What `hcc briefing` says on stderr about the counties' sign-off.
import { describe, expect, test } from 'vitest';
import type { CountySignoffState, SignoffStatus } from '../../../../shared/contract/signoff.ts';
import { SIGNOFF_FIGURES, type SignoffFigures } from '../../../../shared/domain/county-signoff.ts';
import { signoffWarningLine } from '../../../../electron/backend/signoff/signoff-warning.ts';

const figures = Object.fromEntries(SIGNOFF_FIGURES.map((k) => [k, 1])) as SignoffFigures;
const county = (code: string, signed: boolean, changed = 0): CountySignoffState => ({
  county: code,
  signed,
  signedBy: signed ? 'wudi' : null,
  signedAt: signed ? 0 : null,
  signoffs: signed ? 1 : 0,
  figures,
  changed: Array.from({ length: changed }, () => ({ figure: 'red' as const, before: 1, after: 2 })),
});
const status = (counties: CountySignoffState[]): SignoffStatus => ({
  day: '2020-02-15',
  counties,
  unsigned: counties.filter((c) => !c.signed).map((c) => c.county),
  mayRecord: null,
});

describe('signoffWarningLine', () => {
  test('every county signed and unchanged: nothing to say', () => {
    expect(signoffWarningLine(status([county('371623', true)]))).toBeNull();
  });

  test('names the counties not signed off, in both languages', () => {
    expect(signoffWarningLine(status([county('371602', false), county('371623', true), county('371681', false)]))).toBe(
      'warning: not signed off for 2020-02-15: Bincheng, Zouping (2020-02-15 未签发：滨城区、邹平市)',
    );
  });

  test('says how many figures changed after a county signed', () => {
    expect(signoffWarningLine(status([county('371623', true, 2)]))).toBe(
      'warning: figures changed after sign-off: Wudi 2 (签发后数据有变动：无棣县 2 项)',
    );
  });
});
