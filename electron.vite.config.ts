import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Worker threads are entries of their own, emitted beside the main bundle (see worker-url.ts).
        input: {
          index: resolve('electron/main/index.ts'),
          'parse-worker': resolve('electron/backend/import/parse-worker.ts'),
          'pull-worker': resolve('electron/backend/exchange-db/pull-worker.ts'),
          'demo-day-worker': resolve('electron/backend/demo/demo-day-worker.ts'),
          'evaluate-worker': resolve('electron/backend/rules/evaluate-worker.ts'),
          'job-worker': resolve('electron/backend/jobs/job-worker.ts'),
          'briefing-worker': resolve('electron/backend/briefing/briefing-worker.ts'),
          'audit-verify-worker': resolve('electron/backend/audit/audit-verify-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
