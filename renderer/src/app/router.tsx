/**
 * A small hash router: `#/dashboard`, `#/data`, `#/people`, `#/people/<ref>`, `#/enforcement`,
 * `#/enforcement/<caseId>`, `#/enforcement?flag=<ref>`, `#/audit`, `#/settings`, ...
 * Hash routes work the same from the app:// page (Electron) and from the browser bridge.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'dashboard' }
  | { screen: 'data' }
  | { screen: 'people'; ref: string | null }
  /** A case's page (caseId), or the queue with the "report a suspicion" dialog open for a person (flag). */
  | { screen: 'enforcement'; caseId: number | null; flag: string | null }
  | { screen: 'briefings' }
  | { screen: 'enterprises' }
  | { screen: 'audit' }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen, arg] = path.split('/');
  switch (screen) {
    case 'data':
      return { screen: 'data' };
    case 'people':
      return { screen: 'people', ref: arg ? decodeURIComponent(arg) : null };
    case 'enforcement': {
      const caseId = arg && /^[1-9]\d{0,14}$/.test(arg) ? Number(arg) : null;
      return { screen: 'enforcement', caseId, flag: new URLSearchParams(query).get('flag') || null };
    }
    case 'briefings':
    case 'enterprises':
    case 'audit':
    case 'settings':
      return { screen };
    default:
      return { screen: 'dashboard' };
  }
}

export function routeHash(route: Route): string {
  if (route.screen === 'people' && route.ref) return `#/people/${encodeURIComponent(route.ref)}`;
  if (route.screen === 'enforcement') {
    // The fields may be missing (`{ screen } as Route`): the plain queue.
    if (typeof route.caseId === 'number') return `#/enforcement/${route.caseId}`;
    if (typeof route.flag === 'string' && route.flag) return `#/enforcement?flag=${encodeURIComponent(route.flag)}`;
  }
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
