/**
 * What a briefing says before it goes out without every county's sign-off (issue 17): the
 * counties not signed off, and those whose figures changed since they signed. A warning, never a
 * refusal: the command office may have to send the briefing before a county has signed.
 */
import { countyName } from '../../../shared/domain/counties.ts';
import type { SignoffStatus } from '../../../shared/contract/signoff.ts';

/** One line for `hcc briefing`'s stderr (both languages), or null when every county shown is signed and unchanged. */
export function signoffWarningLine(s: SignoffStatus): string | null {
  const changed = s.counties.filter((c) => c.changed.length > 0);
  if (s.unsigned.length === 0 && changed.length === 0) return null;
  const parts: string[] = [];
  if (s.unsigned.length > 0) {
    const zh = s.unsigned.map((c) => countyName(c)).join('、');
    const en = s.unsigned.map((c) => countyName(c, 'en')).join(', ');
    parts.push(`not signed off for ${s.day}: ${en} (${s.day} 未签发：${zh})`);
  }
  if (changed.length > 0) {
    const en = changed.map((c) => `${countyName(c.county, 'en')} ${c.changed.length}`).join(', ');
    const zh = changed.map((c) => `${countyName(c.county)} ${c.changed.length} 项`).join('、');
    parts.push(`figures changed after sign-off: ${en} (签发后数据有变动：${zh})`);
  }
  return `warning: ${parts.join('; ')}`;
}
