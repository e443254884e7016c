/**
 * Where the exchange database is and how to reach it. A source is named by its URL without the
 * password (`postgres://user@host:port/database?schema=exchange`): that name is the key of the pull
 * state, what the sync log, the Data screen and the audit log show. The password travels beside it
 * and is never part of a name, a message or a log line.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

export interface PostgresSource {
  host: string;
  port: number;
  database: string;
  user: string;
  /** The schema holding the feed tables (EXCHANGE.md: default `exchange`). */
  schema: string;
  password: string | null;
}

export const DEFAULT_EXCHANGE_SCHEMA = 'exchange';

export function isPostgresSource(source: string): boolean {
  return /^postgres(ql)?:\/\//i.test(source.trim());
}

export class ExchangeSourceError extends Error {
  readonly zh: string;
  /** The connection was lost or refused (worth a retry), as opposed to an answer. */
  readonly connectionLost: boolean;
  constructor(message: string, zh: string, connectionLost = false) {
    super(message);
    this.zh = zh;
    this.connectionLost = connectionLost;
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** A postgres:// URL (password optional, `?schema=` optional). */
export function parsePostgresUrl(text: string): PostgresSource {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ExchangeSourceError(
      'the exchange database address is not a URL; write it as postgres://user@host:5432/database',
      '交换库地址格式不正确，应为 postgres://用户@主机:5432/数据库',
    );
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const user = decodeURIComponent(url.username);
  if (!url.hostname || !database || !user) {
    throw new ExchangeSourceError(
      'the exchange database address needs a user, a host and a database: postgres://user@host:5432/database',
      '交换库地址须包含用户、主机和数据库：postgres://用户@主机:5432/数据库',
    );
  }
  const schema = url.searchParams.get('schema') ?? DEFAULT_EXCHANGE_SCHEMA;
  if (!IDENTIFIER.test(schema)) {
    throw new ExchangeSourceError(`the schema name ${schema} is not a plain identifier`, `模式名 ${schema} 不是合法的标识符`);
  }
  const port = url.port ? Number(url.port) : 5432;
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    database,
    user,
    schema,
    password: url.password ? decodeURIComponent(url.password) : null,
  };
}

/**
 * A connection file (`hcc sync --source-pg FILE`): JSON `{host, port, database, user, password,
 * schema}`, or one line holding a URL. Keeps the password out of the command line (and `ps`).
 */
export function readConnectionFile(path: string): PostgresSource {
  const text = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (!text.startsWith('{')) return parsePostgresUrl(text);
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ExchangeSourceError(`${path} is neither JSON nor a postgres:// URL`, `${path} 既不是 JSON 也不是 postgres:// 地址`);
  }
  const str = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : null);
  const host = str('host');
  const database = str('database');
  const user = str('user');
  if (!host || !database || !user) {
    throw new ExchangeSourceError(`${path} needs "host", "database" and "user"`, `${path} 须包含 "host"、"database" 和 "user"`);
  }
  const schema = str('schema') ?? DEFAULT_EXCHANGE_SCHEMA;
  if (!IDENTIFIER.test(schema))
    throw new ExchangeSourceError(`the schema name ${schema} is not a plain identifier`, `模式名 ${schema} 不是合法的标识符`);
  return { host, port: Number(o.port ?? 5432), database, user, schema, password: str('password') };
}

/** The source's name: its URL without the password. */
export function sourceName(s: PostgresSource): string {
  const host = s.host.includes(':') ? `[${s.host}]` : s.host;
  const schema = s.schema === DEFAULT_EXCHANGE_SCHEMA ? '' : `?schema=${s.schema}`;
  return `postgres://${encodeURIComponent(s.user)}@${host}:${s.port}/${encodeURIComponent(s.database)}${schema}`;
}

/** `"schema"."table"` for SQL (names are checked identifiers). */
export function qualified(s: PostgresSource, table: string): string {
  return `"${s.schema}"."${table}"`;
}

