/**
 * The Electron security guards (Electron's security checklist): deny every permission request,
 * block navigation away from our pages and every new window (links to the allow-listed hosts of
 * external-links.ts open in the system browser), refuse <webview>, and send the CSP with every
 * response that passes webRequest (app:// responses carry it themselves, see app-protocol.ts).
 */
import type { App, Session, Shell, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../backend/server/security-headers.ts';
import { openExternalLink } from './external-links.ts';
import { type TrustedPages, isTrustedUrl } from './trusted-url.ts';

export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function guardContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>, pages: TrustedPages): void {
  contents.on('will-navigate', (e, url) => {
    if (!isTrustedUrl(url, pages)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isTrustedUrl(url, pages)) e.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(shell, url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

export function guardApp(app: App, shell: Pick<Shell, 'openExternal'>, pages: TrustedPages): void {
  app.on('web-contents-created', (_e, contents) => guardContents(contents, shell, pages));
}
