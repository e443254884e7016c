/** The Electron main process with Electron's module stubbed: window options, guards, app:// protocol, IPC transport. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { useTempDir } from '../../../support/temp-dir.ts';
import { useStubbedConsole } from './stubbed-console.ts';
import { FakeWebContents, FakeWindow, fakeElectron, ipcEvent } from './electron-stub.ts';

const tempDir = useTempDir();
const OUT = '/opt/hcc/out';
const PAGE = 'app://console/index.html';
// Where the page lived before app://: a file URL of our own index.html is no longer trusted.
const OLD_FILE_PAGE = `file://${OUT}/renderer/index.html`;
const stubbed = useStubbedConsole();

async function start(options: Parameters<typeof fakeElectron>[1] = {}) {
  const dir = tempDir();
  process.env.HCC_DATA_DIR = dir;
  const fake = fakeElectron(dir, options);
  await stubbed.start(fake.electron, { outDir: OUT });
  return { ...fake, dir };
}

function navigator(contents: FakeWebContents) {
  return (url: string) => {
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
}

describe('Electron main process', () => {
  test('one window, sandboxed and isolated, no Node in the page, our preload only; database in the app-data folder', async () => {
    const { dir } = await start();
    expect(FakeWindow.instances).toHaveLength(1);
    const prefs = FakeWindow.instances[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(prefs.preload).toBe(join(OUT, 'preload', 'index.cjs'));
    expect(FakeWindow.instances[0]!.loaded).toBe(PAGE);
    expect(FakeWindow.instances[0]!.loadFile).not.toHaveBeenCalled();
    expect(existsSync(join(dir, 'console.db'))).toBe(true);
  });

  test('permission requests are denied and the CSP is added to every response', async () => {
    const { session } = await start();
    let granted: boolean | null = null;
    session.permissionRequest!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(session.permissionCheck!()).toBe(false);
    let headers: Record<string, string[]> = {};
    session.headers!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toMatch(/script-src 'self'/);
  });

  test('navigation away, new windows and webviews are blocked; https links go to the system browser', async () => {
    const { electron } = await start();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const navigate = navigator(contents);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate(PAGE)).toBe(false);
    expect(navigate(`${PAGE}#/people`)).toBe(false);
    expect(navigate('app://console/')).toBe(false);
    // Only our index page: not another file of ours, not another app:// host.
    expect(navigate('app://console/assets/index.js')).toBe(true);
    expect(navigate('app://other/index.html')).toBe(true);
    // No file: page at all, ours included: a dropped or downloaded HTML file, a network share.
    expect(navigate('file:///tmp/evil.html')).toBe(true);
    expect(navigate(OLD_FILE_PAGE)).toBe(true);
    expect(navigate(`file://${OUT}/renderer/../renderer/index.html`)).toBe(true);
    expect(navigate('file://server/share/out/renderer/index.html')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://datav.aliyun.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://datav.aliyun.com/');
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    let webview = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
  });

  test('IPC answers our page through the one dispatch and refuses other senders', async () => {
    const { handlers } = await start();
    const call = handlers.get('hcc:call')!;
    const page = FakeWindow.instances[0]!.webContents;
    expect(await call(ipcEvent(page, PAGE), 'auth.status', {})).toMatchObject({ ok: true, value: { setupRequired: true } });
    expect(await call(ipcEvent(page, `${PAGE}#/dashboard`), 'auth.status', {})).toMatchObject({ ok: true });
    expect(await call(ipcEvent(page, 'https://evil.example/'), 'auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A local HTML file that found its way into the window is not our page.
    expect(await call(ipcEvent(page, 'file:///tmp/evil.html'), 'auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(ipcEvent(page, OLD_FILE_PAGE), 'auth.status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await handlers.get('hcc:export')!(ipcEvent(page, 'file:///tmp/evil.html'), 'rejects.export', { feed: 'checkins' }, 'x.csv'),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('with a dev server, its origin is trusted as well as the built page', async () => {
    const dir = tempDir();
    process.env.HCC_DATA_DIR = dir;
    const fake = fakeElectron(dir);
    await stubbed.start(fake.electron, { outDir: OUT, devServerUrl: 'http://localhost:5173/' });
    const call = fake.handlers.get('hcc:call')!;
    const page = FakeWindow.instances[0]!.webContents;
    expect(FakeWindow.instances[0]!.loaded).toBe('http://localhost:5173/');
    expect(await call(ipcEvent(page, 'http://localhost:5173/#/data'), 'auth.status', {})).toMatchObject({ ok: true });
    expect(await call(ipcEvent(page, PAGE), 'auth.status', {})).toMatchObject({ ok: true });
    expect(await call(ipcEvent(page, 'http://localhost:5174/'), 'auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(ipcEvent(page, 'file:///tmp/evil.html'), 'auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  test('the session stays in the main process, bound to its window; events go to signed-in windows', async () => {
    const { handlers } = await start();
    const call = handlers.get('hcc:call')!;
    const page = FakeWindow.instances[0]!.webContents;
    const setup = (await call(ipcEvent(page, PAGE), 'auth.setup', { name: 'chief', password: 'a-long-password' })) as {
      ok: boolean;
      value: unknown;
    };
    expect(setup.ok).toBe(true);
    expect(JSON.stringify(setup.value)).not.toMatch(/token/i);
    expect(await call(ipcEvent(page, PAGE), 'users.list', {})).toMatchObject({ ok: true });
    const other = new FakeWebContents();
    expect(await call(ipcEvent(other, PAGE), 'users.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    stubbed.running!.services.events.publish({ type: 'data-changed' });
    expect(page.sent).toContainEqual(['hcc:event', { type: 'data-changed' }]);
  });

  test('exports go where the save dialog says; a path from the page is ignored', async () => {
    const dir = tempDir();
    const target = join(dir, 'rejects.csv');
    const { handlers } = await start({ saveTo: target });
    const page = FakeWindow.instances[0]!.webContents;
    const call = handlers.get('hcc:call')!;
    await call(ipcEvent(page, PAGE), 'auth.setup', { name: 'chief', password: 'a-long-password' });
    await call(ipcEvent(page, PAGE), 'users.create', { name: 'ofc', role: 'officer', county: null, password: 'a-long-password' });
    await call(ipcEvent(page, PAGE), 'auth.signOut', {});
    await call(ipcEvent(page, PAGE), 'auth.signIn', { name: 'ofc', password: 'a-long-password' });
    // An account an administrator made sets its own password before it may act.
    expect(
      await call(ipcEvent(page, PAGE), 'auth.changePassword', {
        currentPassword: 'a-long-password',
        newPassword: 'officer-own-passphrase-7',
      }),
    ).toMatchObject({ ok: true });
    const viaCall = (await call(ipcEvent(page, PAGE), 'rejects.export', {
      feed: 'checkins',
      format: 'csv',
      target: join(dir, 'sneaky.csv'),
    })) as { ok: boolean; value: { downloadUrl: string | null } };
    expect(existsSync(join(dir, 'sneaky.csv'))).toBe(false);
    expect(viaCall.value.downloadUrl).toMatch(/^\/download\//);
    const r = (await handlers.get('hcc:export')!(
      ipcEvent(page, PAGE),
      'rejects.export',
      { feed: 'checkins', format: 'csv' },
      'checkins-rejects.csv',
    )) as { ok: boolean; value: { fileName: string } };
    expect(r).toMatchObject({ ok: true, value: { fileName: 'rejects.csv', downloadUrl: null } });
    expect(readFileSync(target, 'utf8')).toContain('身份证号');
  });

  test("the exchange directory's folder dialog: a directory picker for a signed-in administrator of our page, nothing for others", async () => {
    const dir = tempDir();
    const { handlers, electron } = await start({ folder: dir });
    const choose = handlers.get('hcc:choose-folder')!;
    const page = FakeWindow.instances[0]!.webContents;
    const call = handlers.get('hcc:call')!;
    // Before anyone signed in, and from a page that is not ours: no dialog at all.
    expect(await choose(ipcEvent(page, PAGE), null)).toBeNull();
    await call(ipcEvent(page, PAGE), 'auth.setup', { name: 'chief', password: 'a-long-password' });
    expect(await choose(ipcEvent(page, 'file:///tmp/evil.html'), null)).toBeNull();
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();

    expect(await choose(ipcEvent(page, PAGE), '/srv/old-exchange')).toBe(dir);
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    const [win, options] = electron.dialog.showOpenDialog.mock.calls[0]!;
    expect(win).toBe(FakeWindow.instances[0]);
    expect(options).toEqual({ properties: ['openDirectory'], defaultPath: '/srv/old-exchange' });

    // An officer may not save the setting: no dialog for them.
    await call(ipcEvent(page, PAGE), 'users.create', { name: 'ofc', role: 'officer', county: null, password: 'a-long-password' });
    await call(ipcEvent(page, PAGE), 'auth.signOut', {});
    await call(ipcEvent(page, PAGE), 'auth.signIn', { name: 'ofc', password: 'a-long-password' });
    expect(await choose(ipcEvent(page, PAGE), null)).toBeNull();
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
  });

  test('the folder dialog closed without a choice answers null', async () => {
    const { handlers } = await start();
    const page = FakeWindow.instances[0]!.webContents;
    await handlers.get('hcc:call')!(ipcEvent(page, PAGE), 'auth.setup', { name: 'chief', password: 'a-long-password' });
    expect(await handlers.get('hcc:choose-folder')!(ipcEvent(page, PAGE), null)).toBeNull();
  });

  test('the app:// scheme is made privileged before ready and serves the built renderer', async () => {
    const { protocol } = await start();
    expect(protocol.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(protocol.schemesBeforeReady).toBe(true);
    // The page needs no more than a web origin of its own: no CSP bypass, no service workers.
    expect(protocol.schemes[0]!.privileges).not.toHaveProperty('bypassCSP', true);
    expect(protocol.schemes[0]!.privileges).not.toHaveProperty('allowServiceWorkers', true);
    // corsEnabled would let other origins read our files (Electron serves custom schemes without CORS checks).
    expect(protocol.schemes[0]!.privileges).not.toHaveProperty('corsEnabled', true);
    const handler = protocol.handlers.get('app')!;
    // OUT does not exist here: a refusal, never a file from elsewhere.
    expect((await handler(new Request('app://console/../../etc/passwd'))).status).toBe(404);
  });

  test("app:// answers from the outDir's renderer folder and nowhere else", async () => {
    const dir = tempDir();
    process.env.HCC_DATA_DIR = dir;
    const out = join(dir, 'out');
    mkdirSync(join(out, 'renderer'), { recursive: true });
    writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><title>ours</title>');
    writeFileSync(join(out, 'main.js'), 'MAIN-PROCESS-CODE');
    const fake = fakeElectron(dir);
    await stubbed.start(fake.electron, { outDir: out });
    const handler = fake.protocol.handlers.get('app')!;
    const page = await handler(new Request(PAGE));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>ours</title>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const climb = await handler(new Request('app://console/%2e%2e/main.js'));
    expect(climb.status).toBe(404);
    expect(await climb.text()).not.toContain('MAIN-PROCESS-CODE');
  });

  test('a packaged build ignores ELECTRON_RENDERER_URL: the page comes from app:// and the dev origin is not trusted', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dir = tempDir();
    process.env.HCC_DATA_DIR = dir;
    const fake = fakeElectron(dir, { packaged: true });
    await stubbed.start(fake.electron, { outDir: OUT, devServerUrl: 'http://localhost:5173/' });
    expect(FakeWindow.instances[0]!.loaded).toBe(PAGE);
    const call = fake.handlers.get('hcc:call')!;
    const page = FakeWindow.instances[0]!.webContents;
    expect(await call(ipcEvent(page, 'http://localhost:5173/'), 'auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const contents = new FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    expect(navigator(contents)('http://localhost:5173/')).toBe(true);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/ELECTRON_RENDERER_URL/);
    warn.mockRestore();
  });

  test('a dev server is taken only from this machine (loopback http)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dir = tempDir();
    process.env.HCC_DATA_DIR = dir;
    const fake = fakeElectron(dir);
    await stubbed.start(fake.electron, { outDir: OUT, devServerUrl: 'http://dev.evil.example:5173/' });
    expect(FakeWindow.instances[0]!.loaded).toBe(PAGE);
    expect(
      await fake.handlers.get('hcc:call')!(
        ipcEvent(FakeWindow.instances[0]!.webContents, 'http://dev.evil.example:5173/'),
        'auth.status',
        {},
      ),
    ).toMatchObject({ ok: false });
    warn.mockRestore();
  });

  test('links to hosts outside the allow-list are not opened', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { electron } = await start();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/?id=370102199001011234' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://datav.aliyun.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('370102199001011234');
    warn.mockRestore();
  });

  test('a second instance quits and hands over to the first', async () => {
    const dir = tempDir();
    process.env.HCC_DATA_DIR = dir;
    const fake = fakeElectron(dir, { singleInstance: false });
    expect(await stubbed.start(fake.electron, { outDir: OUT })).toBeNull();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(FakeWindow.instances).toHaveLength(0);
  });
});
