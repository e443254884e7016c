import type { ArgSpec, ParsedArgs } from './args.ts';
import type { Output } from './output.ts';

/** One `hcc` command. `run` resolves when done; errors propagate to main (exit 1). */
export interface Command {
  name: string;
  usage: string;
  spec: ArgSpec;
  run(args: ParsedArgs, out: Output): Promise<void>;
}

/** Options every command accepts. */
export const COMMON_FLAGS = ['json', 'progress', 'help'] as const;

/** Options with a value every command accepts: the database's key file (never the key itself). */
export const COMMON_VALUES = ['key-file'] as const;
