/**
 * The 概况 sheet's block on county sign-off (issue 17): which counties' designated officers signed
 * off the day's figures, by whom and when, and how many figures changed after they signed (each
 * listed, signed → now). The state is read by the caller (signoff/ reads the briefing's own figures,
 * so the briefing cannot read it back without a circle) and handed in with the request.
 */
import { countyName } from '../../../shared/domain/counties.ts';
import { SIGNOFF_FIGURE_WORDS } from '../../../shared/domain/county-signoff.ts';
import { formatInstant } from '../../../shared/domain/local-date.ts';
import type { SignoffStatus } from '../../../shared/contract/signoff.ts';
import { type BriefingSheet, FMT } from '../files/sheet-style.ts';

export function addSignoffSection(sheet: BriefingSheet, s: SignoffStatus): void {
  const rows = s.counties.map((c) => {
    const who =
      c.signedBy === null || c.signedAt === null ? '' : `${c.signedBy} ${formatInstant(c.signedAt).replace('T', ' ').slice(0, 16)}`;
    const changes = c.changed.map((x) => `${SIGNOFF_FIGURE_WORDS[x.figure].zh} ${x.before}→${x.after}`).join('、');
    return [
      countyName(c.county),
      c.signed ? '已签发' : '未签发',
      c.signed ? c.changed.length : null,
      [who, changes].filter(Boolean).join('；'),
    ];
  });
  sheet.addSection(
    '县级签发（各县指定专人确认本县数据）',
    ['县（市、区）', '签发状态', '签发后变动（项）', '签发人、签发时间；变动明细（签发时→现在）'],
    rows,
    [undefined, undefined, FMT.count],
  );
  const signed = s.counties.length - s.unsigned.length;
  sheet.addSmallPrint(
    s.unsigned.length === 0
      ? `${s.counties.length} 个县（市、区）均已签发。`
      : `${s.counties.length} 个县（市、区）中 ${signed} 个已签发；未签发：${s.unsigned.map((c) => countyName(c)).join('、')}。`,
  );
}
