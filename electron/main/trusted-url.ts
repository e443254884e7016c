/**
 * Which URLs the console window may show and which pages may call the API: our own renderer page
 * as app-protocol.ts serves it (app://console/index.html, with any route in the hash) and, in an
 * unpackaged build only, the electron-vite dev server on this machine. No file: URL is trusted, not
 * even our own index.html: a file dropped on the window or a link to a downloaded HTML file must
 * not become a page that can talk to the main process, and file: pages have privileges a web
 * origin does not (the grantFileProtocolExtraPrivileges fuse is off in electron-builder.yml).
 */
import { join } from 'node:path';

export const APP_SCHEME = 'app';
/** The one host of app://: the built renderer. */
export const APP_HOST = 'console';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface TrustedPages {
  /** The built renderer's folder (an absolute path), the only one app:// serves. */
  rendererDir: string;
  devServerUrl?: string | undefined;
}

export function trustedPages(outDir: string, devServerUrl: string | undefined): TrustedPages {
  return { rendererDir: join(outDir, 'renderer'), devServerUrl };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server to load, or null with the reason it is ignored: never in a packaged build (an
 * ELECTRON_RENDERER_URL in an officer's environment must not swap the page that holds the
 * session), and only plain http on this machine, where electron-vite runs it.
 */
export function acceptedDevServerUrl(raw: string | undefined, isPackaged: boolean): { url: string | null; ignored?: string } {
  if (!raw) return { url: null };
  if (isPackaged) return { url: null, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged build' };
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { url: null, ignored: 'ELECTRON_RENDERER_URL is not a URL' };
  }
  if (
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    !LOOPBACK.has(parsed.hostname) ||
    parsed.username ||
    parsed.password
  ) {
    return { url: null, ignored: 'ELECTRON_RENDERER_URL must be http://localhost or 127.0.0.1 (the electron-vite dev server)' };
  }
  return { url: raw };
}

export function isTrustedUrl(url: string, pages: TrustedPages): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (pages.devServerUrl) {
    const dev = new URL(pages.devServerUrl);
    if (parsed.origin === dev.origin) return true;
  }
  return isAppIndex(parsed);
}

/** app://console/ or app://console/index.html; the URL parser has already collapsed dot segments. */
function isAppIndex(url: URL): boolean {
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return false;
  return url.pathname === '/' || url.pathname === '' || url.pathname === '/index.html';
}
