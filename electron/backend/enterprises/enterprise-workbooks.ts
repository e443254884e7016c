/**
 * The Enterprises screen's lists and the weekly administrators' report as Excel, in the briefing's
 * style (files/sheet-style.ts: text is XML-safe and never a formula), masked: a workbook never
 * holds an unmasked ID or phone.
 */
import ExcelJS from 'exceljs';
import type { EnterpriseCountyRow, EnterpriseCountyTable, EnterpriseSummary, SiteStats } from '../../../shared/contract/enterprises.ts';
import { countyName } from '../../../shared/domain/counties.ts';
import { type Day, formatDay, parseDay } from '../../../shared/domain/local-date.ts';
import { COLOUR_WORDS } from '../../../shared/words/domain-words.ts';
import { BriefingSheet, type CellValue, type ColumnDef, FMT, excelDay, excelTime } from '../files/sheet-style.ts';
import { writeAtomically } from '../files/write-atomically.ts';
import type { ScanMember } from './scan-list.ts';
import type { StaffMember } from './staff-list.ts';

const TITLE = '滨州市企业复工复产';
const C = (header: string, fmt?: string, min?: number): ColumnDef => ({ header, ...(fmt ? { fmt } : {}), ...(min ? { min } : {}) });
const isoToExcel = (d: string | null): Date | null => {
  const day = d === null ? null : parseDay(d);
  return day === null ? null : excelDay(day);
};
const STATUS_ZH: Record<string, string> = { red: '红码', yellow: '黄码', green: '绿码', no_code: '未申领', none: '未申领' };
const VIOLATION_ZH: Record<string, string> = { red_passed: '红码放行', yellow_passed: '黄码放行', not_approved: '未批准复工企业放行' };

const FIGURE_COLUMNS: ColumnDef[] = [
  C('登记员工', FMT.count),
  C('未申领', FMT.count),
  C('可返岗（绿码）', FMT.count),
  C('居家/企业集中隔离（黄码）', FMT.count),
  C('集中隔离点（红码）', FMT.count),
  C('打卡合规', FMT.count),
  C('打卡合规率', FMT.percent),
  C('进场放行', FMT.count),
  C('进场拒绝', FMT.count),
  C('违规放行', FMT.count),
];
const figureCells = (r: EnterpriseSummary | EnterpriseCountyRow): CellValue[] => [
  r.staff,
  r.noCode,
  r.mayReturn,
  r.homeQuarantine,
  r.centralQuarantine,
  r.compliant,
  r.complianceRate,
  r.passes,
  r.denials,
  r.violations,
];

export function countyTableSheet(wb: ExcelJS.Workbook, t: EnterpriseCountyTable, name = '企业复工'): number {
  const sheet = new BriefingSheet(wb, {
    name,
    title: `${TITLE}\u3000分县统计`,
    subtitle: [`统计日期：${t.day}（截至当日24时）\u3000员工数为批准复工企业的员工\u3000单位：家、人、次`],
    columns: [C('县（市、区）', undefined, 14), C('批准复工企业', FMT.count), C('未批准企业', FMT.count), ...FIGURE_COLUMNS],
  });
  const line = (r: EnterpriseCountyRow): CellValue[] => [r.countyName, r.approved, r.notApproved, ...figureCells(r)];
  sheet.addRows(t.rows.map(line));
  sheet.addRows([line(t.total)], { total: true });
  sheet.finish();
  return t.rows.length;
}

/** One sheet of a list: the filters it was made with on the subtitle. */
function listSheet(wb: ExcelJS.Workbook, name: string, day: string, filters: string, columns: ColumnDef[], rows: CellValue[][]): number {
  const sheet = new BriefingSheet(wb, {
    name,
    title: `${TITLE}\u3000${name}`,
    subtitle: [`统计日期：${day}\u3000${filters || '全部'}\u3000身份证号、姓名、手机号已脱敏`],
    columns,
  });
  sheet.addRows(rows);
  if (rows.length === 0) sheet.addNote('无符合条件的记录。');
  sheet.finish();
  return rows.length;
}

export function enterpriseListSheet(wb: ExcelJS.Workbook, day: string, filters: string, rows: EnterpriseSummary[]): number {
  return listSheet(
    wb,
    '企业名单',
    day,
    filters,
    [
      C('统一社会信用代码', undefined, 20),
      C('企业名称', undefined, 24),
      C('县（市、区）'),
      C('行业'),
      C('批准复工'),
      C('批准日期', FMT.date),
      C('钉钉管理员'),
      C('管理员手机号', undefined, 13),
      ...FIGURE_COLUMNS,
    ],
    rows.map((e) => [
      e.creditCode,
      e.name,
      e.countyName,
      e.industry,
      e.approved ? '是' : '否',
      isoToExcel(e.approvedOn),
      e.adminName,
      e.adminPhoneMasked,
      ...figureCells(e),
    ]),
  );
}

export function staffSheet(wb: ExcelJS.Workbook, day: string, filters: string, rows: StaffMember[]): number {
  return listSheet(
    wb,
    '员工名单',
    day,
    filters,
    [
      C('身份证号', undefined, 20),
      C('姓名'),
      C('手机号', undefined, 13),
      C('统一社会信用代码', undefined, 20),
      C('企业名称', undefined, 24),
      C('码色'),
      C('起始日期', FMT.date),
      C('预计可返岗', FMT.date),
      C('当日打卡', FMT.count),
    ],
    rows.map((s) => [
      s.idMasked,
      s.nameMasked,
      s.phoneMasked,
      s.creditCode,
      s.enterpriseName,
      STATUS_ZH[s.status] ?? s.status,
      isoToExcel(s.since),
      isoToExcel(s.expectedBack),
      s.checkins,
    ]),
  );
}

