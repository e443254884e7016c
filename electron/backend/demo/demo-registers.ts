/**
 * The one-off registers as of the start date: residents (public security), staff (enterprises via
 * DingTalk) and the scanning sites.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import type { DemoClock } from './demo-clock.ts';
import type { EnterpriseRegister } from './demo-enterprises.ts';
import { type FeedFile, type Tally, feedFilePath, headerOf, openFeedFile } from './demo-files.ts';
import { addressOf, chineseName, phoneOf } from './demo-identities.ts';
import { KIND, type Population } from './demo-population.ts';
import type { Site, SiteRegister } from './demo-sites.ts';
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

/** The staff lists as planned (demo-work-gates.ts): one row per member of staff. */
export async function writeStaff(ctx: RegisterContext, register: EnterpriseRegister, employer: Int32Array): Promise<FeedFile> {
  const { p } = ctx;
  const file = await openFeedFile(ctx.root, 'staff', feedFilePath('staff', ctx.clock.date(0)), ctx.tally, { header: 'en' });
  for (let i = 0; i < p.n; i++) {
    if (employer[i]! < 0) continue;
    await file.write([register.enterprises[employer[i]!]!.creditCode, p.ids.of(i)]);
  }
  await file.close();
  return file;
}

/** The general sites, then the enterprises' works gates with the optional credit_code column. */
export async function writeSites(ctx: RegisterContext, register: SiteRegister, enterpriseSites: readonly Site[]): Promise<FeedFile> {
  const header = [...headerOf('sites', 'en'), 'credit_code'];
  const file = await openFeedFile(ctx.root, 'sites', feedFilePath('sites', ctx.clock.date(0)), ctx.tally, { header });
  for (const s of [...register.sites, ...enterpriseSites]) {
    await file.write([s.id, s.name, s.kind, COUNTIES[s.county]!.code, s.lat.toFixed(6), s.lon.toFixed(6), s.creditCode ?? '']);
  }
  await file.close();
  return file;
}
