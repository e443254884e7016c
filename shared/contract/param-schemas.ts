/**
 * The building blocks of the methods' parameter schemas (valibot), each with what it expects said in
 * both languages after the parameter's name ("limit must be a whole number from 1 to 200"). The
 * messages follow the parse's language: dispatch parses with `lang: 'en'` and, for a refusal,
 * once more with `lang: 'zh'` (valibot's own way of choosing a message's language). A message is
 * made where the issue arises, before valibot knows which key it is under, so it holds PARAM, and
 * refusalText() puts the parameter's name there once the issue has its path.
 */
import * as v from 'valibot';
import { isCountyCode } from '../domain/counties.ts';
import { type FeedName, FEED_NAMES } from '../domain/feeds/feed-schemas.ts';
import { type Day, parseDay } from '../domain/local-date.ts';

/** A refusal in both languages. */
export interface Said {
  en: string;
  zh: string;
}

/** What a parameter named `name` should be. */
export type Expectation = (name: string) => Said;

/** Where a message names its parameter, until the issue's path says which one it is. */
export const PARAM = '{param}';

/** The parameter an issue is about, as the page named it ("ref", or "parameters" for the whole). */
export function paramName(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map((p) => String(p.key)).join('.') || 'parameters';
}

/** An issue's message with its parameter named. */
export function refusalText(issue: v.BaseIssue<unknown>): string {
  return issue.message.replaceAll(PARAM, paramName(issue));
}

const inLanguage = (issue: v.BaseIssue<unknown>, said: Said) => (issue.lang === 'zh' ? said.zh : said.en);

/** A valibot message: the expectation, in the language of the parse. */
export function say(expect: Expectation): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => inLanguage(issue, expect(PARAM));
}

/** The expectation each building block carries, so a missing key is refused with it too. */
const EXPECTED = new WeakMap<object, Expectation>();

function expecting<S extends object>(schema: S, expect: Expectation): S {
  EXPECTED.set(schema, expect);
  return schema;
}

/** What a missing parameter is told: its own expectation unless the method says otherwise. */
export function expectationOf(schema: unknown): Expectation | undefined {
  return typeof schema === 'object' && schema !== null ? EXPECTED.get(schema) : undefined;
}

/** '' and null (an emptied form field) count as not given, as the page sends them. */
const blankToUndefined = <T>(x: T | null | ''): T | undefined => (x === '' || x === null ? undefined : x);

const textOf =
  (max: number): Expectation =>
  (n) => ({ en: `${n} must be text (1 to ${max} characters)`, zh: `${n} 应为文本（1至${max}个字符）` });
const dayLike: Expectation = (n) => ({ en: `${n} must be a date like 2020-02-20`, zh: `${n} 应为日期，如 2020-02-20` });

export function text(max = 500) {
  const expect = textOf(max);
  const m = say(expect);
  return expecting(v.pipe(v.string(m), v.minLength(1, m), v.maxLength(max, m)), expect);
}

/** Text or nothing (null counts as nothing). */
export function optionalText(max = 500) {
  return v.optional(
    v.pipe(
      v.nullable(v.string(say(textOf(max)))),
      v.transform((x) => x ?? undefined),
      v.optional(text(max)),
    ),
  );
}

/** Text, or null to clear it ('' too: an emptied form field); not given: unchanged. */
export function textOrNull(max = 500) {
  const m = say((n) => ({ en: `${n} must be text (1 to ${max} characters) or empty`, zh: `${n} 应为文本（1至${max}个字符）或留空` }));
  return v.optional(
    v.pipe(
      v.nullable(v.string(m)),
      v.transform((s) => (s === '' ? null : s)),
      v.nullable(text(max)),
    ),
  );
}

export function wholeNumber(min: number, max: number) {
  const expect: Expectation = (n) => ({ en: `${n} must be a whole number from ${min} to ${max}`, zh: `${n} 应为${min}到${max}之间的整数` });
  const m = say(expect);
  return expecting(v.pipe(v.number(m), v.integer(m), v.minValue(min, m), v.maxValue(max, m)), expect);
}

/** A whole number, `fallback` when not given (a page, a limit). */
export function wholeNumberOr(min: number, max: number, fallback: number) {
  return v.optional(wholeNumber(min, max), fallback);
}

