/**
 * Outcomes into the exchange database's `code_decisions` (EXCHANGE.md, outbound), in one PostgreSQL
 * transaction, in outbox order (so `seq` follows the order they happened in). Each row is written
 * only if no row of the same outcome (case, action, effective time) is there: an outcome committed
 * here just before a crash, whose delivered mark in SQLite was lost, is found and not written twice.
 * That check holds for a table the platform made without our UNIQUE too.
 */
import { codeDecisionsDdl } from '../exchange-db/exchange-schema.ts';
import { type PostgresSource, connectExchange, qualified } from '../exchange-db/pg-source.ts';
import type { OutboxRow } from './decision-outbox.ts';

export type PushStage = 'connected' | 'written' | 'committed';

const TABLE = 'code_decisions';

/** The exchange connection's client (pg is the exchange-db folder's to import). */
type Client = Awaited<ReturnType<typeof connectExchange>>;

/** Writes `rows`, then `commit(written)` marks them delivered in SQLite: after PostgreSQL's COMMIT, never before. */
export async function pushToPostgres(
  source: PostgresSource,
  rows: readonly OutboxRow[],
  writtenAt: number,
  commit: (written: number) => void,
  onStage: (stage: PushStage) => void = () => undefined,
): Promise<void> {
  const client = await connectExchange(source);
  try {
    onStage('connected');
    await client.query('BEGIN');
    let written = 0;
    try {
      // One pusher at a time per schema (the console's timer, a sync's end, `hcc decisions push`):
      // the second waits for the first's commit and then finds its rows, instead of racing it.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`hcc ${source.schema}.${TABLE}`]);
      await ensureTable(client, source);
      for (const r of rows) written += await insertOnce(client, source, r, writtenAt);
      onStage('written');
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    onStage('committed');
    commit(written);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The schema and table are made only when missing: CREATE SCHEMA checks the right to create before
 * it looks whether the schema exists, and the platform's account may write rows but create nothing.
 */
async function ensureTable(client: Client, s: PostgresSource): Promise<void> {
  const table = await client.query(
    `SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [s.schema, TABLE],
  );
  if (table.rowCount) return;
  const schema = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [s.schema]);
  if (!schema.rowCount) await client.query(`CREATE SCHEMA IF NOT EXISTS "${s.schema}"`);
  await client.query(codeDecisionsDdl(s));
}

/** 1 if the row was written, 0 if the outcome was there already. Values are typed: nothing is inferred from the platform's table. */
async function insertOnce(client: Client, s: PostgresSource, r: OutboxRow, writtenAt: number): Promise<number> {
  const t = qualified(s, TABLE);
  const res = await client.query({
    name: `hcc-code-decision-${s.schema}`,
    text: `INSERT INTO ${t} (person_id, action, effective_at, credit_record_number, case_id, decided_by, written_at)
      SELECT $1::text, $2::text, $3::timestamptz, $4::text, $5::bigint, $6::text, $7::timestamptz
      WHERE NOT EXISTS (SELECT 1 FROM ${t} WHERE case_id = $5::bigint AND action = $2::text AND effective_at = $3::timestamptz)`,
    values: [
      r.person_id,
      r.action,
      new Date(r.effective_at).toISOString(),
      r.credit_record_number,
      r.case_id,
      r.decided_by,
      new Date(writtenAt).toISOString(),
    ],
  });
  return res.rowCount ?? 0;
}
