/**
 * A small hash router: `#/dashboard`, `#/data`, `#/people`, `#/people/<ref>`, `#/settings`, ...
 * Hash routes work the same from a file:// page (Electron) and from the browser bridge.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'dashboard' }
  | { screen: 'data' }
  | { screen: 'people'; ref: string | null }
  | { screen: 'enforcement' }
  | { screen: 'briefings' }
  | { screen: 'enterprises' }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const [screen, arg] = hash.replace(/^#\/?/, '').split('/');
  switch (screen) {
    case 'data':
      return { screen: 'data' };
    case 'people':
      return { screen: 'people', ref: arg ? decodeURIComponent(arg) : null };
    case 'enforcement':
    case 'briefings':
    case 'enterprises':
    case 'settings':
      return { screen };
    default:
      return { screen: 'dashboard' };
  }
}

export function routeHash(route: Route): string {
  if (route.screen === 'people' && route.ref) return `#/people/${encodeURIComponent(route.ref)}`;
  return `#/${route.screen}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
