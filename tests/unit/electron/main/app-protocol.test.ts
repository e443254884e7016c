/**
 * The app:// protocol that serves the built renderer instead of file://: only files inside the
 * renderer folder, whatever the URL says (dot segments, encoded slashes and dots, backslashes,
 * symbolic links, other hosts), with their MIME type and the security headers.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { serveRenderer } from '../../../../electron/main/app-protocol.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir('hcc-app-protocol-');
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';

function builtRenderer() {
  const dir = tempDir();
  const renderer = join(dir, 'out', 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(renderer, 'assets', 'index-B8BY.js'), 'console.log(1)');
  writeFileSync(join(renderer, 'assets', 'index-Vs.css'), 'body{}');
  writeFileSync(join(renderer, 'assets', 'font.woff2'), 'wOF2');
  writeFileSync(join(renderer, 'assets', 'map.svg'), '<svg/>');
  writeFileSync(join(renderer, 'assets', 'blob.bin'), 'x');
  writeFileSync(join(dir, 'out', 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  return { serve: serveRenderer(renderer), dir };
}

async function get(serve: (r: Request) => Promise<Response>, url: string, method = 'GET') {
  const res = await serve(new Request(url, { method }));
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    headers: res.headers,
    body: method === 'HEAD' ? '' : await res.text(),
  };
}

describe('app:// protocol', () => {
  test('serves index.html (also for the bare origin) with the CSP and nosniff headers', async () => {
    const { serve } = builtRenderer();
    for (const url of ['app://console/index.html', 'app://console/', 'app://console']) {
      const r = await get(serve, url);
      expect(r.status, url).toBe(200);
      expect(r.body).toContain('<title>console</title>');
      expect(r.type).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  test('assets carry their MIME type; unknown kinds are opaque bytes', async () => {
    const { serve } = builtRenderer();
    expect((await get(serve, 'app://console/assets/index-B8BY.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(serve, 'app://console/assets/index-Vs.css')).type).toBe('text/css; charset=utf-8');
    expect((await get(serve, 'app://console/assets/font.woff2')).type).toBe('font/woff2');
    expect((await get(serve, 'app://console/assets/map.svg')).type).toBe('image/svg+xml');
    expect((await get(serve, 'app://console/assets/blob.bin')).type).toBe('application/octet-stream');
  });

  test('nothing outside the renderer folder, however the path is spelt', async () => {
    const { serve } = builtRenderer();
    const attempts = [
      'app://x/../../etc/passwd',
      'app://console/../../etc/passwd',
      'app://console/../secret.txt',
      'app://console/assets/../../secret.txt',
      'app://console/%2e%2e/secret.txt',
      'app://console/%2E%2E/%2e%2e/secret.txt',
      'app://console/..%2fsecret.txt',
      'app://console/assets/..%2F..%2Fsecret.txt',
      'app://console/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://console/..%5c..%5csecret.txt',
      'app://console/assets\\..\\..\\secret.txt',
      'app://console/%252e%252e/secret.txt',
      'app://console//etc/passwd',
      'app://console/%2fetc%2fpasswd',
      'app://console/C:%5cWindows%5cwin.ini',
      'app://console/assets/index-B8BY.js%00.html',
      'app://console/assets/link.txt',
      'app://console/.%2e/secret.txt',
      'app://console/%',
      'app://other/index.html',
      'https://console/index.html',
    ];
    for (const url of attempts) {
      const r = await get(serve, url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(r.body, url).not.toContain(SECRET);
      expect(r.body, url).not.toMatch(/root:/);
      // The refusal says nothing about where the renderer lives.
      expect(r.body, url).not.toContain('/out/');
    }
  });

  test('folders, missing files and methods other than GET/HEAD are refused', async () => {
    const { serve } = builtRenderer();
    expect((await get(serve, 'app://console/assets')).status).toBe(404);
    expect((await get(serve, 'app://console/assets/')).status).toBe(404);
    expect((await get(serve, 'app://console/nope.js')).status).toBe(404);
    expect((await get(serve, 'app://console/index.html', 'POST')).status).toBe(405);
    expect((await get(serve, 'app://console/index.html', 'HEAD')).status).toBe(200);
  });
});
