/**
 * The daily briefing workbook (BRIEFING.md): seven sheets in the spec's order, built from
 * BriefingData (already masked). ExcelJS in document mode: the streaming writer cannot place
 * images, and a day's lists are tens of thousands of rows at most.
 */
import ExcelJS from 'exceljs';
import { countyName } from '../../../shared/domain/counties.ts';
import { type Day, dayOfInstant, formatDay, formatInstant, parseDay } from '../../../shared/domain/local-date.ts';
import { COLOUR_WORDS, FEED_WORDS, wordOf } from '../../../shared/words/domain-words.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import { CODE_COLOR_HEX } from '../../../shared/domain/code-colors.ts';
import { type ExpectedGreens, tomorrowAndWeek } from '../../../shared/contract/forecast.ts';
import { type CountyStatsRow, TOTAL_CODE } from '../rules/county-stats.ts';
import type { BriefingData } from './briefing-data.ts';
import { SHEET_ROW_LIMIT } from './briefing-period.ts';
import type { ChartImage } from './chart-images.ts';
import { addSignoffSection } from './signoff-section.ts';
import type { SignoffStatus } from '../../../shared/contract/signoff.ts';
import { BriefingSheet, type CellValue, FMT, excelDay, excelTime } from '../files/sheet-style.ts';

export const SHEET_NAMES = ['概况', '分县统计', '趋势', '转码明细', '执法通报', '企业复工', '数据质量'] as const;

const TITLE = '滨州市健康码每日简报';

/** The city's title, or the county's: `滨州市健康码每日简报（邹平市）`. */
function titleOf(d: BriefingData): string {
  return d.county === null ? TITLE : `${TITLE}（${countyName(d.county)}）`;
}
// The briefing says what the console's screens say (shared/words): 未申领 for no code, the feeds as the Data screen names them.
const COLOR_WORD = (c: CodeColor): string => COLOUR_WORDS[c].zh;

export interface BriefingMeta {
  generatedAt: number;
  generatedBy: string;
  /** The counties' sign-off of the day (signoff/county-signoff.ts), stated on 概况; absent: not stated. */
  signoff?: SignoffStatus | undefined;
}

function dateLine(d: BriefingData): string {
  return `简报日期：${formatDay(d.day)}（统计截至当日24时）`;
}

const feedZh = (feed: string): string => wordOf(FEED_WORDS, feed, 'zh');

function parseDayOrThrow(text: string): Day {
  const day = parseDay(text);
  if (day === null) throw new Error(`not a date: ${text}`);
  return day;
}

const rate = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** 概况's line of the green forecast (issue 17, INTERPRETATIONS.greenForecast). */
function forecastRow(f: ExpectedGreens | null): CellValue[] {
  // briefingData always works it out; null only for data put together some other way.
  if (f === null) return ['预计明日可转绿', null, null, '未计算'];
  const { tomorrow, week, held } = tomorrowAndWeek(f);
  return [
    '预计明日可转绿',
    tomorrow,
    null,
    `预计明日可转绿 ${tomorrow} 人，7日内 ${week} 人（另有 ${held} 人因持续情形暂不能转绿）；按此后每日打卡正常推算`,
  ];
}

