/**
 * Push whatever is pending to the exchange a sync reads from: at the end of every sync, from the
 * console's timer, and `hcc decisions push`. The source is written as a sync's is: a directory, a
 * postgres:// URL or a connection file; none given, the console's configured sync source.
 */
import { databaseClock } from '../clock/database-clock.ts';
import type { Db } from '../db/database.ts';
import { ExchangeSourceError, isPostgresSource } from '../exchange-db/pg-source.ts';
import { resolvePostgresSource } from '../exchange-db/resolve-source.ts';
import { consoleSettings } from '../settings/console-settings.ts';
import { pendingDecisions } from './decision-outbox.ts';
import { type DecisionTarget, type PushOptions, type PushResult, pushDecisions } from './push-decisions.ts';

export interface DrainOptions extends PushOptions {
  /** A connection file (`--source-pg`) instead of a URL. */
  connectionFile?: string;
  /** The time of the delivery; the database's clock when not given. */
  now?: number;
}

/** The push's result; null when there is no source to push to. */
export async function drainDecisions(
  db: Db,
  sourceText: string | null,
  password?: string | null,
  options: DrainOptions = {},
): Promise<PushResult | null> {
  const text = sourceText ?? (options.connectionFile ? null : consoleSettings(db).syncSource);
  if (!text && !options.connectionFile) return null;
  const now = options.now ?? databaseClock(db)();
  let target: DecisionTarget;
  try {
    target =
      options.connectionFile || isPostgresSource(text!)
        ? {
            kind: 'postgres',
            source: resolvePostgresSource(db, {
              ...(text ? { url: text } : {}),
              ...(options.connectionFile ? { connectionFile: options.connectionFile } : {}),
              ...(password !== undefined ? { password } : {}),
            }),
          }
        : { kind: 'directory', dir: text! };
  } catch (err) {
    // A source that does not parse, or a stored password that cannot be read: said, not thrown.
    if (!(err instanceof ExchangeSourceError)) throw err;
    const target = options.connectionFile ?? withoutPassword(text!);
    return { delivered: 0, pending: pendingDecisions(db).length, target, error: { en: err.message, zh: err.zh } };
  }
  return pushDecisions(db, target, now, options);
}

/** A URL as it may be typed, with its password taken out before it is shown. */
function withoutPassword(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1@');
}
