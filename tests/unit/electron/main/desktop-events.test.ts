/**
 * Issue 12: a report writer's window received sync and import job events (exchange directory, file
 * names, row counts) that its role may not see through data.overview. The desktop sends each event
 * only to a window whose user may see it, as the browser bridge does. Electron's module is stubbed.
 */
import { expect, test } from 'vitest';
import type { JobState } from '../../../../shared/contract/api.ts';
import { createUser } from '../../../../electron/backend/auth/users.ts';
import { useTempDir } from '../../../support/temp-dir.ts';
import { useStubbedConsole } from './stubbed-console.ts';
import { FakeWindow, fakeElectron, ipcEvent } from './electron-stub.ts';

const tempDir = useTempDir();
const PAGE = 'app://console/index.html';
const stubbed = useStubbedConsole();

const JOB: JobState = {
  id: 3,
  kind: 'import',
  status: 'running',
  source: '健康打卡-2020-02-10.csv',
  startedAt: 0,
  finishedAt: null,
  feeds: {},
  current: null,
  colours: null,
  rowsPerSecond: 0,
  etaSeconds: null,
  message: null,
  error: null,
};

test.each([
  ['writer', false],
  ['officer', true],
] as const)('job events reach a %s’s window: %s; that data changed, always', async (role, hearsJobs) => {
  const dir = tempDir();
  process.env.HCC_DATA_DIR = dir;
  const fake = fakeElectron(dir);
  await stubbed.start(fake.electron, { outDir: '/opt/hcc/out' });
  await createUser(stubbed.running!.services.db, { name: 'someone', role, county: null, password: 'a-long-password-1' });
  const page = FakeWindow.instances[0]!.webContents;
  const signedIn = (await fake.handlers.get('hcc:call')!(ipcEvent(page, PAGE), 'auth.signIn', {
    name: 'someone',
    password: 'a-long-password-1',
  })) as { ok: boolean };
  expect(signedIn.ok).toBe(true);
  stubbed.running!.services.events.publish({ type: 'job', job: JOB });
  stubbed.running!.services.events.publish({ type: 'data-changed' });
  const sent = page.sent.filter(([channel]) => channel === 'hcc:event').map(([, e]) => (e as { type: string }).type);
  expect(sent).toEqual(hearsJobs ? ['job', 'data-changed'] : ['data-changed']);
});
