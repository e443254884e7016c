/**
 * The one county-scope check. A county-scoped account (users.county) sees and acts on its county's
 * people and cases only: a person reference is decoded for this session and the person's county
 * compared with the session's; a case's county with the session's. Out of scope answers exactly as
 * "no such person / case" does, so a county user cannot learn that someone exists elsewhere. The
 * dispatch runs it for every parameter SCOPED_PARAMS names, and handlers get their person or case
 * only through it.
 */
import type { MethodName } from '../../../shared/contract/api.ts';
import { SCOPED_PARAMS, type ScopedKind } from '../../../shared/contract/county-scope.ts';
import { type CaseRow, getCase } from '../enforcement/cases.ts';
import { personInCounty } from '../people/person-county.ts';
import { ApiFailure } from '../failures/api-failure.ts';
import { type CallContext, sessionOf } from './context.ts';

/** The session's county, or null for a city-wide account. */
export function countyScope(ctx: CallContext): string | null {
  return sessionOf(ctx).user.county;
}

/**
 * The county a list, search or dashboard shows: a county-scoped account always gets its own,
 * whatever it asked for (a parameter can narrow a city-wide view, never widen a county's).
 */
export function scopedCounty(ctx: CallContext, asked: string | null | undefined): string | null {
  return countyScope(ctx) ?? asked ?? null;
}

/** A reference to a person for this session's page. */
export function refOf(ctx: CallContext, personId: string): string {
  return ctx.services.refs.toRef(personId, sessionOf(ctx));
}

const noSuchPerson = () => ApiFailure.because('not_found', { code: 'people.noSuchPerson' });

/** The ID number behind a reference made for this session, if the person is in the session's scope. */
export function resolvePerson(ctx: CallContext, ref: string): string {
  const personId = ctx.services.refs.fromRef(ref, sessionOf(ctx));
  if (!personId || !personInCounty(ctx.services.db, personId, countyScope(ctx))) throw noSuchPerson();
  return personId;
}

/** A case, if it is in the session's scope (its credit record and person go with it). */
export function caseInScope(ctx: CallContext, id: number): CaseRow {
  const c = getCase(ctx.services.db, id);
  const county = countyScope(ctx);
  if (!c || (county !== null && c.county_code !== county))
    throw ApiFailure.because('not_found', { code: 'cases.noSuchCase', params: { id } });
  return c;
}

/** The parameters come parsed by the method's schema (a reference is text, a case id a whole number). */
const CHECKS: Record<ScopedKind, (ctx: CallContext, value: unknown) => unknown> = {
  person: (ctx, value) => resolvePerson(ctx, String(value)),
  case: (ctx, value) => caseInScope(ctx, Number(value)),
};

/** Before a handler runs, after its parameters' schema: every person or case they name is in the caller's scope. */
export function checkScopedParams(ctx: CallContext, method: MethodName, params: object): void {
  const declared = (SCOPED_PARAMS as Partial<Record<MethodName, Record<string, ScopedKind>>>)[method];
  if (!declared || !ctx.session) return;
  for (const [name, kind] of Object.entries(declared)) CHECKS[kind](ctx, (params as Record<string, unknown>)[name]);
}