function summarySheet(wb: ExcelJS.Workbook, d: BriefingData, meta: BriefingMeta): number {
  const k = d.summary.kpis;
  const t = d.summary.trend.at(-1);
  const sheet = new BriefingSheet(wb, {
    name: '概况',
    title: titleOf(d),
    onePage: true,
    subtitle: [
      d.county === null ? dateLine(d) : `${dateLine(d)}\u3000统计范围：${countyName(d.county)}`,
      `生成时间：${formatInstant(meta.generatedAt).replace('T', ' ').slice(0, 16)}\u3000生成人：${meta.generatedBy}\u3000单位：人、件`,
    ],
    columns: [
      { header: '项目', min: 26 },
      { header: '数值', fmt: FMT.count, min: 14 },
      { header: '较前一日', fmt: FMT.change, min: 12 },
      { header: '说明', min: 40 },
    ],
  });
  const rows: CellValue[][] = [
    ['持码人数', k.total, k.change.total, '红码、黄码、绿码合计'],
    ['红码', k.red, k.change.red, ''],
    ['黄码', k.yellow, k.change.yellow, ''],
    ['绿码', k.green, k.change.green, ''],
    ['已登记未领码人数', k.noCode, k.change.noCode, '数据库中已知、尚无健康码的人员'],
    ['当日转为红码', t?.turnedRed ?? 0, null, '由其他码色转为红码'],
    ['当日转为黄码', t?.turnedYellow ?? 0, null, '由其他码色转为黄码'],
    ['当日转为绿码', t?.turnedGreen ?? 0, null, '由其他码色转为绿码'],
    ['当日新领码', t?.newCodes ?? 0, null, '首次获得健康码；首次即为红码、黄码的计入转红、转黄并列入转码明细'],
    ['当日新增疑似案件', d.enforcement.newSuspicions, null, '自动检测与人工上报'],
    ['当日处罚决定', d.enforcement.decisions, null, '转为红码并纳入诚信记录，见“执法通报”'],
    ['当日撤销决定', d.enforcement.revocations, null, '诚信记录标记为已撤销，见“执法通报”'],
    ['未结案件', d.enforcement.openCases, null, '截至当日24时'],
  ];
  sheet.addRows(rows);
  sheet.addRows([['覆盖率', rate(k.total, k.total + k.noCode), null, '持码人数 ÷（持码人数 + 已登记未领码人数）']], {
    fmts: [undefined, FMT.percent],
  });
  sheet.addRows([forecastRow(d.summary.forecast)]);
  sheet.addSection(
    '数据截至（各数据源最近一次导入）',
    ['数据源', '最近导入时间', '数据最新日期'],
    d.summary.freshness.map((f) => [
      feedZh(f.feed),
      f.lastImportAt === null ? '未导入' : excelTime(f.lastImportAt),
      f.latestRecordDay === null ? '—' : excelDay(parseDayOrThrow(f.latestRecordDay)),
    ]),
    [undefined, FMT.time, FMT.date],
  );
  if (meta.signoff) addSignoffSection(sheet, meta.signoff);
  sheet.ws.addRow([]);
  sheet.addSmallPrint(`审计日志锚点：第 ${d.audit.id} 条，哈希 ${d.audit.hash}`, 'Consolas');
  sheet.addSmallPrint(
    '核验方法：hcc audit verify --against <上述哈希>（数据库旁的锚点文件每次自动比对）。导出本简报的记录在此之后写入审计日志。',
  );
  return sheet.finish();
}

function countyName0(r: { county_code: string; county_name: string }): string {
  return r.county_code === TOTAL_CODE ? '全市合计' : r.county_name;
}

/** Counties in code order, then the city total in bold (the rows come that way from the queries). */
function addCountyRows<R extends { county_code: string }>(sheet: BriefingSheet, rows: readonly R[], line: (r: R) => CellValue[]): void {
  sheet.addRows(rows.filter((r) => r.county_code !== TOTAL_CODE).map(line));
  sheet.addRows(rows.filter((r) => r.county_code === TOTAL_CODE).map(line), { total: true });
}

function countySheet(wb: ExcelJS.Workbook, d: BriefingData, image: ChartImage): void {
  const sheet = new BriefingSheet(wb, {
    name: '分县统计',
    title: `${titleOf(d)}\u3000分县统计`,
    subtitle: [dateLine(d) + '\u3000单位：人'],
    columns: [
      { header: '县（市、区）', min: 14 },
      { header: '持码人数', fmt: FMT.count },
      { header: '红码', fmt: FMT.count },
      { header: '黄码', fmt: FMT.count },
      { header: '绿码', fmt: FMT.count },
      { header: '红黄码占比', fmt: FMT.percent },
      { header: '未领码人数', fmt: FMT.count },
      { header: '覆盖率', fmt: FMT.percent },
      { header: '红码较前日', fmt: FMT.change },
      { header: '黄码较前日', fmt: FMT.change },
      { header: '绿码较前日', fmt: FMT.change },
    ],
  });
  const line = (r: CountyStatsRow): CellValue[] => {
    const b = d.countiesBefore.find((x) => x.county_code === r.county_code);
    return [
      countyName0(r),
      r.total,
      r.red,
      r.yellow,
      r.green,
      rate(r.red + r.yellow, r.total),
      r.no_code,
      rate(r.total, r.total + r.no_code),
      r.red - (b?.red ?? 0),
      r.yellow - (b?.yellow ?? 0),
      r.green - (b?.green ?? 0),
    ];
  };
  addCountyRows(sheet, d.counties, line);
  const width = sheet.finish();
  placeImage(wb, sheet, image, width);
}

