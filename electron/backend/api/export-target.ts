/**
 * Where an export goes: in the desktop app, the file the user chose in the save dialog (main puts
 * it in `target`; a page cannot); in a browser, a one-time download kept for this session.
 */
import { basename } from 'node:path';
import { type CallContext, sessionOf } from './context.ts';

export interface ExportTarget {
  path: string;
  chosen: boolean;
}

export function exportTarget(ctx: CallContext, p: Record<string, unknown>, fileName: string): ExportTarget {
  const target = ctx.transport === 'ipc' && typeof p.target === 'string' && p.target ? p.target.slice(0, 2000) : null;
  return target ? { path: target, chosen: true } : { path: ctx.services.downloads.newPath(fileName), chosen: false };
}

/** The answer to an export: the file's name, and the download's address in a browser. */
export function exportResult(
  ctx: CallContext,
  t: ExportTarget,
  fileName: string,
  rows: number,
): { rows: number; fileName: string; downloadUrl: string | null } {
  return {
    rows,
    fileName: t.chosen ? basename(t.path) : fileName,
    downloadUrl: t.chosen ? null : `/download/${ctx.services.downloads.register(t.path, fileName, sessionOf(ctx).token)}`,
  };
}
