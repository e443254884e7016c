/**
 * The key-area what-if and the published versions (Settings, issue 17). The what-if is a dry run
 * on the database clock: the change would be published now, and "today" is the dashboard's day.
 */
import type { KeyAreaVersionRow, KeyAreaWhatIf } from '../../../../shared/contract/key-area-whatif.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import { keyAreaVersions } from '../../key-areas/versions.ts';
import { keyAreaWhatIf } from '../../key-areas/what-if.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import type { CallContext } from '../context.ts';

/** A pause between chunks: other calls to the server are answered meanwhile. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function keyAreasWhatIf(ctx: CallContext, p: ValidParams<'keyAreas.whatif'>): Promise<KeyAreaWhatIf> {
  const to = p.effectiveTo ?? null;
  if (to !== null && to < p.effectiveFrom) throw ApiFailure.because('bad_request', { code: 'keyAreas.toBeforeFrom' });
  const { db, now } = ctx.services;
  return keyAreaWhatIf(
    db,
    {
      regionCode: p.regionCode,
      name: p.name ?? null,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: to,
      previousFrom: p.previousFrom ?? null,
    },
    { now: now(), today: defaultAsOfDay(db, now), yieldEvery: breathe },
  );
}

export function keyAreasVersions(ctx: CallContext): KeyAreaVersionRow[] {
  return keyAreaVersions(ctx.services.db);
}
