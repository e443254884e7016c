/**
 * The audit screen's export: the filtered entries as one sheet in the briefing's style, with the
 * filters and the chain's head when it was written on the subtitle, so a printed copy says what it
 * is a part of. Identifiers are masked (audit-list.ts); a person is their keyed hash.
 */
import type ExcelJS from 'exceljs';
import type { AuditRow } from '../../../shared/contract/audit.ts';
import { parseTimestamp } from '../../../shared/domain/timestamps.ts';
import { BriefingSheet, excelTime } from '../files/sheet-style.ts';
import type { AuditHead } from './audit-chain.ts';

const SECONDS = 'yyyy-mm-dd hh:mm:ss';

export interface AuditSheetSetup {
  filters: string;
  head: AuditHead;
  /** How many entries matched (more than the rows when the export was capped). */
  total: number;
}

export function auditSheet(wb: ExcelJS.Workbook, rows: readonly AuditRow[], s: AuditSheetSetup): number {
  const sheet = new BriefingSheet(wb, {
    name: '审计日志',
    title: '滨州市健康码指挥中心\u3000审计日志',
    subtitle: [
      `筛选条件：${s.filters || '全部'}\u3000共 ${s.total} 条，按序号倒序\u3000身份证号、手机号已脱敏，人员以加密标识表示`,
      `导出时日志链头：第 ${s.head.id} 条 ${s.head.hash}`,
    ],
    columns: [
      { header: '序号', min: 8 },
      { header: '时间', fmt: SECONDS, min: 20 },
      { header: '用户', min: 10 },
      { header: '操作', min: 18 },
      { header: '对象', min: 20 },
      { header: '详情', min: 40 },
    ],
  });
  sheet.addRows(
    rows.map((r) => {
      const at = parseTimestamp(r.at);
      return [r.id, at === null ? r.at : excelTime(at), r.user ?? '（系统）', r.action, r.target, r.details];
    }),
  );
  if (rows.length === 0) sheet.addNote('无符合条件的记录。');
  if (rows.length < s.total) sheet.addNote(`只导出了最新的 ${rows.length} 条（共 ${s.total} 条），请缩小时间范围后分批导出。`);
  sheet.finish();
  return rows.length;
}
