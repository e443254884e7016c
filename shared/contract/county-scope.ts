/**
 * Which parameters of a method point at something that belongs to a county: a person (by
 * reference) or a case (by id). The dispatch checks each against the session's county scope before
 * the handler runs, and a test walks this table with other counties' people and cases. The compiler
 * makes every method whose parameters have a `ref` or an `id` appear here, so a new method that
 * takes a person or a case cannot be added without saying what the reference points at.
 */
import type { MethodName, ParamsOf } from './api.ts';

/** A person by session-bound reference; a case by its number (its credit record goes with it). */
export type ScopedKind = 'person' | 'case';

type Keys<M extends MethodName> = string extends keyof ParamsOf<M> ? never : keyof ParamsOf<M>;
type Declared<M extends MethodName> = Extract<Keys<M>, 'ref' | 'id'>;
type MustDeclare = { [M in MethodName]: [Declared<M>] extends [never] ? never : M }[MethodName];

export type ScopedParams = {
  readonly [M in MustDeclare]: { readonly [K in Declared<M>]: ScopedKind };
} & {
  readonly [M in Exclude<MethodName, MustDeclare>]?: never;
};

export const SCOPED_PARAMS: ScopedParams = {
  'people.get': { ref: 'person' },
  'people.unmask': { ref: 'person' },
  'cases.get': { id: 'case' },
  'cases.move': { id: 'case' },
  'cases.flag': { ref: 'person' },
  'cases.ofPerson': { ref: 'person' },
  'credit.report': { ref: 'person' },
};

/** The table's rows as [method, parameter, kind], for the dispatch and the tests that walk it. */
export function scopedParams(): [MethodName, 'ref' | 'id', ScopedKind][] {
  return Object.entries(SCOPED_PARAMS).flatMap(([method, params]) =>
    Object.entries(params as Record<string, ScopedKind>).map(
      ([name, kind]) => [method as MethodName, name as 'ref' | 'id', kind] as [MethodName, 'ref' | 'id', ScopedKind],
    ),
  );
}
