/**
 * The page's only door to the console: `window.hcc` with call(method, params), onEvent(listener),
 * exportFile(method, params, name) and chooseFolder(current); the main process answers with the
 * same dispatch the browser bridge uses, and runs the dialogs itself. Nothing else is exposed (no
 * ipcRenderer, no Node).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ConsoleBridge, ConsoleEvent } from '../../shared/contract/api.ts';

const bridge = {
  call: (method, params) => ipcRenderer.invoke('hcc:call', method, params),
  onEvent: (listener) => {
    const wrapped = (_e: unknown, event: ConsoleEvent) => listener(event);
    ipcRenderer.on('hcc:event', wrapped);
    return () => {
      ipcRenderer.off('hcc:event', wrapped);
    };
  },
  exportFile: (method, params, suggestedName) => ipcRenderer.invoke('hcc:export', method, params, suggestedName),
  chooseFolder: (current) => ipcRenderer.invoke('hcc:choose-folder', current),
} satisfies ConsoleBridge;

contextBridge.exposeInMainWorld('hcc', bridge);
