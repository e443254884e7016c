/**
 * The console's screens in navigation order, and which permissions show each. Hiding a screen is a
 * convenience only: the API checks every call against the user's role (shared/domain/roles.ts).
 */
import type { Permission } from '../../../shared/domain/roles.ts';
import type { Route } from './router.tsx';

export type ScreenId = Route['screen'];

export interface ScreenDef {
  id: ScreenId;
  /** Shown when the user holds any of these. */
  anyOf: readonly Permission[];
  /** False: the screen arrives in a later release (a "coming soon" panel, not an error). */
  built: boolean;
}

export const SCREENS: readonly ScreenDef[] = [
  { id: 'dashboard', anyOf: ['dashboard.view'], built: true },
  { id: 'data', anyOf: ['data.view'], built: true },
  { id: 'people', anyOf: ['people.view'], built: true },
  { id: 'enforcement', anyOf: ['cases.view'], built: true },
  { id: 'briefings', anyOf: ['briefing.export'], built: true },
  { id: 'enterprises', anyOf: ['enterprises.summary'], built: true },
  /** City-wide accounts only: a county account's session lists no 'audit.view' (roles.ts permissionsOf). */
  { id: 'audit', anyOf: ['audit.view'], built: true },
  { id: 'settings', anyOf: ['users.manage', 'settings.manage'], built: true },
];

export function visibleScreens(permissions: readonly Permission[]): ScreenDef[] {
  return SCREENS.filter((s) => s.anyOf.some((p) => permissions.includes(p)));
}

/**
 * The screen to show for a route: the route's own screen when the user may see it, else the first
 * screen they may see (a bookmark of another role's screen lands somewhere useful), else null.
 */
export function screenForRoute(route: Route, permissions: readonly Permission[]): ScreenId | null {
  const visible = visibleScreens(permissions);
  if (visible.some((s) => s.id === route.screen)) return route.screen;
  return visible[0]?.id ?? null;
}
