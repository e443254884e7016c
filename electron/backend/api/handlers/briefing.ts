/**
 * Handlers of the Briefings screen (简报导出): the key figures of a date, the export (written in a
 * worker thread, audited) and the exports made lately. A county-scoped writer gets the briefing of
 * their own county: the same sheets and figures, read for that county alone (briefing-data.ts), never
 * a parameter away from another county's; they see only their county's exports among the recent ones.
 */
import { basename } from 'node:path';
import type { BriefingExportRecord, BriefingExportResult, BriefingPreview } from '../../../../shared/contract/briefing.ts';
import { type Day, formatDay } from '../../../../shared/domain/local-date.ts';
import { audit } from '../../audit/audit-log.ts';
import { briefingFigures } from '../../briefing/briefing-data.ts';
import { TREND_MAX_DAYS, briefingFileName, defaultTrendFrom } from '../../briefing/briefing-period.ts';
import { writeBriefingInWorker } from '../../briefing/run-briefing.ts';
import { signoffStatus } from '../../signoff/county-signoff.ts';
import { latestDataDay } from '../../clock/data-days.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import { isColourStateFresh } from '../../rules/recompute.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { countyScope } from '../county-scope.ts';
import { exportResult, exportTarget } from '../export-target.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';

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
  const db = ctx.services.db;
  const q = period(ctx, p);
  const county = countyScope(ctx);
  const f = briefingFigures(db, q.day, q.trendFrom, county);
  const last = f.summary.trend.at(-1);
  const latest = latestDataDay(db);
  return {
    day: formatDay(q.day),
    county,
    latestDataDay: latest === null ? null : formatDay(latest),
    fileName: briefingFileName(q.day, county),
    kpis: f.summary.kpis,
    turned: { red: last?.turnedRed ?? 0, yellow: last?.turnedYellow ?? 0, green: last?.turnedGreen ?? 0 },
    newCodes: last?.newCodes ?? 0,
    enforcement: f.enforcement,
    changes: f.changes,
    notices: f.notices,
    trendFrom: formatDay(q.trendFrom),
    freshness: f.summary.freshness,
    forecast: f.summary.forecast,
  };
}

export async function exportBriefing(ctx: CallContext, p: ValidParams<'briefing.export'>): Promise<BriefingExportResult> {
  const s = sessionOf(ctx);
  const q = period(ctx, p);
  const county = countyScope(ctx);
  // The figures must be today's colours: after a sync the console recomputes them in the background.
  if (!isColourStateFresh(ctx.services.db)) throw ApiFailure.because('busy', { code: 'briefing.recomputing' });
  const fileName = briefingFileName(q.day, county);
  const target = exportTarget(ctx, p, fileName);
  const now = ctx.services.now();
  const written = await writeBriefingInWorker(ctx.services.db, target.path, {
    ...q,
    county,
    generatedAt: now,
    generatedBy: s.user.name,
    // 概况 states the counties' sign-off (the page warned the writer of those not signed first).
    signoff: signoffStatus(ctx.services.db, q.day, county),
  });
  audit(ctx.services.db, {
    user: s.user.name,
    action: 'export.briefing',
    details: {
      day: formatDay(q.day),
      trendFrom: formatDay(q.trendFrom),
      ...(county === null ? {} : { county }),
      file: target.chosen ? basename(target.path) : fileName,
      rows: written.rows,
    },
    at: ctx.services.now(),
  });
  return { ...exportResult(ctx, target, fileName, written.rows), sheets: written.sheets };
}

/** The city's writers see every briefing exported; a county's, those of their county only. */
export function recent(ctx: CallContext, p: ValidParams<'briefing.recent'>): BriefingExportRecord[] {
  const { limit } = p;
  const county = countyScope(ctx);
  const rows = ctx.services.db
    .prepare(
      `SELECT at, user_name, details FROM audit_log WHERE action = 'export.briefing'
       ${county === null ? '' : "AND json_extract(details, '$.county') = ?"} ORDER BY id DESC LIMIT ?`,
    )
    .all(...(county === null ? [] : [county]), limit) as { at: number; user_name: string | null; details: string }[];
  return rows.map((r) => {
    const d = JSON.parse(r.details) as { day?: string; file?: string; county?: string };
    return { at: r.at, user: r.user_name ?? '', day: d.day ?? '', county: d.county ?? null, fileName: d.file ?? '' };
  });
}
