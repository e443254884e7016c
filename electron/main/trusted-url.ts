/**
 * Which URLs the console window may show and which pages may call the API: our own renderer page
 * (its index.html, with any route in the hash) and the dev server during development. Any other
 * file: URL is refused: a file dropped on the window or a link to a downloaded HTML file must not
 * become a page that can talk to the main process.
 */
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TrustedPages {
  /** The built renderer's index.html (an absolute path). */
  indexFile: string;
  devServerUrl?: string | undefined;
}

export function trustedPages(outDir: string, devServerUrl: string | undefined): TrustedPages {
  return { indexFile: join(outDir, 'renderer', 'index.html'), devServerUrl };
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
  // A file URL with a host is a network share (\\server\share on Windows): never ours.
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  let path: string;
  try {
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  return samePath(path, pages.indexFile);
}

function samePath(a: string, b: string): boolean {
  // Windows paths are case-insensitive (C:\ vs c:\ from different callers).
  return process.platform === 'win32' ? normalize(a).toLowerCase() === normalize(b).toLowerCase() : normalize(a) === normalize(b);
}
