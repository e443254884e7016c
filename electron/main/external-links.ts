/**
 * The one list of sites the console may open in the system browser. shell.openExternal hands a
 * URL to whatever the desktop registered for its scheme (ms-msdt:, file:, smb: have all been used to
 * run code), so only https to these exact hosts, on the default port, without credentials.
 */
import type { Shell } from 'electron';
import { maskIdentifiers } from '../../shared/domain/masking.ts';

export const EXTERNAL_HOSTS: readonly string[] = [
  // The map's data source (the dashboard's map credit).
  'datav.aliyun.com',
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' && parsed.port === '' && !parsed.username && !parsed.password && EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}

/** Opens an allowed link; a refused one is logged by scheme and host only (the path and query may hold an ID). */
export function openExternalLink(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (isAllowedExternalUrl(url)) {
    shell.openExternal(url).catch((err: unknown) => console.warn(`could not open an external link: ${(err as Error).message}`));
    return true;
  }
  console.warn(`external link refused (not in the allow-list of external-links.ts): ${describeForLog(url)}`);
  return false;
}

function describeForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${maskIdentifiers(parsed.host)}` : parsed.protocol;
  } catch {
    return 'not a URL';
  }
}
