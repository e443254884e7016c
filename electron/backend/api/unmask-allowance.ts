/**
 * The one place that lets a full ID number or phone out to a user (people.unmask, a credit report or
 * export with full identities): it takes from the user's unmasking allowance (people/unmask-limiter)
 * and, beyond it, refuses with a message saying when to try again and flags it in the audit log.
 */
import { audit } from '../audit/audit-log.ts';
import { UNMASK_LIMIT, UNMASK_WINDOW_MS } from '../people/unmask-limiter.ts';
import { ApiFailure } from '../failures/api-failure.ts';
import { type CallContext, sessionOf } from './context.ts';

export function takeUnmasking(ctx: CallContext, what: 'people.unmask' | 'credit.report' | 'credit.export' | 'figures.export'): void {
  const user = sessionOf(ctx).user.name;
  const r = ctx.services.unmasks.take(user);
  if (r.ok) return;
  const minutes = UNMASK_WINDOW_MS / 60_000;
  if (r.flag)
    audit(ctx.services.db, {
      user,
      action: 'unmask.limit_reached',
      details: { method: what, limit: UNMASK_LIMIT, windowMinutes: minutes },
      at: ctx.services.now(),
    });
  throw ApiFailure.because('rate_limited', {
    code: 'people.unmaskLimit',
    params: { limit: UNMASK_LIMIT, minutes, retry: r.retryInMinutes },
  });
}
