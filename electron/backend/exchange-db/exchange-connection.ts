/**
 * One connection to the exchange database that survives losing it: a query cut by a lost
 * connection (network, server restart, an administrator ending the session) reconnects and runs
 * again after a growing pause, and each retry is reported. (A source that cannot be reached at all
 * is reported at once: nothing was started, and the user is waiting to hear.) Queries here only read (or are
 * idempotent), so running one again is safe. After the last attempt the error goes to the caller.
 */
import type pg from 'pg';
import { type PostgresSource, connectExchange, explainConnectionError, isConnectionLoss } from './pg-source.ts';

export interface RetryNotice {
  attempt: number;
  waitMs: number;
  reason: string;
}

/** Pauses before attempts 2, 3, ...: 0.25 s doubling to 8 s (about 16 s in all). */
const RETRY_WAITS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];

export class ExchangeConnection {
  private client: pg.Client | null = null;
  retries = 0;
  /** A source refused from the start is said at once; only a connection once made is retried. */
  private connected = false;
  private readonly source: PostgresSource;
  private readonly onRetry: (n: RetryNotice) => void;
  private readonly waits: readonly number[];

  constructor(source: PostgresSource, onRetry: (n: RetryNotice) => void = () => undefined) {
    this.source = source;
    this.onRetry = onRetry;
    const limit = process.env.HCC_PG_RETRIES;
    this.waits = limit === undefined ? RETRY_WAITS_MS : RETRY_WAITS_MS.slice(0, Number(limit));
  }

  rows(text: string, values: unknown[] = []): Promise<string[][]> {
    return this.retrying(async (client) => (await client.query<string[]>({ text, values, rowMode: 'array' })).rows);
  }

  private async retrying<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.client ??= await connectExchange(this.source);
        this.connected = true;
        return await run(this.client);
      } catch (err) {
        await this.drop();
        if (!this.connected || !isConnectionLoss(err) || attempt >= this.waits.length) throw explainConnectionError(err, this.source);
        const waitMs = this.waits[attempt]!;
        this.retries++;
        this.onRetry({ attempt: attempt + 1, waitMs, reason: explainConnectionError(err, this.source).message });
        await new Promise((r) => setTimeout(r, waitMs));
      }
    }
  }

  /** A retry made by another connection of the same pull (the pull worker's). */
  noteRetry(n: RetryNotice): void {
    this.retries++;
    this.onRetry(n);
  }

  private async drop(): Promise<void> {
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.drop();
  }
}
