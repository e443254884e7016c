/**
 * Places the demo city's people travel to and from: region codes inside Shandong (no trigger), outside
 * Shandong (yellow), and the key areas of the command center (red), plus the county centroids the
 * scanning sites are scattered around.
 */
import { COUNTIES, PROVINCE_CODE } from '../../../shared/domain/counties.ts';

/** County centroids (lon, lat), in the order of COUNTIES. */
const CENTROIDS: Record<string, readonly [number, number]> = {
  '371602': [117.976101, 37.418297],
  '371603': [118.087002, 37.819217],
  '371621': [117.573808, 37.370839],
  '371622': [117.567334, 37.60041],
  '371623': [117.810487, 37.970041],
  '371625': [118.220353, 37.183167],
  '371681': [117.664379, 36.950506],
};

export function countyCentroid(countyIndex: number): { lon: number; lat: number } {
  const c = CENTROIDS[COUNTIES[countyIndex]!.code]!;
  return { lon: c[0], lat: c[1] };
}

/** Shandong cities other than Binzhou (3716): trips there trigger nothing. */
export const SHANDONG_REGIONS: readonly string[] = [
  '3701',
  '370102',
  '3702',
  '370212',
  '3703',
  '3704',
  '3705',
  '370502',
  '3706',
  '3707',
  '3708',
  '3709',
  '3710',
  '3711',
  '3713',
  '3714',
  '371402',
  '3715',
  '3717',
];

/** Outside Shandong (yellow), including Wenzhou (3303), a key area from 2020-02-02 to 2020-02-29. */
export const OUTSIDE_REGIONS: readonly string[] = [
  '32',
  '3201',
  '320106',
  '3205',
  '11',
  '110105',
  '44',
  '4403',
  '440304',
  '31',
  '310115',
  '13',
  '1301',
  '41',
  '4101',
  '3303',
  '330302',
];

/** Outside Shandong but never a key area: the evidence of a planted false "returned" answer. */
export const PLAIN_OUTSIDE_REGIONS: readonly string[] = OUTSIDE_REGIONS.filter((r) => !r.startsWith('3303'));

/** Hubei (42), a key area since 2020-01-23. */
export const HUBEI_REGIONS: readonly string[] = ['42', '4201', '420106', '420111', '4202', '4205', '4206', '4209', '4210', '4211'];

export interface KeyArea {
  region: string;
  name: string;
  from: string;
  to: string | null;
}

export const KEY_AREAS: readonly KeyArea[] = [
  { region: '42', name: '湖北省', from: '2020-01-23', to: null },
  { region: '3303', name: '浙江省温州市', from: '2020-02-02', to: '2020-02-29' },
];

/**
 * Whether a region is (part of) a key area at any time. The demo's honest people declare a key-area
 * visit for any trip to such a region, whatever the dates: saying too much is never fraud.
 */
export function isKeyRegion(region: string): boolean {
  return KEY_AREAS.some((k) => region.startsWith(k.region));
}

export function isOutsideShandong(region: string): boolean {
  return !region.startsWith(PROVINCE_CODE);
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
