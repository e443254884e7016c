/**
 * Guards of the browser bridge. It listens on loopback, but a web page the officer visits can still
 * send requests to 127.0.0.1 or rebind a DNS name to it; so every request must name our own host
 * and port in Host, and any Origin must be exactly ours.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([host, '127.0.0.1', 'localhost']);
  if (host === '0.0.0.0' || host === '::') names.delete(host);
  return new Set([...names].map((n) => `${n.includes(':') ? `[${n}]` : n}:${port}`));
}

export function hostAllowed(hostHeader: string | undefined, allowed: Set<string>): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}

/** No Origin (same-origin GET, curl) is fine; a present Origin must be one of our own. */
export function originAllowed(origin: string | undefined, allowed: Set<string>): boolean {
  if (origin === undefined) return true;
  for (const h of allowed) if (origin === `http://${h}`) return true;
  return false;
}
