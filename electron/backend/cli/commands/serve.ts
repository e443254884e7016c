import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDatabasePath } from '../../app/data-dir.ts';
import { createConsoleServices } from '../../api/console-services.ts';
import { firstAdministratorNotice } from '../../auth/first-administrator.ts';
import { startBridge } from '../../server/http-bridge.ts';
import { networkHostProblem, networkWarning } from '../../server/network-host.ts';
import { UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openDatabaseWithArgs } from '../open-db.ts';
import { makeOwnPrivateDir, makePrivateDir } from '../../files/private-files.ts';

const RENDERER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../out/renderer');

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--db F] [--port P] [--host 127.0.0.1] [--allow-network]',
  spec: { values: ['db', 'port', 'host', 'static'], flags: ['load-demo', 'allow-network'] },
  async run(args, out) {
    const file = resolve(args.options.get('db') ?? defaultDatabasePath());
    // The console's own data folder is made 0700; a folder the user named is changed only if new.
    (args.options.has('db') ? makePrivateDir : makeOwnPrivateDir)(dirname(file));
    const portRaw = args.options.get('port') ?? '5183';
    if (!/^\d+$/.test(portRaw) || Number(portRaw) > 65535) throw new UsageError(`--port must be a port number, not ${portRaw}`);
    const host = args.options.get('host') ?? '127.0.0.1';
    const hostProblem = args.flags.has('allow-network') ? null : networkHostProblem(host);
    if (hostProblem) throw new UsageError(hostProblem);
    const db = openDatabaseWithArgs(args, file);
    // --load-demo is still accepted (older scripts and docs pass it), but nothing is loaded here: the
    // first start is the page's, as in the desktop (app/first-start.ts): the administrator first,
    // then the offer of the demo city, which loads as a job.
    const services = createConsoleServices(db, dirname(file));
    const bridge = await startBridge({ host, port: Number(portRaw), staticDir: args.options.get('static') ?? RENDERER_DIR, services });
    if (networkHostProblem(host)) process.stderr.write(networkWarning(host, bridge.url));
    // Which way the first administrator comes (auth/first-administrator.ts); the code, if any, only here.
    const first = firstAdministratorNotice(db, services.setupCode);
    out.result(
      { url: bridge.url, db: file, firstAdministrator: first.json },
      () => `console at ${bridge.url} (database ${file}); Ctrl-C to stop${first.text ? `\n${first.text}` : ''}`,
    );
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
    await services.jobs.close();
    await bridge.close();
    db.close();
  },
};
