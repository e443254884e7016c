/** One home for the user-facing words (issue 13 §4): the page's tables take them from shared/words. */
import { describe, expect, test } from 'vitest';
import { CASE_STATES } from '../../../../shared/domain/cases.ts';
import { FEED_NAMES } from '../../../../shared/domain/feeds/feed-schemas.ts';
import {
  BEHAVIOR_WORDS,
  CASE_STATE_WORDS,
  CASE_STEP_WORDS,
  COLOUR_WORDS,
  FEED_WORDS,
  actorName,
} from '../../../../shared/words/domain-words.ts';
import { ERROR_WORDS, errorReasonBoth, errorReasonText, passwordProblemReason } from '../../../../shared/words/error-words.ts';
import { fillWords } from '../../../../shared/words/translate.ts';
import { openedByText } from '../../../../renderer/src/features/enforcement/enforcement-text.ts';
import { tEn, tZh } from '../../../support/translator.ts';

describe('the words of the domain', () => {
  test('a case state reads the same on the screens as in shared/ (待核查, not 疑似: that is a health status)', () => {
    expect(tZh('enforcement.state.suspected')).toBe('待核查');
    for (const s of CASE_STATES) {
      expect(tZh(`enforcement.state.${s}`)).toBe(CASE_STATE_WORDS[s].zh);
      expect(tEn(`enforcement.state.${s}`)).toBe(CASE_STATE_WORDS[s].en);
    }
    for (const step of Object.keys(CASE_STEP_WORDS) as (keyof typeof CASE_STEP_WORDS)[])
      expect(tZh(`enforcement.move.${step}`)).toBe(CASE_STEP_WORDS[step].zh);
  });

  test('colours and feeds on the screens are the shared words (未申领 is the spec’s word for no code)', () => {
    expect(tZh('color.none')).toBe('未申领');
    for (const c of ['red', 'yellow', 'green', 'none'] as const)
      expect([tZh(`color.${c}`), tEn(`color.${c}`)]).toEqual([COLOUR_WORDS[c].zh, COLOUR_WORDS[c].en]);
    for (const f of FEED_NAMES) expect([tZh(`feed.${f}`), tEn(`feed.${f}`)]).toEqual([FEED_WORDS[f].zh, FEED_WORDS[f].en]);
    expect(BEHAVIOR_WORDS.screenshot.zh).toBe('套取截图');
  });

  test('the system as an actor: the console and the documents use one word', () => {
    expect(openedByText(tZh, 'detector')).toBe(actorName('detector', 'zh'));
    expect(openedByText(tEn, 'system')).toBe(actorName('system', 'en'));
    expect(actorName('cre', 'zh')).toBe('cre');
  });
});

describe('errors as a code and parameters', () => {
  test('a reason renders in either language with its parameters; the backend sentences are the same words', () => {
    const reason = { code: 'auth.tooManyFailures', params: { minutes: 3 } } as const;
    expect(errorReasonText(reason, 'zh')).toBe('登录失败次数过多，请3分钟后再试');
    expect(errorReasonText(reason, 'en')).toBe('too many failed sign-ins; try again in 3 minute(s)');
    expect(errorReasonBoth(reason)).toEqual({
      zh: '登录失败次数过多，请3分钟后再试',
      en: 'too many failed sign-ins; try again in 3 minute(s)',
    });
    expect(errorReasonBoth(passwordProblemReason('too_short')).zh).toBe('密码至少12位');
  });

  test('a code this version does not know renders as nothing (the caller falls back to the sentence)', () => {
    expect(errorReasonText({ code: 'cases.somethingNew' }, 'zh')).toBeNull();
    expect(errorReasonText({ code: 'toString' }, 'en')).toBeNull();
  });

  test('every error reason has words in both languages, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, words] of Object.entries(ERROR_WORDS)) {
      expect(words.en.trim(), code).not.toBe('');
      expect(words.zh.trim(), code).not.toBe('');
      expect(words.zh, `${code} has Chinese words`).toMatch(/[\u4e00-\u9fff]/);
      expect(placeholders(words.zh), code).toEqual(placeholders(words.en));
    }
  });

  test('the page’s network message is the shared one; placeholders without a value stay visible', () => {
    expect(tZh('error.network')).toBe(ERROR_WORDS.network.zh);
    expect(fillWords('{a} und {b}', { a: 1 })).toBe('1 und {b}');
  });
});
