/** Handlers of the People screen, scoped to the user's county when they have one (api/county-scope). */
import type { PersonDetail, PersonSummary } from '../../../../shared/contract/people.ts';
import type { Day } from '../../../../shared/domain/local-date.ts';
import { can } from '../../../../shared/domain/roles.ts';
import { audit } from '../../audit/audit-log.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import { personInCounty } from '../../people/person-county.ts';
import { auditTargetOf, findPeople, identity, personDetail, summarize } from '../../people/people-service.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { countyScope, refOf, resolvePerson } from '../county-scope.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';
import { takeUnmasking } from '../unmask-allowance.ts';
import { maskPersonId } from '../../../../shared/domain/masking.ts';

function defaultDay(ctx: CallContext): Day {
  return defaultAsOfDay(ctx.services.db, ctx.services.now);
}

export function peopleSearch(ctx: CallContext, p: ValidParams<'people.search'>): PersonSummary[] {
  const { query, limit } = p;
  const asOf = defaultDay(ctx);
  const db = ctx.services.db;
  // The scope check's own county (not the one shown for the date), so every result can be opened.
  const scope = countyScope(ctx);
  return findPeople(db, query, limit * (scope ? 4 : 1))
    .filter((who) => personInCounty(db, who.person_id, scope))
    .slice(0, limit)
    .map((who) => summarize(db, who, asOf, refOf(ctx, who.person_id)));
}

export function peopleGet(ctx: CallContext, p: ValidParams<'people.get'>): PersonDetail {
  const asOf = p.asOf ?? defaultDay(ctx);
  const { ref } = p;
  const id = resolvePerson(ctx, ref);
  const detail = personDetail(ctx.services.db, id, asOf, ref, can(sessionOf(ctx).user.role, 'people.unmask'));
  if (!detail) throw ApiFailure.because('not_found', { code: 'people.notInAnyFeed' });
  return detail;
}

export function peopleUnmask(ctx: CallContext, p: ValidParams<'people.unmask'>): { value: string } {
  const { field } = p;
  const id = resolvePerson(ctx, p.ref);
  const db = ctx.services.db;
  const value = field === 'id' ? id : identity(db, id).phone;
  if (!value) throw ApiFailure.because('not_found', { code: 'people.noPhone' });
  takeUnmasking(ctx, 'people.unmask');
  // Every unmasking is recorded: who saw whose ID or phone, when. The person by keyed hash only.
  audit(db, {
    user: sessionOf(ctx).user.name,
    action: 'people.unmask',
    target: auditTargetOf(db, id),
    details: { field, masked: maskPersonId(id) },
    at: ctx.services.now(),
  });
  return { value };
}
