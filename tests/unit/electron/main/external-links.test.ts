/**
 * Links that leave the console: only https to the hosts of one allow-list open in the system
 * browser; anything else is refused and logged without the URL's path or query (where an ID or a
 * phone would be) and with identifiers in the host masked.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EXTERNAL_HOSTS, isAllowedExternalUrl, openExternalLink } from '../../../../electron/main/external-links.ts';

afterEach(() => vi.restoreAllMocks());

describe('external links', () => {
  test('the allow-list is https hosts only, each opened as given', async () => {
    expect(EXTERNAL_HOSTS.length).toBeGreaterThan(0);
    for (const host of EXTERNAL_HOSTS) {
      const shell = { openExternal: vi.fn(async () => undefined) };
      expect(openExternalLink(shell, `https://${host}/some/page?x=1`)).toBe(true);
      expect(shell.openExternal).toHaveBeenCalledWith(`https://${host}/some/page?x=1`);
    }
  });

  test('other schemes, hosts, look-alikes, credentials and ports are refused', () => {
    const host = EXTERNAL_HOSTS[0]!;
    for (const url of [
      `http://${host}/`,
      `https://${host}.evil.example/`,
      `https://evil.example/${host}`,
      `https://user:pw@${host}/`,
      `https://${host}:8443/`,
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:someone@example.com',
      'ms-msdt:/id PCWDiagnostic',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  test('a refused link is not opened and is logged without personal data', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const shell = { openExternal: vi.fn(async () => undefined) };
    const id = '370102199001011234';
    const phone = '13812345678';
    expect(openExternalLink(shell, `https://evil.example/person/${id}?phone=${phone}`)).toBe(false);
    expect(openExternalLink(shell, `https://${id}.evil.example/`)).toBe(false);
    expect(openExternalLink(shell, `http://evil.example/${phone}`)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(3);
    const logged = warn.mock.calls.flat().join('\n');
    expect(logged).toContain('evil.example');
    expect(logged).not.toContain(id);
    expect(logged).not.toContain(phone);
    expect(logged).not.toContain('/person/');
  });
});
