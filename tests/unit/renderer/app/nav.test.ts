import { describe, expect, test } from 'vitest';
import { ROLE_PERMISSIONS, permissionsOf } from '../../../../shared/domain/roles.ts';
import { SCREENS, screenForRoute, visibleScreens } from '../../../../renderer/src/app/nav.ts';
import { parseRoute, routeHash } from '../../../../renderer/src/app/router.tsx';

const ids = (perms: readonly string[]) => visibleScreens(perms as never).map((s) => s.id);

describe('navigation', () => {
  test('the screens in the order of the console', () => {
    expect(SCREENS.map((s) => s.id)).toEqual([
      'dashboard',
      'data',
      'people',
      'enforcement',
      'briefings',
      'enterprises',
      'audit',
      'settings',
    ]);
  });

  test('each role sees the screens its permissions allow', () => {
    expect(ids(ROLE_PERMISSIONS.officer)).toEqual(['dashboard', 'data', 'people', 'enforcement', 'enterprises']);
    expect(ids(ROLE_PERMISSIONS.credit)).toEqual(['dashboard', 'data', 'people', 'enforcement', 'enterprises', 'audit']);
    expect(ids(ROLE_PERMISSIONS.writer)).toEqual(['dashboard', 'briefings', 'enterprises']);
    // Admins have no Enterprises screen (ENTERPRISES.md, who sees what).
    expect(ids(ROLE_PERMISSIONS.admin)).toEqual(['dashboard', 'data', 'audit', 'settings']);
  });

  test('the audit screen is for city-wide administrators and credit staff only (issue 16)', () => {
    expect(ids(permissionsOf('credit', '371623'))).toEqual(['dashboard', 'data', 'people', 'enforcement', 'enterprises']);
    expect(ids(permissionsOf('admin', '371623'))).toEqual(['dashboard', 'data', 'settings']);
    expect(ids(permissionsOf('admin', null))).toContain('audit');
  });

  test('settings shows for either users.manage or settings.manage', () => {
    expect(ids(['users.manage'])).toEqual(['settings']);
    expect(ids(['settings.manage'])).toEqual(['settings']);
  });

  test('every screen is built (enterprises arrived with issue 14)', () => {
    expect(SCREENS.filter((s) => !s.built).map((s) => s.id)).toEqual([]);
  });

  test('a route the user may not see falls back to their first screen', () => {
    expect(screenForRoute(parseRoute('#/people/abc'), ROLE_PERMISSIONS.officer)).toBe('people');
    expect(screenForRoute(parseRoute('#/people/abc'), ROLE_PERMISSIONS.writer)).toBe('dashboard');
    expect(screenForRoute(parseRoute('#/settings'), ROLE_PERMISSIONS.officer)).toBe('dashboard');
    expect(screenForRoute(parseRoute('#/settings'), ['users.manage'])).toBe('settings');
    expect(screenForRoute(parseRoute('#/data'), ['users.manage'])).toBe('settings');
    expect(screenForRoute(parseRoute('#/data'), [])).toBeNull();
  });
});

describe('hash routes', () => {
  test('parse and print', () => {
    expect(parseRoute('')).toEqual({ screen: 'dashboard' });
    expect(parseRoute('#/unknown')).toEqual({ screen: 'dashboard' });
    expect(parseRoute('#/briefings')).toEqual({ screen: 'briefings' });
    expect(parseRoute('#/people')).toEqual({ screen: 'people', ref: null });
    const route = parseRoute(routeHash({ screen: 'people', ref: 'p/1 2' }));
    expect(route).toEqual({ screen: 'people', ref: 'p/1 2' });
    for (const s of SCREENS) if (s.id !== 'people') expect(parseRoute(routeHash({ screen: s.id } as never)).screen).toBe(s.id);
  });
});
