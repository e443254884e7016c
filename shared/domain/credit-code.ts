/**
 * Unified social credit codes (GB 32100-2015): 17 characters and a check character, alphabet
 * 0-9 and A-Z without I, O, S, V, Z, weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

export function creditCodeWithCheck(first17: string): string {
  const c = creditCodeCheckChar(first17);
  if (c === null) throw new Error(`not a credit-code prefix: ${first17}`);
  return first17 + c;
}
