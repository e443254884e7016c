/**
 * Handlers of county sign-off (issue 17): the state of a day's sign-offs (every role that sees the
 * dashboard; a county account its own county) and a county officer's sign-off. Who may sign which
 * county is decided in the service (signoff/county-signoff.ts), as for `hcc signoff`.
 */
import type { ValidParams } from '../../../../shared/contract/api.ts';
import type { CountySignoffState, SignoffStatus } from '../../../../shared/contract/signoff.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import { signOffCounty, signoffStatus } from '../../signoff/county-signoff.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { countyScope } from '../county-scope.ts';

export function status(ctx: CallContext, p: ValidParams<'signoff.status'>): SignoffStatus {
  const { user } = sessionOf(ctx);
  const day = p.day ?? defaultAsOfDay(ctx.services.db, ctx.services.now);
  return signoffStatus(ctx.services.db, day, countyScope(ctx), user);
}

export function sign(ctx: CallContext, p: ValidParams<'signoff.sign'>): CountySignoffState {
  const { user } = sessionOf(ctx);
  return signOffCounty(ctx.services.db, user, { day: p.day, county: p.county, at: ctx.services.now() });
}