function trendSheet(wb: ExcelJS.Workbook, d: BriefingData, image: ChartImage): void {
  const sheet = new BriefingSheet(wb, {
    name: '趋势',
    title: `${titleOf(d)}\u3000趋势`,
    subtitle: [`${formatDay(d.trendFrom)} 至 ${formatDay(d.day)}，每日24时\u3000单位：人`],
    columns: [
      { header: '日期', fmt: FMT.date, min: 12 },
      { header: '红码', fmt: FMT.count },
      { header: '黄码', fmt: FMT.count },
      { header: '绿码', fmt: FMT.count },
      { header: '当日转红码', fmt: FMT.count },
      { header: '当日转黄码', fmt: FMT.count },
      { header: '当日转绿码', fmt: FMT.count },
    ],
  });
  sheet.addRows(
    d.summary.trend.map((p, i) => [excelDay(d.trendFrom + i), p.red, p.yellow, p.green, p.turnedRed, p.turnedYellow, p.turnedGreen]),
  );
  const width = sheet.finish();
  placeImage(wb, sheet, image, width);
}

/** A table longer than this leaves no room for the image below it on an A4 landscape page. */
const ROWS_BESIDE_IMAGE = 12;

function placeImage(wb: ExcelJS.Workbook, sheet: BriefingSheet, image: ChartImage, tableWidth: number): void {
  // The image fits under the table, as wide as the table (at least 720 px), so printing one page wide keeps both legible.
  const width = Math.max(720, tableWidth);
  const height = Math.round((image.height / image.width) * width);
  const last = sheet.ws.rowCount;
  // Spreadsheet programs print an image only as far as the page it starts on: after a long table
  // it starts a page of its own.
  if (last - sheet.headerRow > ROWS_BESIDE_IMAGE) sheet.ws.getRow(last).addPageBreak();
  const id = wb.addImage({ buffer: image.png as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.ws.addImage(id, { tl: { col: 0, row: last + 1 }, ext: { width, height } });
}

function colourCell(cell: ExcelJS.Cell, color: CodeColor): void {
  if (color === 'none') return;
  cell.font = { name: 'Microsoft YaHei', size: 10, bold: true, color: { argb: `FF${CODE_COLOR_HEX[color].slice(1).toUpperCase()}` } };
}

function changesSheet(wb: ExcelJS.Workbook, d: BriefingData): void {
  const sheet = new BriefingSheet(wb, {
    name: '转码明细',
    title: `${titleOf(d)}\u3000转码明细`,
    subtitle: [`${dateLine(d)}\u3000共 ${d.changeLines.length.toLocaleString('en-US')} 人（身份证号、姓名已脱敏）`],
    columns: [
      { header: '身份证号', min: 20 },
      { header: '姓名', min: 8 },
      { header: '县（市、区）', min: 12 },
      { header: '原码色' },
      { header: '现码色' },
      { header: '主要原因', min: 30 },
    ],
  });
  const lines = d.changeLines.slice(0, SHEET_ROW_LIMIT);
  sheet.addRows(lines.map((c) => [c.idMasked, c.nameMasked, countyName(c.county), COLOR_WORD(c.from), COLOR_WORD(c.to), c.reason]));
  lines.forEach((c, i) => {
    const row = sheet.ws.getRow(sheet.headerRow + 1 + i);
    colourCell(row.getCell(4), c.from);
    colourCell(row.getCell(5), c.to);
  });
  if (d.changeLines.length === 0) sheet.addNote('当日无码色变化。');
  if (d.changeLines.length > lines.length)
    sheet.addNote(
      `仅列出前 ${lines.length.toLocaleString('en-US')} 人（工作表行数上限），共 ${d.changeLines.length.toLocaleString('en-US')} 人。`,
    );
  sheet.finish();
}

function noticesSheet(wb: ExcelJS.Workbook, d: BriefingData): void {
  const sheet = new BriefingSheet(wb, {
    name: '执法通报',
    title: `${titleOf(d)}\u3000执法通报（通报名单）`,
    subtitle: [
      `${dateLine(d)}\u3000当日处罚决定 ${d.enforcement.decisions} 件，撤销 ${d.enforcement.revocations} 件（身份证号、姓名已脱敏）`,
    ],
    columns: [
      { header: '类别', min: 10 },
      { header: '诚信记录编号', min: 18 },
      { header: '身份证号', min: 20 },
      { header: '姓名', min: 8 },
      { header: '县（市、区）', min: 12 },
      { header: '行为', min: 14 },
      { header: '决定日期', fmt: FMT.date, min: 12 },
      { header: '撤销日期', fmt: FMT.date, min: 12 },
    ],
  });
  sheet.addRows(
    d.noticeLines.map((n) => [
      n.kind === 'decision' ? '处罚决定' : '撤销决定',
      n.number,
      n.idMasked,
      n.nameMasked,
      n.county ? countyName(n.county) : '',
      n.behavior,
      excelDay(dayOfInstant(n.decidedAt)),
      n.revokedAt === null ? null : excelDay(dayOfInstant(n.revokedAt)),
    ]),
  );
  if (d.noticeLines.length === 0) sheet.addNote('当日无处罚决定或撤销。');
  sheet.finish();
}

function enterprisesSheet(wb: ExcelJS.Workbook, d: BriefingData): void {
  const sheet = new BriefingSheet(wb, {
    name: '企业复工',
    title: `${titleOf(d)}\u3000企业复工`,
    subtitle: [`${dateLine(d)}\u3000批准复工企业的员工按当日码色分类\u3000单位：家、人`],
    columns: [
      { header: '县（市、区）', min: 14 },
      { header: '批准复工企业', fmt: FMT.count },
      { header: '员工总数', fmt: FMT.count },
      { header: '红码员工', fmt: FMT.count },
      { header: '黄码员工', fmt: FMT.count },
      { header: '绿码员工', fmt: FMT.count },
      { header: '无码员工', fmt: FMT.count },
      { header: '可返岗（绿码）', fmt: FMT.count },
      { header: '居家隔离（黄码）', fmt: FMT.count },
      { header: '集中隔离（红码）', fmt: FMT.count },
    ],
  });
  const line = (r: (typeof d.enterprises)[number]): CellValue[] => [
    countyName0(r),
    r.approved,
    r.staff,
    r.red,
    r.yellow,
    r.green,
    r.no_code,
    r.green,
    r.yellow,
    r.red,
  ];
  addCountyRows(sheet, d.enterprises, line);
  sheet.finish();
}

function qualitySheet(wb: ExcelJS.Workbook, d: BriefingData): void {
  const sheet = new BriefingSheet(wb, {
    name: '数据质量',
    title: `${titleOf(d)}\u3000数据质量`,
    subtitle: [
      `${formatDay(d.day)} 的数据文件（按文件名中的日期，无日期时按修改时间）${d.county === null ? '' : '，全市共用的交换文件，不分县'}\u3000单位：个、行`,
    ],
    columns: [
      { header: '数据源', min: 12 },
      { header: '当日文件', fmt: FMT.count },
      { header: '接收行数', fmt: FMT.count },
      { header: '重复行数', fmt: FMT.count },
      { header: '拒收行数', fmt: FMT.count },
      { header: '最近导入时间', fmt: FMT.time, min: 17 },
      { header: '有错误的文件', min: 24 },
    ],
  });
  sheet.addRows(
    d.quality.map((q) => [
      q.feed_name,
      q.files,
      q.accepted,
      q.duplicates,
      q.rejected,
      q.last_import_at === null ? '未导入' : excelTime(q.last_import_at),
      q.error_files.length ? q.error_files.join('、') : '无',
    ]),
  );
  const sum = (k: 'files' | 'accepted' | 'duplicates' | 'rejected') => d.quality.reduce((a, q) => a + q[k], 0);
  const errors = d.quality.reduce((a, q) => a + q.error_files.length, 0);
  sheet.addRows([['合计', sum('files'), sum('accepted'), sum('duplicates'), sum('rejected'), null, errors ? `${errors} 个文件` : '无']], {
    total: true,
  });
  sheet.finish();
}

/** `images`: the county distribution and the trend, from chart-images.ts. */
export function buildBriefingWorkbook(
  d: BriefingData,
  meta: BriefingMeta,
  images: { county: ChartImage; trend: ChartImage },
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.generatedBy;
  wb.title = `${titleOf(d)} ${formatDay(d.day)}`;
  wb.created = new Date(meta.generatedAt);
  summarySheet(wb, d, meta);
  countySheet(wb, d, images.county);
  trendSheet(wb, d, images.trend);
  changesSheet(wb, d);
  noticesSheet(wb, d);
  enterprisesSheet(wb, d);
  qualitySheet(wb, d);
  return wb;
}
