/**
 * Writes the daily briefing of a date to a file, whole or not at all. The CLI calls this directly;
 * the console runs it in a worker thread (briefing-worker.ts) so the API keeps answering meanwhile.
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import { anchorAuditHead } from '../audit/audit-anchor.ts';
import type { Db } from '../db/database.ts';
import { writeAtomically } from '../files/write-atomically.ts';
import { briefingData } from './briefing-data.ts';
import { briefingChartImages } from './chart-images.ts';
import { type BriefingMeta, SHEET_NAMES, buildBriefingWorkbook } from './briefing-workbook.ts';

export interface BriefingRequest extends BriefingMeta {
  day: Day;
  trendFrom: Day;
  /** One county's briefing (a county account's, `hcc briefing --county`); null or absent: the city's. */
  county?: string | null;
}

export interface WrittenBriefing {
  file: string;
  sheets: string[];
  /** Rows of the two lists (转码明细 + 执法通报). */
  rows: number;
}

export async function writeBriefing(db: Db, target: string, r: BriefingRequest): Promise<WrittenBriefing> {
  let images: ReturnType<typeof briefingChartImages> | undefined;
  const data = briefingData(db, r.day, r.trendFrom, r.county ?? null, (f) => {
    images = briefingChartImages(f.summary.counties, f.summary.trend);
    // Awaited below; if reading the lists fails first, this keeps the images' failure from going unhandled.
    images.catch(() => undefined);
  });
  // Every briefing also refreshes the anchor beside the database (outside the read transaction),
  // so the head it prints and the anchor that `audit verify` compares are recorded together.
  anchorAuditHead(db);
  const wb = buildBriefingWorkbook(data, r, await images!);
  await writeAtomically(target, (partial) => wb.xlsx.writeFile(partial));
  return { file: target, sheets: [...SHEET_NAMES], rows: data.changeLines.length + data.noticeLines.length };
}
