/**
 * The sync source as the Data screen's editor holds it: an exchange directory, or the exchange
 * database's address in parts (the password apart, never part of the address).
 */
import type { MessageKey } from '../../i18n/messages.ts';

export type SourceKind = 'directory' | 'postgres';

export interface SourceForm {
  kind: SourceKind;
  directory: string;
  host: string;
  port: string;
  database: string;
  user: string;
  schema: string;
  /** Typed now; '' keeps the kept one (or none). */
  password: string;
}

export function isPostgresAddress(source: string | null): boolean {
  return source !== null && /^postgres(ql)?:\/\//i.test(source);
}

export function sourceToForm(source: string | null): SourceForm {
  const empty: SourceForm = {
    kind: 'directory',
    directory: '',
    host: '',
    port: '5432',
    database: '',
    user: '',
    schema: 'exchange',
    password: '',
  };
  if (!source) return empty;
  if (!isPostgresAddress(source)) return { ...empty, directory: source };
  try {
    const url = new URL(source);
    return {
      ...empty,
      kind: 'postgres',
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || '5432',
      database: decodeURIComponent(url.pathname.replace(/^\//, '')),
      user: decodeURIComponent(url.username),
      schema: url.searchParams.get('schema') ?? 'exchange',
    };
  } catch {
    return { ...empty, kind: 'postgres' };
  }
}

/** The address the console stores and shows (no password), or a problem key. */
export function formToSource(f: SourceForm): { source: string } | { problem: MessageKey } {
  if (f.kind === 'directory') {
    const dir = f.directory.trim();
    return dir ? { source: dir } : { problem: 'data.source.error.directory' };
  }
  const host = f.host.trim();
  const database = f.database.trim();
  const user = f.user.trim();
  const port = f.port.trim() || '5432';
  const schema = f.schema.trim() || 'exchange';
  if (!host || !database || !user) return { problem: 'data.source.error.parts' };
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) return { problem: 'data.source.error.port' };
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) return { problem: 'data.source.error.schema' };
  const h = host.includes(':') ? `[${host}]` : host;
  const query = schema === 'exchange' ? '' : `?schema=${schema}`;
  return { source: `postgres://${encodeURIComponent(user)}@${h}:${port}/${encodeURIComponent(database)}${query}` };
}
