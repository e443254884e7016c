/**
 * The credit records as an Excel file for the credit system: one row per record, IDs and names
 * masked unless the reader may see them, text as text (never formulas).
 */
import ExcelJS from 'exceljs';
import { behaviorName } from '../../../shared/domain/cases.ts';
import { countyName } from '../../../shared/domain/counties.ts';
import { maskName, maskPersonId } from '../../../shared/domain/masking.ts';
import { FMT, excelTime } from '../files/sheet-style.ts';
import type { Db } from '../db/database.ts';
import { writeAtomically } from '../files/write-atomically.ts';
import { sheetText } from '../files/xml-text.ts';
import { type CreditQuery, listCreditRecords } from './credit-records.ts';

export interface CreditExportOptions extends Pick<CreditQuery, 'from' | 'to'> {
  unmasked: boolean;
  county: string | null;
}

export function exportCreditRecords(db: Db, target: string, o: CreditExportOptions): Promise<number> {
  return writeAtomically(target, (partial) => writeCreditRecords(db, partial, o));
}

async function writeCreditRecords(db: Db, target: string, o: CreditExportOptions): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('诚信记录', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  // Every field of the record (ENFORCEMENT.md "Credit records"), times as real Excel date-times.
  ws.columns = [
    { header: '记录编号', key: 'number', width: 20 },
    { header: '身份证号', key: 'id', width: 22 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '县（市、区）', key: 'county', width: 12 },
    { header: '行为代码', key: 'code', width: 18 },
    { header: '行为', key: 'behavior', width: 14 },
    { header: '证据摘要', key: 'evidence', width: 48 },
    { header: '法律依据', key: 'basis', width: 40 },
    { header: '决定内容', key: 'decision', width: 40 },
    { header: '决定人', key: 'by', width: 10 },
    { header: '决定时间', key: 'decided', width: 18, style: { numFmt: FMT.time } },
    { header: '状态', key: 'status', width: 8 },
    { header: '撤销时间', key: 'revoked', width: 18, style: { numFmt: FMT.time } },
    { header: '撤销理由', key: 'revokedReason', width: 30 },
    { header: '案件编号', key: 'case', width: 10 },
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  header.commit();
  const names = db.prepare('SELECT name FROM residents WHERE person_id = ?');
  const { rows } = listCreditRecords(db, { county: o.county, from: o.from, to: o.to });
  for (const r of rows) {
    const name = (names.get(r.person_id) as { name: string | null } | undefined)?.name ?? '';
    ws.addRow({
      number: r.number,
      id: o.unmasked ? r.person_id : maskPersonId(r.person_id),
      name: sheetText(o.unmasked ? name : name && maskName(name)),
      county: r.county_code ? countyName(r.county_code) : '',
      code: r.behavior,
      behavior: behaviorName(r.behavior),
      evidence: sheetText(r.evidence_summary),
      basis: sheetText(r.legal_basis),
      decision: sheetText(r.decision),
      by: r.decided_by,
      decided: excelTime(r.decided_at),
      status: r.status === 'effective' ? '有效' : '已撤销',
      revoked: r.revoked_at ? excelTime(r.revoked_at) : null,
      revokedReason: sheetText(r.revoked_reason ?? ''),
      case: r.case_id,
    }).commit();
  }
  ws.commit();
  await wb.commit();
  return rows.length;
}