/**
 * A client whose every value arrives as PostgreSQL's own text (no conversion to JS dates or
 * numbers): the rows then go through exactly the validation a file's cells do. The session's zone
 * is the city's, so a `timestamptz` prints as its local time with `+08`.
 */
export async function connectExchange(s: PostgresSource, options: { timeoutMs?: number } = {}): Promise<pg.Client> {
  const client = new pg.Client({
    host: s.host,
    port: s.port,
    database: s.database,
    user: s.user,
    ...(s.password !== null ? { password: s.password } : {}),
    application_name: 'hcc-console',
    connectionTimeoutMillis: options.timeoutMs ?? 10_000,
    keepAlive: true,
    types: { getTypeParser: () => (value: string) => value },
  });
  // A server that goes away between queries emits 'error' on the idle client; the next query fails
  // and the caller's retry handles it. Without a listener the error would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query("SET TIME ZONE 'Asia/Shanghai'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 0");
  } catch (err) {
    await client.end().catch(() => undefined);
    throw explainConnectionError(err, s);
  }
  return client;
}

/** What went wrong reaching the exchange database, said with what to check (never the password). */
export function explainConnectionError(err: unknown, s: PostgresSource): ExchangeSourceError {
  const e = err as { code?: string; message?: string };
  const where = `${s.host}:${s.port}/${s.database}`;
  if (e instanceof ExchangeSourceError) return e;
  if (e.code === '28P01' || e.code === '28000')
    return new ExchangeSourceError(
      `the exchange database at ${where} refused user ${s.user}: check the user name and password`,
      `交换库 ${where} 拒绝了用户 ${s.user}：请检查用户名和密码`,
    );
  // The driver's words when the server asks for a password and none was given.
  if (/client password must be a string|password authentication failed/.test(e.message ?? '') && s.password === null)
    return new ExchangeSourceError(
      `the exchange database at ${where} asks for user ${s.user}'s password and none was given: ` +
        'set it on the Data screen, or use PGPASSWORD or --source-pg FILE',
      `交换库 ${where} 需要用户 ${s.user} 的密码，但未提供：请在「数据同步」页设置，或使用 PGPASSWORD 或 --source-pg 文件`,
    );
  if (e.code === '3D000')
    return new ExchangeSourceError(
      `there is no database ${s.database} at ${s.host}:${s.port}`,
      `${s.host}:${s.port} 上没有数据库 ${s.database}`,
    );
  if (
    e.code === 'ECONNREFUSED' ||
    e.code === 'ENOTFOUND' ||
    e.code === 'EHOSTUNREACH' ||
    e.code === 'ETIMEDOUT' ||
    /timeout/i.test(e.message ?? '')
  )
    return new ExchangeSourceError(
      `cannot reach the exchange database at ${s.host}:${s.port} (${e.code ?? 'timeout'}): check the address and the network`,
      `无法连接交换库 ${s.host}:${s.port}（${e.code ?? '超时'}）：请检查地址和网络`,
      true,
    );
  return new ExchangeSourceError(
    `the exchange database at ${where} answered: ${redact(e.message ?? String(err), s)}`,
    `交换库 ${where} 返回错误：${redact(e.message ?? String(err), s)}`,
    isConnectionLoss(err),
  );
}

/** A message with the password taken out, should a driver ever repeat it. */
export function redact(message: string, s: PostgresSource): string {
  return s.password ? message.split(s.password).join('***') : message;
}

/** A lost connection (worth a retry), as opposed to an answer (wrong table, bad SQL). */
export function isConnectionLoss(err: unknown): boolean {
  if (err instanceof ExchangeSourceError) return err.connectionLost;
  const e = err as { code?: string; message?: string };
  if (e.code && /^(08|57P0)/.test(e.code)) return true;
  if (e.code && ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(e.code)) return true;
  return /Connection terminated|connection is closed|Client was closed|not queryable|timeout/i.test(e.message ?? '');
}
