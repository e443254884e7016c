/** The console's main process started on the stubbed Electron, stopped after each test. */
import { afterEach, beforeEach } from 'vitest';
import { type ElectronModule, startConsole } from '../../../../electron/main/app-main.ts';
import { FakeWindow } from './electron-stub.ts';

type Running = Awaited<ReturnType<typeof startConsole>>;

export function useStubbedConsole(): {
  start(electron: unknown, options: Parameters<typeof startConsole>[1]): Promise<Running>;
  readonly running: Running;
} {
  let running: Running = null;
  beforeEach(() => {
    FakeWindow.instances = [];
  });
  afterEach(async () => {
    await running?.services.jobs.close();
    running?.services.db.close();
    running = null;
    delete process.env.HCC_DATA_DIR;
  });
  return {
    async start(electron, options) {
      running = await startConsole(electron as ElectronModule, options);
      return running;
    },
    get running() {
      return running;
    },
  };
}
