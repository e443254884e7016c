/**
 * The enterprises' own scanning sites (kind `enterprise`, linked by credit code; ENTERPRISES.md):
 * every approved enterprise has a works gate, one in five a second one; one not-approved enterprise
 * in ten (and always the first) has a gate too, so a pass there is a site violation. They are kept apart from the general
 * sites so the daily scans and the planted fraud of an older seed stay the same.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import type { EnterpriseRegister } from './demo-enterprises.ts';
import { countyCentroid } from './demo-geography.ts';
import type { Site } from './demo-sites.ts';
import { Rng, STREAM } from './random.ts';

const SECOND_GATE_SHARE = 0.2;
const NOT_APPROVED_GATE_SHARE = 0.1;
const GATE_NAMES = ['厂区', '二号厂区'] as const;

export function planEnterpriseSites(register: EnterpriseRegister, seed: number): Site[] {
  const rng = new Rng(seed, STREAM.enterpriseSites);
  const sites: Site[] = [];
  const perCounty = COUNTIES.map(() => 0);
  // The first not-approved enterprise always has a gate, so even a small city has a site violation to plant.
  let notApprovedGated = false;
  for (const e of register.enterprises) {
    const draw = rng.unit();
    const gates = e.approved ? (draw < SECOND_GATE_SHARE ? 2 : 1) : !notApprovedGated || draw < NOT_APPROVED_GATE_SHARE ? 1 : 0;
    if (!e.approved && gates > 0) notApprovedGated = true;
    const centre = countyCentroid(e.county);
    for (let g = 0; g < gates; g++) {
      const serial = ++perCounty[e.county]!;
      sites.push({
        // 'E' keeps these ids apart from the general sites' 'S…' ones.
        id: `E${COUNTIES[e.county]!.code}-${String(serial).padStart(5, '0')}`,
        name: `${e.name}${GATE_NAMES[g]!}`,
        kind: 'enterprise',
        county: e.county,
        lat: round6(centre.lat + (rng.unit() * 2 - 1) * 0.08),
        lon: round6(centre.lon + (rng.unit() * 2 - 1) * 0.08),
        creditCode: e.creditCode,
      });
    }
  }
  return sites;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
