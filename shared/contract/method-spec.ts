/** What a row of the method table is (methods.ts, report-methods.ts): its parameters' schema and who may call it. */
import type * as v from 'valibot';
import type { Permission } from '../domain/roles.ts';
import { params, wholeNumberOr } from './param-schemas.ts';

/** Who may call a method: anyone, any signed-in user, or a permission. */
export type Access = 'public' | 'signed-in' | Permission;

export interface MethodSpec {
  params:
    | v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>
    | v.StrictObjectSchema<v.ObjectEntries, v.ErrorMessage<v.StrictObjectIssue> | undefined>;
  access: Access;
}

/** A page of a list: from `offset`, at most `max` rows (50 unless asked). */
export const page = (max: number) => ({ offset: wholeNumberOr(0, 1e9, 0), limit: wholeNumberOr(1, max, 50) });
/** A method without parameters. */
export const none = () => params({});
