/**
 * The IPC transport of the console API: one channel for calls, one for exports (the save dialog
 * runs here, so the page never chooses a path), one for the folder dialog of the exchange
 * directory, events pushed to every signed-in window. A window's
 * session token stays in this process, bound to the window; the page never sees it.
 */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import { EXPORT_METHODS } from '../../shared/contract/api.ts';
import { can } from '../../shared/domain/roles.ts';
import type { CallContext, ConsoleServices } from '../backend/api/context.ts';
import { dispatch } from '../backend/api/dispatch.ts';
import { type TrustedPages, isTrustedUrl } from './trusted-url.ts';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  downloadsDir: string;
  /** The pages that may call: the same rule as the window's navigation guard. */
  pages: TrustedPages;
}

const untrusted = { ok: false, error: { code: 'forbidden', message: 'untrusted sender', messageZh: '不受信任的调用方' } } as const;

export function registerIpc(services: ConsoleServices, deps: IpcDeps): { tokenOf: (contentsId: number) => string | null } {
  const tokens = new Map<number, string>();
  const context = (event: IpcMainInvokeEvent): CallContext => {
    const id = event.sender.id;
    return {
      services,
      session: services.sessions.get(tokens.get(id)),
      client: 'desktop',
      transport: 'ipc',
      setSession: (t) => {
        if (t === null) tokens.delete(id);
        else tokens.set(id, t);
      },
    };
  };
  const trusted = (event: IpcMainInvokeEvent) => event.senderFrame !== null && isTrustedUrl(event.senderFrame.url, deps.pages);

  deps.ipcMain.handle('hcc:call', (event, method: unknown, params: unknown) => {
    if (!trusted(event)) return untrusted;
    // Export targets come from the save dialog below, never from the page.
    const clean = params && typeof params === 'object' ? { ...(params as Record<string, unknown>), target: undefined } : params;
    return dispatch(context(event), String(method), clean ?? {});
  });

  deps.ipcMain.handle('hcc:export', async (event, method: unknown, params: unknown, suggestedName: unknown) => {
    if (!trusted(event)) return untrusted;
    if (!(EXPORT_METHODS as readonly string[]).includes(String(method)))
      return { ok: false, error: { code: 'bad_request', message: 'not an export', messageZh: '不是导出操作' } };
    const name = typeof suggestedName === 'string' ? suggestedName.replace(/[\\/:*?"<>|]/g, '_') : 'export';
    const ext = extname(name).slice(1) || 'csv';
    const win = deps.windowOf(event);
    const options = { defaultPath: join(deps.downloadsDir, name), filters: [{ name: ext.toUpperCase(), extensions: [ext] }] };
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    return dispatch(context(event), String(method), { ...(params as Record<string, unknown>), target: choice.filePath });
  });

  // The exchange directory's 浏览… button. The dialog gives the page nothing it could not type; it is
  // still kept to a trusted page of a signed-in administrator, the only one who may save it.
  deps.ipcMain.handle('hcc:choose-folder', async (event, current: unknown) => {
    if (!trusted(event)) return null;
    const session = context(event).session;
    if (!session || !can(session.user.role, 'settings.manage')) return null;
    const options: OpenDialogOptions = {
      properties: ['openDirectory'],
      ...(typeof current === 'string' && current.length > 0 && current.length <= 1000 ? { defaultPath: current } : {}),
    };
    const win = deps.windowOf(event);
    const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  });

  return { tokenOf: (id) => tokens.get(id) ?? null };
}
