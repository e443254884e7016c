/**
 * Password hashing with Node's scrypt (memory-hard): `scrypt$N$r$p$salt$hash`, compared in
 * constant time. The cost parameters travel with each hash, so they can be raised later.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

/**
 * How many scrypt derivations this process ran: lets a test see that a sign-in with an unknown
 * name costs one derivation, like a wrong password, without measuring time.
 */
export const derivations = { count: 0 };

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  derivations.count++;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing (random salt and key, nothing derives to it) with the current parameters. */
const NOBODY = `scrypt$${N}$${R}$${P}$${randomBytes(16).toString('base64')}$${randomBytes(KEY_LENGTH).toString('base64')}`;

/**
 * Checks a password against nobody's hash (same parameters as a real one), for unknown or disabled
 * accounts: the answer takes as long as a wrong password, so timing does not tell which user names
 * exist. Always false.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  await verifyPassword(password, NOBODY);
  return false;
}
