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

/** A text with every ID number and mobile phone in it masked. */
export function maskIdentifiers(text: string): string {
  return text.replace(ID_INSIDE, (id) => maskPersonId(id)).replace(PHONE_INSIDE, (p) => maskPhone(p));
}
