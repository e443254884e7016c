import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDatabasePath } from '../../app/data-dir.ts';
import { createConsoleServices } from '../../app/console-services.ts';
import { openDatabase } from '../../db/database.ts';
import { startBridge } from '../../server/http-bridge.ts';
import { UsageError } from '../args.ts';
import type { Command } from '../command.ts';

const RENDERER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../out/renderer');

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--db F] [--port P] [--host 127.0.0.1]',
  spec: { values: ['db', 'port', 'host', 'static'], flags: ['load-demo'] },
  async run(args, out) {
    const file = resolve(args.options.get('db') ?? defaultDatabasePath());
    mkdirSync(dirname(file), { recursive: true });
    const portRaw = args.options.get('port') ?? '5183';
    if (!/^\d+$/.test(portRaw) || Number(portRaw) > 65535) throw new UsageError(`--port must be a port number, not ${portRaw}`);
    const host = args.options.get('host') ?? '127.0.0.1';
    const db = openDatabase(file);
    // --load-demo is still accepted (older scripts and docs pass it), but nothing is loaded here: the
    // first start is the page's, as in the desktop (app/first-start.ts): the administrator first,
    // then the offer of the demo city, which loads as a job.
    const services = createConsoleServices(db, dirname(file));
    const bridge = await startBridge({ host, port: Number(portRaw), staticDir: args.options.get('static') ?? RENDERER_DIR, services });
    out.result({ url: bridge.url, db: file }, () => `console at ${bridge.url} (database ${file}); Ctrl-C to stop`);
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
    await services.jobs.close();
    await bridge.close();
    db.close();
  },
};
