/**
 * The scanning sites of the demo city: about one per 500 people, each county at least two (the
 * planted impersonation needs two sites in one county), scattered ±0.08° around the county centroid.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { countyCentroid } from './demo-geography.ts';
import { Rng, STREAM, cumulate, weightedIndex } from './random.ts';

export type SiteKind = 'checkpoint' | 'enterprise' | 'community' | 'supermarket' | 'fever_clinic' | 'pharmacy' | 'school' | 'other';

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  county: number;
  lat: number;
  lon: number;
  /** The enterprise a works gate belongs to (demo-enterprise-sites.ts); general sites have none. */
  creditCode?: string;
}

export interface SiteRegister {
  sites: readonly Site[];
  /** Site indexes per county index. */
  byCounty: readonly (readonly number[])[];
}

const KINDS: readonly SiteKind[] = ['community', 'supermarket', 'enterprise', 'checkpoint', 'pharmacy', 'school', 'fever_clinic', 'other'];
const KIND_WEIGHTS = cumulate([35, 20, 15, 10, 8, 5, 3, 4]);

const ROADS = [
  '黄河五路',
  '渤海七路',
  '长江三路',
  '新立河路',
  '梧桐五路',
  '中海路',
  '富国路',
  '迎宾路',
  '建设路',
  '人民路',
  '胜利路',
  '滨北路',
];
const SHOPS = ['银座', '大润发', '佳乐家', '家家悦', '利群', '万达广场'];

export function planSites(people: number, seed: number): SiteRegister {
  const rng = new Rng(seed, STREAM.sites);
  const wanted = Math.max(20, Math.round(people / 500));
  const sites: Site[] = [];
  const byCounty: number[][] = [];
  COUNTIES.forEach((county, c) => {
    const indexes: number[] = [];
    const n = Math.max(2, Math.round(county.populationShare * wanted));
    const centre = countyCentroid(c);
    for (let k = 1; k <= n; k++) {
      const kind = KINDS[weightedIndex(KIND_WEIGHTS, rng.unit())]!;
      indexes.push(sites.length);
      sites.push({
        id: `S${county.code}-${String(k).padStart(4, '0')}`,
        name: siteName(rng, kind, county.name, k),
        kind,
        county: c,
        lat: round6(centre.lat + (rng.unit() * 2 - 1) * 0.08),
        lon: round6(centre.lon + (rng.unit() * 2 - 1) * 0.08),
      });
    }
    byCounty.push(indexes);
  });
  return { sites, byCounty };
}

function siteName(rng: Rng, kind: SiteKind, county: string, k: number): string {
  const road = rng.pick(ROADS);
  switch (kind) {
    case 'checkpoint':
      return `${county}${road}卡口`;
    case 'community':
      return `${county}${road}社区`;
    case 'supermarket':
      return `${rng.pick(SHOPS)}（${county}${road}店）`;
    case 'enterprise':
      return `${county}第${k}工业园`;
    case 'fever_clinic':
      return `${county}人民医院发热门诊${k}`;
    case 'pharmacy':
      return `漱玉平民大药房${county}${road}店`;
    case 'school':
      return `${county}第${k}中学`;
    case 'other':
      return `${county}${road}农贸市场`;
  }
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
