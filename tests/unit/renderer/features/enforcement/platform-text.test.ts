/** The case page says, in both languages, whether the platform has each outcome: delivered when and where, or waiting to be sent. */
import { describe, expect, it } from 'vitest';
import { platformLine } from '../../../../../renderer/src/features/enforcement/platform-text.ts';
import { tEn, tZh } from '../../../../support/translator.ts';

const time = (ms: number) => `<${ms}>`;

describe('platform lines', () => {
  it('a delivered outcome: when and where, in Chinese and English', () => {
    const p = { action: 'force_red' as const, effectiveAt: 1, deliveredAt: 2, deliveredTo: 'postgres://hcc@10.0.0.5:5432/exchange' };
    expect(platformLine(tZh, time, p)).toEqual({
      action: '转为红码',
      effective: '<1> 起',
      delivered: true,
      status: '平台已接收：<2>',
      detail: '发送至 postgres://hcc@10.0.0.5:5432/exchange',
    });
    expect(platformLine(tEn, time, p)).toMatchObject({ action: 'Code forced red', status: 'delivered to the platform at <2>' });
  });

  it('an outcome waiting to be sent, and every action has words in both languages', () => {
    const waiting = { action: 'void' as const, effectiveAt: 1, deliveredAt: null, deliveredTo: null };
    expect(platformLine(tZh, time, waiting)).toMatchObject({ delivered: false, status: '待发送' });
    expect(platformLine(tEn, time, waiting)).toMatchObject({ delivered: false, status: 'waiting to be sent' });
    for (const action of ['force_red', 'void', 'end'] as const) {
      for (const t of [tZh, tEn]) expect(platformLine(t, time, { ...waiting, action }).action).not.toContain('enforcement.');
    }
  });
});
