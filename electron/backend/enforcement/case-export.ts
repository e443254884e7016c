/**
 * The case queue as Excel: every case the queue's filters select, in its order, in the briefing's
 * style (files/sheet-style.ts: title block, frozen header, A4 landscape, text never a formula).
 * Masked always: a queue is a working list, and who may see a full ID looks it up on the person's
 * page, where that is audited one person at a time.
 */
import ExcelJS from 'exceljs';
import { CASE_STATE_NAMES, behaviorName } from '../../../shared/domain/cases.ts';
import { countyName } from '../../../shared/domain/counties.ts';
import { formatInstant } from '../../../shared/domain/local-date.ts';
import { maskIdentifiers, maskName, maskPersonId } from '../../../shared/domain/masking.ts';
import { actorName } from '../../../shared/words/domain-words.ts';
import type { Db } from '../db/database.ts';
import { BriefingSheet, type CellValue, FMT, excelTime } from '../files/sheet-style.ts';
import { writeAtomically } from '../files/write-atomically.ts';
import { type CaseQuery, listCases } from './case-list.ts';
import type { Evidence } from './evidence.ts';

const DAY_MS = 86_400_000;

export interface CaseExport {
  query: CaseQuery;
  /** The filters in words for the subtitle (`状态：审查中`), no person named unmasked. */
  filters: string[];
  now: number;
  by: string;
}

/** Writes the workbook whole or not at all; returns the cases written. */
export async function exportCaseQueue(db: Db, target: string, e: CaseExport): Promise<number> {
  const wb = new ExcelJS.Workbook();
  wb.creator = e.by;
  const rows = caseQueueSheet(db, wb, e);
  await writeAtomically(target, (partial) => wb.xlsx.writeFile(partial));
  return rows;
}

function caseQueueSheet(db: Db, wb: ExcelJS.Workbook, e: CaseExport): number {
  const { rows } = listCases(db, { ...e.query, offset: 0, limit: -1 });
  const sheet = new BriefingSheet(wb, {
    name: '案件队列',
    title: '滨州健康码信用监管\u3000案件队列',
    subtitle: [
      `导出时间：${formatInstant(e.now).slice(0, 16).replace('T', ' ')}\u3000导出人：${e.by}\u3000共 ${rows.length} 件`,
      `筛选：${e.filters.length ? e.filters.join('\u3000') : '全部案件'}\u3000身份证号、姓名已脱敏`,
    ],
    columns: [
      { header: '案件编号', fmt: '0', min: 8 },
      { header: '身份证号', min: 20 },
      { header: '姓名' },
      { header: '县（市、区）', min: 12 },
      { header: '行为', min: 12 },
      { header: '状态' },
      { header: '立案时间', fmt: FMT.time, min: 17 },
      { header: '立案人' },
      { header: '已立案（天）', fmt: FMT.count },
      { header: '证据摘要', min: 48 },
    ],
  });
  const names = db.prepare('SELECT name FROM residents WHERE person_id = ?').pluck();
  const line = (c: (typeof rows)[number]): CellValue[] => {
    const name = names.get(c.person_id) as string | null | undefined;
    const evidence = JSON.parse(c.evidence) as Evidence;
    return [
      c.id,
      maskPersonId(c.person_id),
      name ? maskName(name) : '',
      c.county_code ? countyName(c.county_code) : '',
      behaviorName(c.behavior),
      CASE_STATE_NAMES[c.state].zh,
      excelTime(c.opened_at),
      actorName(c.opened_by, 'zh'),
      Math.max(0, Math.floor((e.now - c.opened_at) / DAY_MS)),
      maskIdentifiers(evidence.summary),
    ];
  };
  sheet.addRows(rows.map(line));
  if (rows.length === 0) sheet.addNote('无符合条件的案件。');
  // A long summary wraps in its cell rather than running off the printed page.
  for (let r = sheet.headerRow + 1; r <= sheet.headerRow + rows.length; r++) {
    sheet.ws.getCell(r, 10).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.finish();
  return rows.length;
}
