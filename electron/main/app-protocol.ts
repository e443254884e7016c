/**
 * The renderer is served from app://console/ rather than file:// (Electron security checklist,
 * item 18): a file: page may read other local files and shares the file: origin with anything
 * dropped on the window; an app:// page is a web origin of its own that can reach nothing but the
 * built renderer folder. The handler answers GET/HEAD for files inside that folder only, with
 * their MIME type and the same security headers as the HTTP bridge (webRequest's header hook
 * does not see custom protocols, so the CSP must come from here).
 */
import type { Protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../backend/server/security-headers.ts';
import { APP_HOST, APP_SCHEME } from './trusted-url.ts';

/**
 * standard: relative URLs, an origin, 'self' in the CSP; secure: counted as a secure context like
 * https; supportFetchAPI: Vite's module preloading fetches our own assets. Nothing that widens it
 * (bypassCSP, service workers, CORS for other origins).
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Must run before app 'ready': Electron reads privileged schemes only at start. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, serveRenderer(rendererDir));
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function serveRenderer(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
    const file = rendererFileOf(root, request.url);
    if (file === null) return refusal(404, 'not found');
    try {
      // A symbolic link inside the folder must not lead out of it.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!inside(realRoot, realFile) || !(await stat(realFile)).isFile()) return refusal(404, 'not found');
      const body = request.method === 'HEAD' ? null : await readFile(realFile);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(realFile) } });
    } catch {
      return refusal(404, 'not found');
    }
  };
}

/**
 * The file a URL names inside the renderer folder, or null. Each path segment is decoded on its
 * own and refused if it is a dot segment or holds a separator, a drive colon or NUL once decoded,
 * so `..%2f`, `%2e%2e`, `..%5c` and `C:%5c` cannot climb out; the result is checked to lie inside
 * the folder all the same.
 */
export function rendererFileOf(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null;
  const path = parsed.pathname === '' || parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const file = resolve(root, ...segments);
  return inside(root, file) ? file : null;
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
