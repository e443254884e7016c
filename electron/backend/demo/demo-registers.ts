/**
 * The one-off registers as of the start date: residents (public security), staff (enterprises via
 * DingTalk) and the scanning sites.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import type { DemoClock } from './demo-clock.ts';
import type { EnterpriseRegister } from './demo-enterprises.ts';
import { type FeedFile, type Tally, feedFilePath, openFeedFile } from './demo-files.ts';
import { addressOf, chineseName, phoneOf } from './demo-identities.ts';
import { KIND, type Population } from './demo-population.ts';
import type { SiteRegister } from './demo-sites.ts';
import { Rng, STREAM } from './random.ts';

export interface RegisterContext {
  root: string;
  p: Population;
  clock: DemoClock;
  seed: number;
  tally: Tally;
}

export async function writeResidents(ctx: RegisterContext): Promise<FeedFile> {
  const { p } = ctx;
  const file = await openFeedFile(ctx.root, 'residents', feedFilePath('residents', ctx.clock.date(0)), ctx.tally, { header: 'en' });
  const rng = new Rng(ctx.seed, STREAM.residents);
  for (let i = 0; i < p.n; i++) {
    if (p.kind[i] !== KIND.resident) continue;
    const county = p.county[i]!;
    await file.write([p.ids.of(i), chineseName(rng), phoneOf(i), COUNTIES[county]!.code, addressOf(rng, county)]);
  }
  await file.close();
  return file;
}

/** About 30% of residents and migrants work at an enterprise, in their own county where there is one. */
export async function writeStaff(ctx: RegisterContext, register: EnterpriseRegister): Promise<FeedFile> {
  const { p } = ctx;
  const file = await openFeedFile(ctx.root, 'staff', feedFilePath('staff', ctx.clock.date(0)), ctx.tally, { header: 'en' });
  const rng = new Rng(ctx.seed, STREAM.staff);
  const all = register.enterprises.map((_, k) => k);
  for (let i = 0; i < p.n; i++) {
    if (p.kind[i] === KIND.visitor || !rng.chance(0.3)) continue;
    const local = register.byCounty[p.county[i]!]!;
    const enterprise = register.enterprises[rng.pick(local.length > 0 ? local : all)]!;
    await file.write([enterprise.creditCode, p.ids.of(i)]);
  }
  await file.close();
  return file;
}

export async function writeSites(ctx: RegisterContext, register: SiteRegister): Promise<FeedFile> {
  const file = await openFeedFile(ctx.root, 'sites', feedFilePath('sites', ctx.clock.date(0)), ctx.tally, { header: 'en' });
  for (const s of register.sites) {
    await file.write([s.id, s.name, s.kind, COUNTIES[s.county]!.code, s.lat.toFixed(6), s.lon.toFixed(6)]);
  }
  await file.close();
  return file;
}
