/**
 * The exchange database's password as the console keeps it: AES-256-GCM under a key derived
 * (HKDF) from the database key, which lives outside the database (key file, or Electron's
 * safeStorage). The settings row holds only ciphertext; a copied database without its key file
 * gives nothing away, and neither does a SELECT on settings.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { databaseKeyOf } from '../db/db-key.ts';
import { getSetting, setSetting } from '../rules/settings.ts';
import { ExchangeSourceError } from './pg-source.ts';

const SETTING = 'console.sync_source_secret';

function credentialKey(db: Db): Buffer {
  const key = databaseKeyOf(db);
  if (!key) {
    throw new ExchangeSourceError(
      'this database is not encrypted, so it cannot keep the exchange password; encrypt it first (hcc encrypt) or use a connection file',
      '该数据库未加密，无法保存交换库密码；请先加密（hcc encrypt）或使用连接文件',
    );
  }
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'hcc exchange credentials v1', 32));
}

export function seal(db: Db, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', credentialKey(db), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

export function unseal(db: Db, sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('the stored exchange password is damaged; enter it again');
  const decipher = createDecipheriv('aes-256-gcm', credentialKey(db), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** Keeps (or, with null, forgets) the exchange database's password. */
export function storeExchangePassword(db: Db, password: string | null): void {
  if (password === null) db.prepare('DELETE FROM settings WHERE key = ?').run(SETTING);
  else setSetting(db, SETTING, seal(db, password));
}

export function storedExchangePassword(db: Db): string | null {
  const sealed = getSetting(db, SETTING);
  return sealed ? unseal(db, sealed) : null;
}

export function hasStoredExchangePassword(db: Db): boolean {
  return getSetting(db, SETTING) !== null;
}
