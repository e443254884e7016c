// Each layering rule fires on a planted violation, through the project's own ESLint configuration
// (eslint.config.js), so a rule that is switched off or mis-scoped fails here, not in review.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The layering messages ESLint gives `code` written at `file` (a project-relative path). */
async function layerMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${ROOT}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

interface Case {
  file: string;
  code: string;
}

const refused: Case[] = [
  // The backend is plain Node: no Electron, no main process, no preload, no UI, no stray packages.
  { file: 'electron/backend/jobs/planted.ts', code: "import { registerIpc } from '../../main/ipc.ts';" },
  { file: 'electron/backend/jobs/planted.ts', code: "import type { registerIpc } from '../../main/ipc.ts';" },
  { file: 'electron/backend/api/handlers/planted.ts', code: "export * from '../../../preload/index.ts';" },
  { file: 'electron/backend/planted.ts', code: "import { app } from 'electron';" },
  { file: 'electron/backend/briefing/planted.ts', code: "import { App } from '../../../renderer/src/app/app.tsx';" },
  { file: 'electron/backend/briefing/planted.ts', code: "import React from 'react';" },
  { file: 'electron/backend/cli/planted.ts', code: "const m = await import('../../main/index.ts');" },
  // pipelines/ is the top of the backend: the layers below it do not call use cases.
  { file: 'electron/backend/rules/planted.ts', code: "import { importFiles } from '../pipelines/import-files.ts';" },
  { file: 'electron/backend/enforcement/detectors/planted.ts', code: "import { x } from '../../pipelines/x.ts';" },
  // shared/ is pure: no Node (with or without node:), no I/O packages, nothing outside shared/.
  { file: 'shared/domain/planted.ts', code: "import ExcelJS from 'exceljs';" },
  { file: 'shared/domain/planted.ts', code: "import { Readable } from 'stream';" },
  { file: 'shared/domain/planted.ts', code: "import { Readable } from 'node:stream';" },
  { file: 'shared/contract/planted.ts', code: "import { createServer } from 'http';" },
  { file: 'shared/contract/planted.ts', code: "import type { Db } from '../../electron/backend/db/database.ts';" },
  { file: 'shared/charts/planted.ts', code: "import { useState } from 'react';" },
  { file: 'shared/charts/planted.ts', code: "import { x } from '../../renderer/src/app/x.ts';" },
  // The renderer is browser code that talks to the contract.
  { file: 'renderer/src/features/cases/planted.ts', code: "import { readFileSync } from 'node:fs';" },
  { file: 'renderer/src/features/cases/planted.ts', code: "import { ipcRenderer } from 'electron';" },
  { file: 'renderer/src/features/cases/planted.ts', code: "import { openDatabase } from '../../../../electron/backend/db/database.ts';" },
  { file: 'renderer/src/features/cases/planted.ts', code: "import ExcelJS from 'exceljs';" },
  // The preload: electron and shared/contract only.
  { file: 'electron/preload/planted.ts', code: "import { maskId } from '../../shared/domain/masking.ts';" },
  { file: 'electron/preload/planted.ts', code: "import { dispatch } from '../backend/api/dispatch.ts';" },
  { file: 'electron/preload/planted.ts', code: "import { readFileSync } from 'node:fs';" },
  // The main process: no UI, no preload internals, no backend packages of its own.
  { file: 'electron/main/planted.ts', code: "import { App } from '../../renderer/src/app/app.tsx';" },
  { file: 'electron/main/planted.ts', code: "import '../preload/index.ts';" },
  { file: 'electron/main/planted.ts', code: "import ExcelJS from 'exceljs';" },
  // The launcher starts Electron in a child process and imports nothing of the console.
  { file: 'electron/launch/planted.ts', code: "import { openDatabase } from '../backend/db/database.ts';" },
];

const allowed: Case[] = [
  { file: 'electron/backend/jobs/planted.ts', code: "import { openDatabase } from '../db/database.ts';" },
  { file: 'electron/backend/jobs/planted.ts', code: "import { parseDay } from '../../../shared/domain/local-date.ts';" },
  {
    file: 'electron/backend/jobs/planted.ts',
    code: "import ExcelJS from 'exceljs'; import { join } from 'node:path'; import { Worker } from 'worker_threads';",
  },
  { file: 'electron/backend/jobs/planted.ts', code: "import { importFiles } from '../pipelines/import-files.ts';" },
  { file: 'electron/backend/api/handlers/planted.ts', code: "import { importFiles } from '../../pipelines/import-files.ts';" },
  { file: 'electron/backend/pipelines/planted.ts', code: "import { recompute } from '../rules/recompute.ts'; import { x } from './x.ts';" },
  { file: 'shared/domain/planted.ts', code: "import * as v from 'valibot'; import { x } from '../contract/x.ts';" },
  {
    file: 'renderer/src/features/cases/planted.ts',
    code: "import { useState } from 'react'; import type { Api } from '../../../../shared/contract/api.ts';",
  },
  {
    file: 'renderer/src/features/cases/planted.ts',
    code: "import { createRoot } from 'react-dom/client'; import { use } from 'echarts/core';",
  },
  {
    file: 'electron/preload/planted.ts',
    code: "import { contextBridge } from 'electron'; import type { Api } from '../../shared/contract/api.ts';",
  },
  {
    file: 'electron/main/planted.ts',
    code: "import { app } from 'electron'; import { openDatabase } from '../backend/db/database.ts'; import { join } from 'node:path';",
  },
  { file: 'electron/launch/planted.ts', code: "import { spawn } from 'node:child_process';" },
  // tests/ are no layer: they reach every layer to test it.
  {
    file: 'tests/unit/planted.test.ts',
    code: "import { registerIpc } from '../../electron/main/ipc.ts'; import { App } from '../../renderer/src/app/app.tsx';",
  },
];

describe('layering rules (eslint-rules/layers.js)', () => {
  it.each(refused)('refuses in $file: $code', async ({ file, code }) => {
    const messages = await layerMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`${file} may not import`);
  });

  it.each(allowed)('allows in $file: $code', async ({ file, code }) => {
    expect(await layerMessages(file, code)).toEqual([]);
  });

  it('names the file a relative import reaches, not the text it was written as', async () => {
    const [message] = await layerMessages(
      'electron/backend/jobs/planted.ts',
      "import { registerIpc } from './../api/../../main/./ipc.ts';",
    );
    expect(message).toContain('may not import electron/main/ipc.ts');
  });
});
