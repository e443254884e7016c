/**
 * `hcc exchange load --from DIR --pg URL`: fills an exchange database (PostgreSQL) from an exchange
 * directory, so the pull can be tried on real tables (exchange-load.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { loadExchange } from '../../exchange-db/exchange-load.ts';
import { type PostgresSource, parsePostgresUrl, readConnectionFile, sourceName } from '../../exchange-db/pg-source.ts';
import { type ParsedArgs, UsageError, required } from '../args.ts';
import type { Command } from '../command.ts';
import type { Output } from '../output.ts';
import { table } from '../output.ts';

/** The exchange database named by `--pg URL` or `--source-pg FILE` (password: URL, file or PGPASSWORD). */
export function exchangeTarget(args: ParsedArgs): PostgresSource | null {
  const file = args.options.get('source-pg');
  const url = args.options.get('pg');
  if (!file && !url) return null;
  const s = file ? readConnectionFile(file) : parsePostgresUrl(url!);
  return { ...s, password: s.password ?? process.env.PGPASSWORD ?? null };
}

export async function loadAndReport(target: PostgresSource, dir: string, out: Output): Promise<Awaited<ReturnType<typeof loadExchange>>> {
  const loaded = await loadExchange(target, dir, (f) =>
    out.progress(f.skipped ? `  ${f.file}: not loaded — ${f.skipped}` : `  ${f.file}: ${f.rows} rows`),
  );
  return loaded;
}

export const exchangeCommand: Command = {
  name: 'exchange',
  usage: 'exchange load --from DIR (--pg postgres://USER@HOST:PORT/DB | --source-pg FILE)',
  spec: { values: ['from', 'pg', 'source-pg'], flags: [], positionals: 1 },
  async run(args, out) {
    const [action] = args.positionals;
    if (action !== 'load') throw new UsageError('usage: hcc exchange load --from DIR --pg postgres://USER@HOST:PORT/DB');
    const dir = required(args, 'from');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--from ${dir} is not an exchange directory`);
    const target = exchangeTarget(args);
    if (!target) throw new UsageError('give the exchange database: --pg postgres://USER@HOST:PORT/DB or --source-pg FILE');
    const loaded = await loadAndReport(target, dir, out);
    out.result({ target: sourceName(target), rows: loaded.rows, files: loaded.files }, () =>
      [
        `loaded into ${sourceName(target)}:`,
        table(
          ['table', 'rows'],
          Object.entries(loaded.rows).map(([f, n]) => [f, n]),
        ),
        ...loaded.files.filter((f) => f.skipped).map((f) => `NOT LOADED ${f.file}: ${f.skipped}`),
      ].join('\n'),
    );
  },
};
