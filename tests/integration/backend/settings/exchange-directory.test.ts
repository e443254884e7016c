/**
 * The exchange directory works the first time (issue 11 §6): a relative, missing or unreadable path
 * is refused when saved, with what to fix in both languages; a folder removed after it was saved is
 * said to be gone when a sync starts, and by the sync job itself, never as `ENOENT ... lstat`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ApiResponse } from '../../../../shared/contract/api.ts';
import { consoleSettings, saveConsoleSettings } from '../../../../electron/backend/settings/console-settings.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const USERS = [
  { name: 'chief', role: 'admin' },
  { name: 'duty', role: 'officer' },
];
/** What the system says and the page must not: its codes and system calls. */
const RAW = /ENOENT|EACCES|ENOTDIR|lstat|realpath|scandir|no such file or directory/;
/** Relative where the console runs: a Windows path is one on Linux, the issue's own example. */
const RELATIVE = process.platform === 'win32' ? '健康码交换' : 'D:\\健康码交换';

function refusal(r: ApiResponse<unknown>) {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  expect(r.error.code).toBe('bad_request');
  expect(r.error.message).not.toMatch(RAW);
  expect(r.error.messageZh).not.toMatch(RAW);
  return r.error;
}

describe('the exchange directory in Settings', () => {
  test('a relative path (a Windows path on Linux is one), a missing folder and a file are refused when saved, saying what to fix', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: USERS });
    const relative = refusal(await c.call('chief', 'settings.update', { syncSource: RELATIVE }));
    expect(relative.message).toMatch(/must be a full path/);
    expect(relative.messageZh).toMatch(/完整路径/);

    const missing = refusal(await c.call('chief', 'settings.update', { syncSource: join(dir, 'no-such-folder') }));
    expect(missing.message).toMatch(/does not exist .*check the path/);
    expect(missing.messageZh).toMatch(/不存在/);

    writeFileSync(join(dir, 'a-file.csv'), 'x');
    const file = refusal(await c.call('chief', 'settings.update', { syncSource: join(dir, 'a-file.csv') }));
    expect(file.message).toMatch(/is a file, not a folder/);
    expect(file.messageZh).toMatch(/是文件而不是文件夹/);
    expect(consoleSettings(c.services.db).syncSource).toBeNull();

    mkdirSync(join(dir, 'exchange'));
    expect(await c.ok('chief', 'settings.update', { syncSource: ` ${join(dir, 'exchange')} ` })).toMatchObject({
      syncSource: join(dir, 'exchange'),
    });
  });

  test('the stored folder, sent back unchanged with another setting, is not checked again (a share offline for a moment)', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: USERS });
    mkdirSync(join(dir, 'exchange'));
    await c.ok('chief', 'settings.update', { syncSource: join(dir, 'exchange') });
    rmSync(join(dir, 'exchange'), { recursive: true });
    expect(await c.ok('chief', 'settings.update', { idleTimeoutMinutes: 45, syncSource: join(dir, 'exchange') })).toMatchObject({
      idleTimeoutMinutes: 45,
    });
  });
});

describe('a sync from a folder that is gone', () => {
  test('sync now: refused at once with the folder named and what to do', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: USERS });
    mkdirSync(join(dir, 'exchange'));
    await c.ok('chief', 'settings.update', { syncSource: join(dir, 'exchange') });
    rmSync(join(dir, 'exchange'), { recursive: true });
    const gone = refusal(await c.call('duty', 'sync.start', {}));
    expect(gone.message).toContain(join(dir, 'exchange'));
    expect(gone.message).toMatch(/does not exist/);
    expect(c.services.jobs.current()).toBeNull();
  });

  test('a relative path saved before paths were checked is refused at sync start, not read below the install folder', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    saveConsoleSettings(c.services.db, { syncSource: RELATIVE });
    expect(refusal(await c.call('duty', 'sync.start', {})).message).toMatch(/must be a full path/);
  });

  test('the sync job itself (the folder removed after the job was asked for): the job fails with the mapped message in both languages', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: USERS });
    const job = c.services.jobs.start({ kind: 'sync', source: join(dir, 'removed') }, 'duty');
    await c.services.jobs.idle();
    const state = c.services.jobs.result(job.id)!.state;
    expect(state.status).toBe('failed');
    expect(state.error?.en).toMatch(/the folder .*removed does not exist/);
    expect(state.error?.zh).toMatch(/文件夹 .*removed 不存在/);
    expect(JSON.stringify(state)).not.toMatch(RAW);
  });
});
