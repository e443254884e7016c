/**
 * What a failed sign-in's user-name field may leave in the permanent audit log. People type the
 * wrong thing into it: an ID number or phone (their own "account"), or their password. Only a
 * name that is a user of this console is kept as typed; anything else keeps its length and, if it
 * is a letter, its first character: enough to see a pattern of guessing, never the value (the
 * first digit of an ID or phone is not kept either).
 */
export function typedNameForAudit(typed: string, existingUserName: string | undefined): string {
  if (existingUserName !== undefined) return existingUserName;
  const chars = [...typed.trim()];
  if (chars.length === 0) return '(empty)';
  const first = /^\p{L}$/u.test(chars[0]!) ? chars[0]! : '*';
  return `${first}${'*'.repeat(Math.min(chars.length - 1, 8))} (${chars.length} characters, no such user)`;
}
