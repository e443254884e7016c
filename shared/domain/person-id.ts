/**
 * Resident ID numbers (GB 11643): 17 digits and a check character computed with ISO 7064 MOD 11-2.
 * IDs stay text end to end: 18 digits do not fit a double.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits, or null if they are not 17 digits. */
export function personIdCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    sum += d * WEIGHTS[i]!;
  }
  return CHECK_CHARS[sum % 11]!;
}

export type PersonIdProblem = 'length' | 'characters' | 'check';

/** Why a candidate ID is invalid, or null when it is a valid ID (lower-case x accepted). */
export function personIdProblem(id: string): PersonIdProblem | null {
  if (id.length !== 18) return 'length';
  const expected = personIdCheckChar(id.slice(0, 17));
  if (expected === null) return 'characters';
  const last = id.charCodeAt(17);
  const given = last === 120 ? 'X' : id[17]!; // 'x'
  if (given !== 'X' && (last < 48 || last > 57)) return 'characters';
  return given === expected ? null : 'check';
}

export function isValidPersonId(id: string): boolean {
  return personIdProblem(id) === null;
}

/** The stored form: upper-case X. */
export function normalizePersonId(id: string): string {
  return id.length === 18 && id.charCodeAt(17) === 120 ? id.slice(0, 17) + 'X' : id;
}

/** Builds a valid ID from 17 digits (used by the demo city and tests). */
export function withCheckChar(first17: string): string {
  const c = personIdCheckChar(first17);
  if (c === null) throw new Error(`not 17 digits: ${first17}`);
  return first17 + c;
}
