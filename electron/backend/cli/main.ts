/**
 * `hcc`, the console's command line (CLI.md): `npm run -s cli -- <command> ...`.
 * Exit status 0 on success, 1 on an error (one line on stderr), 2 on a usage error.
 */
import { DatabaseOpenError } from '../db/database.ts';
import { UsageError, parseArgs } from './args.ts';
import type { Command } from './command.ts';
import { COMMON_FLAGS, COMMON_VALUES } from './command.ts';
import { createOutput, exitAfterFlush, tolerateClosedReaders } from './output.ts';

interface CommandEntry {
  name: string;
  usage: string;
  /** Loaded on demand: a command pulls in only the modules it needs, so `hcc` starts fast. */
  load: () => Promise<Command>;
}

const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'demo',
    usage: 'demo --out DIR --people N --days D [--seed S] [--start YYYY-MM-DD] [--pg postgres://USER@HOST:PORT/DB]',
    load: async () => (await import('./commands/demo.ts')).demoCommand,
  },
  {
    name: 'import',
    usage: 'import --db F --feed FEED [--strict] [--user U] FILE...',
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  {
    name: 'sync',
    usage: 'sync --db F (--source DIR|postgres://USER@HOST:PORT/DB | --source-pg FILE) [--user U]',
    load: async () => (await import('./commands/sync.ts')).syncCommand,
  },
  {
    name: 'exchange',
    usage: 'exchange load --from DIR (--pg postgres://USER@HOST:PORT/DB | --source-pg FILE)',
    load: async () => (await import('./commands/exchange.ts')).exchangeCommand,
  },
  {
    name: 'rejects',
    usage: 'rejects --db F [--feed FEED] [--out FILE] [--user U]',
    load: async () => (await import('./commands/rejects.ts')).rejectsCommand,
  },
  {
    name: 'code',
    usage: 'code --db F --person ID [--as-of YYYY-MM-DD]',
    load: async () => (await import('./commands/code.ts')).codeCommand,
  },
  { name: 'stats', usage: 'stats --db F [--as-of YYYY-MM-DD]', load: async () => (await import('./commands/stats.ts')).statsCommand },
  {
    name: 'forecast',
    usage: 'forecast --db F [--as-of YYYY-MM-DD] [--county CODE]',
    load: async () => (await import('./commands/forecast.ts')).forecastCommand,
  },
  {
    name: 'detect',
    usage: 'detect --db F [--full] [--as-of YYYY-MM-DD]',
    load: async () => (await import('./commands/detect.ts')).detectCommand,
  },
  {
    name: 'case',
    usage: 'case list|show|flag|review|decide|dismiss|appeal|uphold|revoke|close --db F ...',
    load: async () => (await import('./commands/case.ts')).caseCommand,
  },
  {
    name: 'decisions',
    usage: 'decisions pending --db F | decisions push --db F [--source DIR|postgres://USER@HOST:PORT/DB | --source-pg FILE] [--user U]',
    load: async () => (await import('./commands/decisions.ts')).decisionsCommand,
  },
  {
    name: 'credit',
    usage: 'credit list --db F [--out FILE.xlsx] | credit report --db F --person ID --out FILE.html',
    load: async () => (await import('./commands/credit.ts')).creditCommand,
  },
  {
    name: 'keyareas',
    usage:
      'keyareas list|versions --db F | keyareas whatif|publish --db F (--add CODE --from D [--to D] | --end CODE --on D | --backdate CODE --from D)',
    load: async () => (await import('./commands/keyareas.ts')).keyAreasCommand,
  },
  {
    name: 'briefing',
    usage: 'briefing --db F --date YYYY-MM-DD --out FILE.xlsx [--trend-from YYYY-MM-DD]',
    load: async () => (await import('./commands/briefing.ts')).briefingCommand,
  },
  {
    name: 'signoff',
    usage: 'signoff --db F --user U [--county CODE] [--as-of YYYY-MM-DD] | signoff status --db F [--as-of YYYY-MM-DD] [--json]',
    load: async () => (await import('./commands/signoff.ts')).signoffCommand,
  },
  {
    name: 'enterprises',
    usage: 'enterprises list|show|report --db F [--county C] [--as-of YYYY-MM-DD] [--credit-code X] [--week YYYY-Www --out FILE.xlsx]',
    load: async () => (await import('./commands/enterprises.ts')).enterprisesCommand,
  },
  {
    name: 'sites',
    usage: 'sites stats --db F [--as-of YYYY-MM-DD] [--kind K] [--county C]',
    load: async () => (await import('./commands/sites.ts')).sitesCommand,
  },
  {
    name: 'audit',
    usage: 'audit verify --db F [--against HASH] | audit head --db F | audit anchor --db F',
    load: async () => (await import('./commands/audit.ts')).auditCommand,
  },
  {
    name: 'serve',
    usage: 'serve [--db F] [--port P] [--host 127.0.0.1]',
    load: async () => (await import('./commands/serve.ts')).serveCommand,
  },
  {
    name: 'user',
    usage: 'user add --db F --name U --role R [--county CODE]   (password on stdin)',
    load: async () => (await import('./commands/user.ts')).userCommand,
  },
  {
    name: 'backup',
    usage: 'backup --db F --out FILE [--out-key-file K] [--user U]',
    load: async () => (await import('./commands/backup.ts')).backupCommand,
  },
  { name: 'encrypt', usage: 'encrypt --db F [--key-file K]', load: async () => (await import('./commands/encrypt.ts')).encryptCommand },
];

function usage(): string {
  return [
    'usage: hcc <command> [options]   (common: --db FILE, --key-file K, --json, --progress)',
    ...COMMANDS.map((c) => `  ${c.usage}`),
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`${name ? `unknown command ${name}\n` : ''}${usage()}\n`);
    return 2;
  }
  const command = await entry.load();
  try {
    const args = parseArgs(rest, {
      ...command.spec,
      values: [...command.spec.values, ...COMMON_VALUES],
      flags: [...command.spec.flags, ...COMMON_FLAGS],
    });
    if (args.flags.has('help')) {
      process.stdout.write(`usage: hcc ${command.usage}\n`);
      return 0;
    }
    const out = createOutput(args.flags.has('json'), args.flags.has('progress') || (process.stderr.isTTY ?? false));
    await command.run(args, out);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`hcc ${command.name}: ${err.message}\nusage: hcc ${command.usage}\n`);
      return 2;
    }
    // A database problem is said in both languages on its one line (a wrong or missing key: what to do).
    const message =
      err instanceof DatabaseOpenError && err.messageZh
        ? `${err.message} / ${err.messageZh}`
        : err instanceof Error
          ? err.message
          : String(err);
    process.stderr.write(`hcc ${command.name}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
  tolerateClosedReaders();
  // Never process.exit() directly: output still on its way down a pipe would be lost.
  main(process.argv.slice(2)).then(
    (code) => exitAfterFlush(code),
    (err: unknown) => {
      process.stderr.write(`hcc: ${(err as Error).message}\n`);
      return exitAfterFlush(1);
    },
  );
}
