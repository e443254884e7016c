/**
 * The dashboard's tables as Excel in the briefing's look: the counties of a day with the city's
 * total row, and the day's colour changes. Counts only, no one's identity.
 */
import ExcelJS from 'exceljs';
import type { DashboardSummary } from '../../../shared/contract/dashboard.ts';
import { countyName } from '../../../shared/domain/counties.ts';
import { severity } from '../../../shared/domain/rules/colors.ts';
import { BriefingSheet, FMT } from '../files/sheet-style.ts';
import { colourZh } from '../../../shared/words/domain-words.ts';

export type DashboardTable = 'counties' | 'transitions';

function countySheet(wb: ExcelJS.Workbook, s: DashboardSummary, scope: string): number {
  const sheet = new BriefingSheet(wb, {
    name: '分县统计',
    title: '滨州市健康码指挥中心\u3000各县（市、区）健康码统计',
    subtitle: [`${scope}\u3000数据日期：${s.asOf}\u3000单位：人`],
    columns: [
      { header: '县（市、区）', min: 14 },
      { header: '持码人数', fmt: FMT.count, min: 10 },
      { header: '红码', fmt: FMT.count },
      { header: '黄码', fmt: FMT.count },
      { header: '绿码', fmt: FMT.count, min: 10 },
      { header: '红黄码占比', fmt: FMT.percent, min: 10 },
    ],
  });
  sheet.addRows(s.counties.map((r) => [countyName(r.countyCode), r.total, r.red, r.yellow, r.green, r.redYellowRate]));
  const c = s.cityTotal;
  if (c) {
    sheet.addRows([['全市合计', c.total, c.red, c.yellow, c.green, c.redYellowRate]], { total: true });
    sheet.addNote('全市合计含县区不明的人员，故可能大于各县之和。');
  }
  sheet.finish();
  return s.counties.length;
}

function transitionSheet(wb: ExcelJS.Workbook, s: DashboardSummary, scope: string): number {
  const rows = [...s.transitions].sort((a, b) => severity(b.to) - severity(a.to) || b.n - a.n);
  const sheet = new BriefingSheet(wb, {
    name: '当日转码',
    title: '滨州市健康码指挥中心\u3000当日转码统计',
    subtitle: [`${scope}\u3000数据日期：${s.asOf}\u3000单位：人`],
    columns: [
      { header: '原码色', min: 10 },
      { header: '现码色', min: 10 },
      { header: '人数', fmt: FMT.count, min: 10 },
    ],
  });
  sheet.addRows(rows.map((t) => [colourZh(t.from), colourZh(t.to), t.n]));
  if (rows.length === 0) sheet.addNote('当日无转码。');
  sheet.finish();
  return rows.length;
}

export function dashboardWorkbook(table: DashboardTable, s: DashboardSummary, creator: string): { wb: ExcelJS.Workbook; rows: number } {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  const scope = s.county === null ? '全市' : countyName(s.county);
  const rows = table === 'counties' ? countySheet(wb, s, scope) : transitionSheet(wb, s, scope);
  return { wb, rows };
}
