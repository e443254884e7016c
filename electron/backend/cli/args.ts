/**
 * A small, strict argument parser for `hcc`: `--name value`, `--name=value`, boolean flags and
 * positionals. Unknown options are usage errors (exit 2), so a typo never silently does the default.
 */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export interface ArgSpec {
  /** Options that take a value. */
  values: readonly string[];
  /** Options without a value. */
  flags: readonly string[];
  /** How many plain arguments (sub-command, files) the command takes; none unless said. */
  positionals?: number;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      out.options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  const most = spec.positionals ?? 0;
  if (out.positionals.length > most) throw new UsageError(`unexpected argument ${out.positionals[most]}`);
  return out;
}

export function required(args: ParsedArgs, name: string): string {
  const v = args.options.get(name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

export function positiveInt(args: ParsedArgs, name: string, fallback?: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--${name} must be a positive whole number, not ${raw}`);
  return Number(raw);
}
