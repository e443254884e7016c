/** The scanning sites, read once per run (a city has thousands, not millions). */
import type { SummarySite } from '../../../../shared/words/evidence-words.ts';
import type { Db } from '../../db/database.ts';

export interface Site {
  name: string | null;
  lat: number | null;
  lon: number | null;
}

export type SiteRegister = Map<string, Site>;

export function loadSites(db: Db): SiteRegister {
  const sites: SiteRegister = new Map();
  for (const [id, name, lat, lon] of db.prepare('SELECT site_id, name, lat, lon FROM sites').raw().all() as [
    string,
    string | null,
    number | null,
    number | null,
  ][]) {
    sites.set(id, { name, lat, lon });
  }
  return sites;
}

/** A site as a summary names it: its name, else its number (a site number is not personal data). */
export function summarySite(sites: SiteRegister, id: string): SummarySite {
  return { id, name: sites.get(id)?.name ?? null };
}

/** Great-circle distance in km (haversine on a sphere of the Earth's mean radius). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
