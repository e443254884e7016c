/** Which URLs the console window may show: its own bundle (file://) or the dev server. */
export function isTrustedUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    if (parsed.origin === dev.origin) return true;
  }
  return parsed.protocol === 'file:';
}