export function yesNo() {
  const expect: Expectation = (n) => ({ en: `${n} must be true or false`, zh: `${n} 应为是或否` });
  return expecting(v.boolean(say(expect)), expect);
}

/** A local date `YYYY-MM-DD` (IsoDay), handed to the handler as a Day. */
export function isoDay() {
  const m = say(dayLike);
  const schema = v.pipe(
    v.string(m),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, m),
    v.check((s) => parseDay(s) !== null, m),
    v.transform((s): Day => parseDay(s)!),
  );
  return expecting(schema, dayLike);
}

/** A date or none ('' and null: none). */
export function optionalDay() {
  return v.optional(v.pipe(v.nullable(v.string(say(dayLike))), v.transform(blankToUndefined<string>), v.optional(isoDay())));
}

export function feedName() {
  const expect: Expectation = (n) => ({
    en: `${n} must be a feed name (${FEED_NAMES.join(', ')})`,
    zh: `${n} 应为数据源名称（${FEED_NAMES.join('、')}）`,
  });
  return expecting(v.picklist(FEED_NAMES as readonly FeedName[], say(expect)), expect);
}

/** One of the words the contract names (a state, a move, a role). */
export function oneOf<T extends string>(values: readonly T[]) {
  const expect: Expectation = (n) => ({ en: `${n} must be one of ${values.join(', ')}`, zh: `${n} 应为以下之一：${values.join('、')}` });
  return expecting(v.picklist(values, say(expect)), expect);
}

/** One of the words or none ('' and null: none). */
export function optionalOneOf<T extends string>(values: readonly T[]) {
  const m = say((n) => ({ en: `${n} must be one of ${values.join(', ')}`, zh: `${n} 应为以下之一：${values.join('、')}` }));
  return v.optional(v.pipe(v.nullable(v.string(m)), v.transform(blankToUndefined<string>), v.optional(oneOf(values))));
}

/**
 * A county code, null (or ''): the whole city, or not given: unchanged / the default. A county's own
 * account is held to its county whatever this says (api/county-scope.ts).
 */
export function countyCode() {
  const m = say((n) => ({ en: `${n} must be one of Binzhou's county codes`, zh: `${n} 应为滨州县区代码` }));
  return v.optional(
    v.pipe(
      v.nullable(v.string(m)),
      v.transform((s) => (s === '' ? null : s)),
      v.check((s) => s === null || isCountyCode(s), m),
    ),
  );
}

/** Where the desktop's save dialog said to write (main sets it; a page cannot, see api/export-target.ts). */
export function exportTarget() {
  return v.optional(v.string(say((n) => ({ en: `${n} must be a file path`, zh: `${n} 应为文件路径` }))));
}

type Entries = v.ObjectEntries;

/** A missing key's message (its issue knows the key): the method's own words for it, else the key's expectation. */
function missingKey(entries: Entries, missing: Partial<Record<string, Expectation>>): Expectation {
  return (n) => (missing[n] ?? expectationOf(entries[n]) ?? ((k: string) => ({ en: `${k} is required`, zh: `缺少参数 ${k}` })))(n);
}

/** An object's message: about a key it lacks, or (strict) one it does not know. */
function objectMessage(expect: Expectation): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => inLanguage(issue, expect(paramName(issue)));
}

/**
 * A method's parameters: keys it does not know are dropped (the handler never sees them), a
 * missing one is refused with what it should be, or with `missing`'s words for it.
 */
export function params<E extends Entries>(entries: E, missing: Partial<Record<keyof E & string, Expectation>> = {}) {
  return v.object(entries, objectMessage(missingKey(entries, missing)));
}

/** Like params(), but a key it does not know is refused (settings where a typo would be lost). */
export function strictParams<E extends Entries>(entries: E, unknownKey: Expectation) {
  const missing = missingKey(entries, {});
  return v.strictObject(
    entries,
    objectMessage((n) => (Object.prototype.hasOwnProperty.call(entries, n) ? missing(n) : unknownKey(n))),
  );
}

/** An ISO week `YYYY-Www` (2020-W08), as the weekly report names it; handed on as written. */
export function isoWeek() {
  const expect: Expectation = (n) => ({ en: `${n} must be a week like 2020-W08`, zh: `${n} 应为周次，如 2020-W08` });
  const m = say(expect);
  return expecting(v.pipe(v.string(m), v.regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, m)), expect);
}