export function scanSheet(wb: ExcelJS.Workbook, day: string, filters: string, rows: ScanMember[]): number {
  const colour = (c: string | null) => (c ? COLOUR_WORDS[c as keyof typeof COLOUR_WORDS].zh : '未申领');
  return listSheet(
    wb,
    '核验记录',
    day,
    filters,
    [
      C('核验时间', FMT.time, 17),
      C('身份证号', undefined, 20),
      C('姓名'),
      C('场所编号'),
      C('场所名称', undefined, 20),
      C('县（市、区）'),
      C('出示颜色'),
      C('核验时码色'),
      C('处置'),
      C('过期码'),
      C('违规'),
    ],
    rows.map((s) => [
      excelTime(s.at),
      s.idMasked,
      s.nameMasked,
      s.siteId,
      s.siteName,
      s.countyCode ? countyName(s.countyCode) : null,
      s.shownColor ? colour(s.shownColor) : null,
      colour(s.colorAtScan),
      s.action === 'pass' ? '放行' : s.action === 'deny' ? '拒绝' : null,
      s.stale ? '是' : '否',
      s.violation ? VIOLATION_ZH[s.violation]! : null,
    ]),
  );
}

export function siteStatsSheet(wb: ExcelJS.Workbook, filters: string, s: SiteStats): number {
  const cols = [
    C('扫码', FMT.count),
    C('放行', FMT.count),
    C('拒绝', FMT.count),
    C('出示红码', FMT.count),
    C('出示黄码', FMT.count),
    C('过期码', FMT.count),
    C('违规放行', FMT.count),
  ];
  const cells = (f: SiteStats['total']): CellValue[] => [f.scans, f.passes, f.denials, f.shownRed, f.shownYellow, f.stale, f.violations];
  const rows = s.rows.map((r) => [r.countyName, r.kind, ...cells(r)]);
  const sheet = new BriefingSheet(wb, {
    name: '场所核验',
    title: `${TITLE}\u3000卡口与场所核验`,
    subtitle: [`统计日期：${s.day}\u3000${filters || '全部'}\u3000单位：次`],
    columns: [C('县（市、区）', undefined, 14), C('场所类型'), ...cols],
  });
  sheet.addRows(rows);
  sheet.addRows([['合计', null, ...cells(s.total)]], { total: true });
  sheet.finish();
  return rows.length;
}

export interface WeeklyCounty {
  countyCode: string;
  approved: EnterpriseSummary[];
  approvedThisWeek: EnterpriseSummary[];
  withoutAdmin: EnterpriseSummary[];
}

/** 复工复产企业管理员周报: a city summary, then one sheet per county. */
export function weeklyReportBook(week: string, monday: Day, sunday: Day, counties: WeeklyCounty[], generatedBy: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = generatedBy;
  wb.title = `复工复产企业管理员周报 ${week}`;
  const span = `${week}（${formatDay(monday)} 至 ${formatDay(sunday)}）`;
  const summary = new BriefingSheet(wb, {
    name: '全市汇总',
    title: '复工复产企业管理员周报',
    subtitle: [`周次：${span}\u3000名录截至周日24时\u3000单位：家`],
    columns: [
      C('县（市、区）', undefined, 14),
      C('批准复工企业', FMT.count),
      C('本周批准', FMT.count),
      C('已报管理员', FMT.count),
      C('未报管理员', FMT.count),
    ],
  });
  const line = (name: string, c: Omit<WeeklyCounty, 'countyCode'>): CellValue[] => [
    name,
    c.approved.length,
    c.approvedThisWeek.length,
    c.approved.length - c.withoutAdmin.length,
    c.withoutAdmin.length,
  ];
  summary.addRows(counties.map((c) => line(countyName(c.countyCode), c)));
  const all = (k: 'approved' | 'approvedThisWeek' | 'withoutAdmin') => counties.flatMap((c) => c[k]);
  summary.addRows(
    [line('全市', { approved: all('approved'), approvedThisWeek: all('approvedThisWeek'), withoutAdmin: all('withoutAdmin') })],
    {
      total: true,
    },
  );
  summary.finish();
  for (const c of counties) {
    const sheet = new BriefingSheet(wb, {
      name: countyName(c.countyCode),
      title: `复工复产企业管理员周报\u3000${countyName(c.countyCode)}`,
      subtitle: [
        `周次：${span}\u3000管理员手机号已脱敏\u3000本周批准 ${c.approvedThisWeek.length} 家，未报管理员 ${c.withoutAdmin.length} 家`,
      ],
      columns: [
        C('统一社会信用代码', undefined, 20),
        C('企业名称', undefined, 24),
        C('行业'),
        C('批准日期', FMT.date),
        C('本周批准'),
        C('钉钉管理员'),
        C('管理员手机号', undefined, 13),
      ],
    });
    const thisWeek = new Set(c.approvedThisWeek.map((e) => e.creditCode));
    sheet.addRows(
      c.approved.map((e) => [
        e.creditCode,
        e.name,
        e.industry,
        isoToExcel(e.approvedOn),
        thisWeek.has(e.creditCode) ? '是' : '',
        e.adminName ?? '未报',
        e.adminPhoneMasked,
      ]),
    );
    if (c.approved.length === 0) sheet.addNote('本县区无批准复工企业。');
    sheet.finish();
  }
  return wb;
}

export function writeBook(wb: ExcelJS.Workbook, target: string): Promise<void> {
  return writeAtomically(target, (partial) => wb.xlsx.writeFile(partial));
}
