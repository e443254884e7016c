/**
 * The page's only door to the console: `window.hcc.call(method, params)`, one IPC channel that the
 * main process answers with the same dispatch the browser bridge uses. Nothing else is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ConsoleBridge, ConsoleEvent } from '../../shared/contract/api.ts';

const bridge = {
  call: (method, params) => ipcRenderer.invoke('hcc:call', method, params),
  onEvent: (listener) => {
    const wrapped = (_e: unknown, event: ConsoleEvent) => listener(event);
    ipcRenderer.on('hcc:event', wrapped);
    return () => ipcRenderer.off('hcc:event', wrapped);
  },
} satisfies ConsoleBridge;

contextBridge.exposeInMainWorld('hcc', bridge);
