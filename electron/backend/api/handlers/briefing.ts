/**
 * Handlers of the Briefings screen (简报导出): the key figures of a date, the export (written in a
 * worker thread, audited) and the exports made lately. The briefing is city-wide, so a
 * county-scoped account may not export it.
 */
import { basename } from 'node:path';
import type { BriefingExportRecord, BriefingExportResult, BriefingPreview } from '../../../../shared/contract/briefing.ts';
import { type Day, formatDay } from '../../../../shared/domain/local-date.ts';
import { audit } from '../../audit/audit-log.ts';
import { briefingFigures } from '../../briefing/briefing-data.ts';
import { TREND_MAX_DAYS, briefingFileName, defaultTrendFrom } from '../../briefing/briefing-period.ts';
import { writeBriefingInWorker } from '../../briefing/run-briefing.ts';
import { latestDataDay } from '../../clock/data-days.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import { isColourStateFresh } from '../../rules/recompute.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { exportResult, exportTarget } from '../export-target.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';

function cityWide(ctx: CallContext): void {
  if (sessionOf(ctx).user.county) throw ApiFailure.because('forbidden', { code: 'briefing.cityOnly' });
}

/** The briefing's date (the export's is required by its schema) and the trend's start. */
function period(ctx: CallContext, p: { day?: Day | undefined; trendFrom?: Day | undefined }): { day: Day; trendFrom: Day } {
  const d = p.day ?? defaultAsOfDay(ctx.services.db, ctx.services.now);
  const from = p.trendFrom ?? defaultTrendFrom(d);
  if (from > d) throw ApiFailure.because('bad_request', { code: 'briefing.trendAfterDay' });
  if (d - from + 1 > TREND_MAX_DAYS)
    throw ApiFailure.because('bad_request', { code: 'briefing.trendTooLong', params: { days: TREND_MAX_DAYS } });
  return { day: d, trendFrom: from };
}

export function preview(ctx: CallContext, p: ValidParams<'briefing.preview'>): BriefingPreview {
  cityWide(ctx);
  const db = ctx.services.db;
  const q = period(ctx, p);
  const f = briefingFigures(db, q.day, q.trendFrom);
  const last = f.summary.trend.at(-1);
  const latest = latestDataDay(db);
  return {
    day: formatDay(q.day),
    latestDataDay: latest === null ? null : formatDay(latest),
    fileName: briefingFileName(q.day),
    kpis: f.summary.kpis,
    turned: { red: last?.turnedRed ?? 0, yellow: last?.turnedYellow ?? 0, green: last?.turnedGreen ?? 0 },
    newCodes: last?.newCodes ?? 0,
    enforcement: f.enforcement,
    changes: f.changes,
    notices: f.notices,
    trendFrom: formatDay(q.trendFrom),
    freshness: f.summary.freshness,
  };
}

export async function exportBriefing(ctx: CallContext, p: ValidParams<'briefing.export'>): Promise<BriefingExportResult> {
  cityWide(ctx);
  const s = sessionOf(ctx);
  const q = period(ctx, p);
  // The figures must be today's colours: after a sync the console recomputes them in the background.
  if (!isColourStateFresh(ctx.services.db)) throw ApiFailure.because('busy', { code: 'briefing.recomputing' });
  const fileName = briefingFileName(q.day);
  const target = exportTarget(ctx, p, fileName);
  const now = ctx.services.now();
  const written = await writeBriefingInWorker(ctx.services.db, target.path, { ...q, generatedAt: now, generatedBy: s.user.name });
  audit(ctx.services.db, {
    user: s.user.name,
    action: 'export.briefing',
    details: {
      day: formatDay(q.day),
      trendFrom: formatDay(q.trendFrom),
      file: target.chosen ? basename(target.path) : fileName,
      rows: written.rows,
    },
    at: ctx.services.now(),
  });
  return { ...exportResult(ctx, target, fileName, written.rows), sheets: written.sheets };
}

export function recent(ctx: CallContext, p: ValidParams<'briefing.recent'>): BriefingExportRecord[] {
  const { limit } = p;
  const rows = ctx.services.db
    .prepare("SELECT at, user_name, details FROM audit_log WHERE action = 'export.briefing' ORDER BY id DESC LIMIT ?")
    .all(limit) as { at: number; user_name: string | null; details: string }[];
  return rows.map((r) => {
    const d = JSON.parse(r.details) as { day?: string; file?: string };
    return { at: r.at, user: r.user_name ?? '', day: d.day ?? '', fileName: d.file ?? '' };
  });
}
