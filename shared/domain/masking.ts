/**
 * Masking of personal data as people see it (GB/T 35273 style, BRIEFING.md): ID keeps the first 6
 * and last 4 characters, phone the first 3 and last 4, name the first character.
 */
export function maskPersonId(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

// An ID number or a mobile phone standing alone inside a longer text (an evidence key, a rejected
// row whose fields were shifted): not part of a longer run of digits or letters.
const ID_INSIDE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const PHONE_INSIDE = /(?<!\d)1\d{10}(?!\d)/g;

// The same typed by a person with spaces or dashes between groups ("372301 19800101 1234",
// "138-1234-5678", "+86 138 1234 5678"): one separator at a time, and not part of a longer run
// of digits and separators.
const SPACED_ID = /(?<![0-9A-Za-z])(?<!\d[ -])\d(?:[ -]?\d){16}[ -]?[\dXx](?![0-9A-Za-z])(?![ -]\d)/g;
const SPACED_PHONE = /(?<![\d+])(?<!\d[ -])(?:\+?86[ -]?)?1\d(?:[ -]?\d){9}(?!\d)(?![ -]\d)/g;

/** Masks the characters of `typed` that `mask` masks in its digits, keeping the separators. */
function maskKeepingSeparators(typed: string, mask: (compact: string) => string): string {
  const compact = typed.replace(/[^\dXx]/g, '');
  const masked = mask(compact);
  let i = 0;
  return typed.replace(/[\dXx]/g, () => masked[i++]!);
}

/** A text with every ID number and mobile phone in it masked, also when typed with spaces or dashes. */
export function maskIdentifiers(text: string): string {
  return text
    .replace(ID_INSIDE, (id) => maskPersonId(id))
    .replace(PHONE_INSIDE, (p) => maskPhone(p))
    .replace(SPACED_ID, (id) => maskKeepingSeparators(id, maskPersonId))
    .replace(SPACED_PHONE, (p) => maskKeepingSeparators(p, maskPhone));
}
