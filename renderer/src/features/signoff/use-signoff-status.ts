import type { SignoffStatus } from '../../../../shared/contract/api.ts';
import { type ApiData, type ApiDep, useApi } from '../../api/use-api.ts';

/** The counties' sign-off of `day` (null: not known yet, nothing asked); asked again when a dependency changes. */
export function useSignoffStatus(day: string | null, deps: readonly ApiDep[]): ApiData<SignoffStatus> {
  return useApi('signoff.status', day === null ? null : { day }, deps);
}
