/** The page renders an error's reason from shared/words in its own language, and falls back to the console's sentence (issue 13 §4). */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { ApiCallError as ApiCallErrorClass } from '../../../../renderer/src/api/api-error.ts';
import type { errorText as errorTextFn } from '../../../../renderer/src/components/error-text.ts';
import { tEn, tZh } from '../../../support/translator.ts';

vi.stubGlobal('window', {});
let errorText: typeof errorTextFn;
let ApiCallError: typeof ApiCallErrorClass;
beforeAll(async () => {
  ({ errorText } = await import('../../../../renderer/src/components/error-text.ts'));
  ({ ApiCallError } = await import('../../../../renderer/src/api/api-error.ts'));
});

describe('error reasons', () => {
  test('the reason wins over the sentence, in the page’s language, with its parameters', () => {
    const e = new ApiCallError('rate_limited', 'an older sentence', '旧的句子', { code: 'auth.tooManyFailures', params: { minutes: 7 } });
    expect(errorText(e, tZh, 'zh')).toBe('登录失败次数过多，请7分钟后再试');
    expect(errorText(e, tEn, 'en')).toBe('too many failed sign-ins; try again in 7 minute(s)');
  });

  test('a reason this page does not know, or none at all, shows the console’s sentence', () => {
    const newer = ApiCallError.of({
      code: 'conflict',
      message: 'a newer refusal',
      messageZh: '新的拒绝',
      reason: { code: 'auth.alreadySetUp', params: {} },
    });
    expect(errorText(newer, tZh, 'zh')).toBe('系统已完成初始设置，请直接登录');
    const unknown = new ApiCallError('conflict', 'a newer refusal', '新的拒绝', { code: 'cases.notYetKnown' } as never);
    expect(errorText(unknown, tZh, 'zh')).toBe('新的拒绝');
    expect(errorText(new ApiCallError('bad_request', 'the folder /x does not exist', '文件夹 /x 不存在'), tEn, 'en')).toBe(
      'the folder /x does not exist',
    );
  });
});
