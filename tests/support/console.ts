/**
 * A real console backend for tests: a database file in a temp folder (optionally with a synced demo
 * city), the services, and calls through the one dispatch, as a given user.
 */
import { join } from 'node:path';
import type { MethodName, ParamsOf, ResultOf, ApiResponse } from '../../shared/contract/api.ts';
import type { CallContext, ConsoleServices } from '../../electron/backend/api/context.ts';
import { dispatch } from '../../electron/backend/api/dispatch.ts';
import { createConsoleServices } from '../../electron/backend/api/console-services.ts';
import { createUser } from '../../electron/backend/auth/users.ts';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../electron/backend/demo/demo-city.ts';
import { recomputeColours } from '../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../electron/backend/sync/sync-directory.ts';

export const PASSWORD = 'test-password-1';

export interface TestConsole {
  services: ConsoleServices;
  dir: string;
  /** Calls a method as `user` (signed in on first use), or anonymously with null. */
  /** `via` 'ipc' is the desktop window's transport (a chosen save path is honoured). */
  call<M extends MethodName>(
    user: string | null,
    method: M,
    params: ParamsOf<M>,
    via?: CallContext['transport'],
  ): Promise<ApiResponse<ResultOf<M>>>;
  ok<M extends MethodName>(user: string | null, method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  /** A person reference as `user`'s session receives one (references are bound to the session). */
  ref(user: string, personId: string): Promise<string>;
  /** The ID number behind a reference `user`'s session received (null when it is not one). */
  idOf(user: string, ref: string): Promise<string | null>;
}

export async function testConsole(
  dir: string,
  options: { demo?: { people: number; days: number }; users?: { name: string; role: string; county?: string | null }[] } = {},
): Promise<TestConsole> {
  const db = openDatabase(join(dir, 'console.db'));
  if (options.demo) {
    const city = await writeDemoCity({ out: join(dir, 'city'), people: options.demo.people, days: options.demo.days, seed: 5 });
    await syncDirectory(db, { source: city.dir });
    await recomputeColours(db, { workers: 0 });
  }
  for (const u of options.users ?? []) await createUser(db, { name: u.name, role: u.role, county: u.county ?? null, password: PASSWORD });
  const services = createConsoleServices(db, dir);
  const tokens = new Map<string, string>();
  const call = async <M extends MethodName>(
    user: string | null,
    method: M,
    params: ParamsOf<M>,
    via: CallContext['transport'] = 'test',
  ) => {
    if (user && !tokens.has(user)) {
      const ctx = context(services, null, (t) => t && tokens.set(user, t));
      const r = await dispatch(ctx, 'auth.signIn', { name: user, password: PASSWORD });
      if (!r.ok) throw new Error(`sign-in of ${user} failed: ${r.error.message}`);
    }
    const ctx = { ...context(services, user ? services.sessions.get(tokens.get(user)) : null, () => undefined), transport: via };
    return (await dispatch(ctx, method, params)) as ApiResponse<ResultOf<M>>;
  };
  const signedIn = async (user: string) => {
    if (!tokens.has(user)) await call(user, 'auth.touch', {});
    const session = services.sessions.get(tokens.get(user));
    if (!session) throw new Error(`${user} has no session`);
    return session;
  };
  return {
    services,
    dir,
    call,
    ref: async (user, personId) => services.refs.toRef(personId, await signedIn(user)),
    idOf: async (user, ref) => services.refs.fromRef(ref, await signedIn(user)),
    async ok(user, method, params) {
      const r = await call(user, method, params);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}

function context(services: ConsoleServices, session: CallContext['session'], setSession: (t: string | null) => unknown): CallContext {
  return { services, session, client: 'test', transport: 'test', setSession: (t) => void setSession(t) };
}
