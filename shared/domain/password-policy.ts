/**
 * What a new password must be (first administrator, `hcc user add`, a reset, a change of one's
 * own): at least twelve characters, and none of the few passwords every guessing list starts with.
 * One rule for the page (checked before sending) and the backend (checked again). Lengths count
 * characters, not UTF-16 units: twelve Chinese characters are twelve.
 */
export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = 'too_short' | 'common' | 'contains_name';

/**
 * Keyboard and counting runs, each going round twice ("…7890123…"): a password that is a piece of
 * one, forwards or backwards, is refused.
 */
const RUNS = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb',
  'qazwsxedcrfvtgb',
].map((run) => run + run);

/** Words that guessing lists begin with; a password that starts with one of them is refused. */
const COMMON_STARTS = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'admin',
  'iloveyou',
  'welcome',
  'qwerty',
  'abc123',
  'woaini',
  'mima',
];

/** The shortest piece that the text repeats ("123123123123" → "123"), or the text itself. */
function repeatedUnit(text: string): string {
  for (let n = 1; n <= text.length / 2; n++) {
    if (text.length % n === 0 && text.slice(0, n).repeat(text.length / n) === text) return text.slice(0, n);
  }
  return text;
}

function isPieceOfRun(lower: string): boolean {
  // Repeating something short or a run ("123123123123", "abcdabcdabcd") is no stronger than it.
  const unit = repeatedUnit(lower);
  if (unit !== lower && unit.length <= 4) return true;
  return RUNS.some((run) => run.includes(unit) || [...run].reverse().join('').includes(unit));
}

export function passwordProblem(password: string, userName?: string): PasswordProblem | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = password.normalize('NFKC').toLowerCase();
  if (lower.trim() === '') return 'common';
  if (new Set(chars).size <= 2) return 'common';
  if (isPieceOfRun(lower.replace(/\s+/g, ''))) return 'common';
  if (COMMON_STARTS.some((w) => lower.startsWith(w))) return 'common';
  const name = userName?.trim().normalize('NFKC').toLowerCase();
  if (name && name.length >= 2 && lower.includes(name)) return 'contains_name';
  return null;
}
