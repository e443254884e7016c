/**
 * The audit screen's export: the filtered entries as one sheet in the briefing's look, with the
 * filters and the chain's head when it was written on the subtitle, so a printed copy says what it
 * is a part of. Identifiers are masked (audit-list.ts); a person is their keyed hash. Written row by
 * row (files/list-workbook.ts): 100,000 entries in seconds.
 */
import type { AuditRow } from '../../../shared/contract/audit.ts';
import { parseTimestamp } from '../../../shared/domain/timestamps.ts';
import { excelTime } from '../files/sheet-style.ts';
import { writeListWorkbook } from '../files/list-workbook.ts';
import type { AuditHead } from './audit-chain.ts';

const SECONDS = 'yyyy-mm-dd hh:mm:ss';

export interface AuditSheetSetup {
  filters: string;
  head: AuditHead;
  /** How many entries matched (more than the rows when the export was capped). */
  total: number;
}

export function writeAuditWorkbook(file: string, rows: readonly AuditRow[], s: AuditSheetSetup, creator: string): Promise<number> {
  return writeListWorkbook(
    file,
    {
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
        { header: '详情', min: 48 },
      ],
      notes: (n) => [
        ...(n === 0 ? ['无符合条件的记录。'] : []),
        ...(n < s.total ? [`只导出了最新的 ${n} 条（共 ${s.total} 条），请缩小时间范围后分批导出。`] : []),
      ],
    },
    rows.map((r) => {
      const at = parseTimestamp(r.at);
      return [r.id, at === null ? r.at : excelTime(at), r.user ?? '（系统）', r.action, r.target, r.details];
    }),
    creator,
  );
}
