import { writeDemoCity } from '../../demo/demo-city.ts';
import { markDemoExchange } from '../../exchange-db/exchange-load.ts';
import { sourceName } from '../../exchange-db/pg-source.ts';
import { exchangeTarget, loadAndReport } from './exchange.ts';
import { UsageError, positiveInt, required } from '../args.ts';
import type { Command } from '../command.ts';
import { table } from '../output.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --out DIR --people N --days D [--seed S] [--start YYYY-MM-DD] [--pg postgres://USER@HOST:PORT/DB | --source-pg FILE]',
  spec: { values: ['out', 'people', 'days', 'seed', 'start', 'pg', 'source-pg'], flags: [] },
  async run(args, out) {
    const dir = required(args, 'out');
    const start = args.options.get('start') ?? '2020-02-10';
    if (parseDay(start) === null || !/^\d{4}-\d{2}-\d{2}$/.test(start))
      throw new UsageError(`--start must be a date like 2020-02-10, not ${start}`);
    const seedRaw = args.options.get('seed');
    if (seedRaw !== undefined && !/^\d+$/.test(seedRaw)) throw new UsageError(`--seed must be a whole number, not ${seedRaw}`);
    // Checked before the city is written: a wrong address fails at once, not after minutes.
    const target = exchangeTarget(args);
    const result = await writeDemoCity(
      {
        out: dir,
        people: positiveInt(args, 'people'),
        days: positiveInt(args, 'days'),
        seed: seedRaw === undefined ? 1 : Number(seedRaw),
        start,
      },
      (p) => out.progress(`${p.feed} day ${p.day + 1}: ${p.rows} rows`),
    );
    let loadedInto: string | null = null;
    if (target) {
      // The same city in an exchange database: `hcc sync --source postgres://…` pulls it.
      out.progress(`loading the demo city into ${sourceName(target)}`);
      await loadAndReport(target, result.dir, out);
      const days = Number(args.options.get('days'));
      await markDemoExchange(target, { start, days });
      loadedInto = sourceName(target);
    }
    out.result({ dir: result.dir, files: result.files, rows: result.rows, exchange_database: loadedInto }, () =>
      [
        `demo city written to ${result.dir} (${result.files.length} files)`,
        ...(loadedInto ? [`and loaded into the exchange database ${loadedInto}`] : []),
        table(
          ['feed', 'rows'],
          Object.entries(result.rows).map(([f, n]) => [f, n]),
        ),
      ].join('\n'),
    );
  },
};
