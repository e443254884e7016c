/**
 * One day of the departments' files, each in that department's own habits: telecom roaming in UTC,
 * transport with Chinese headers in its own column order, medical insurance as a GBK (GB18030)
 * export with Excel-style times, health commission with Chinese headers and Chinese status words.
 */
import iconv from 'iconv-lite';
import { at } from './demo-clock.ts';
import type { DayContext } from './demo-code-day.ts';
import { BAD_ROW_RATE } from './demo-code-day.ts';
import type { HealthRow, MedicalKind, RoamingStay, TravelMode } from './demo-events.ts';
import { type FeedFile, feedFilePath, impossibleDate, openFeedFile, zhOf } from './demo-files.ts';
import { phoneOf, wrongCheckChar } from './demo-identities.ts';
import { Rng, STREAM } from './random.ts';

const MODE_ZH: Record<TravelMode, string> = { train: '火车', flight: '飞机', road: '公路', other: '其他' };
const MEDICAL_ZH: Record<MedicalKind, string> = { fever_clinic: '发热门诊', fever_medicine: '退烧药品' };
const STATUS_ZH: Record<HealthRow['status'], string> = { confirmed: '确诊', suspected: '疑似', close_contact: '密接', cleared: '解除' };
/** Transport's export puts the origin first. */
const TRAVEL_COLUMNS = ['origin_region_code', 'mode', 'arrived_at', 'person_id'];

const gb18030 = (text: string): Buffer => iconv.encode(text, 'gb18030');

export async function writeDepartmentDay(ctx: DayContext, day: number): Promise<FeedFile[]> {
  const { root, tally, clock, p } = ctx;
  const date = clock.date(day);
  const rng = new Rng(ctx.seed, STREAM.daily, day, 1);
  const id = (person: number) => p.ids.of(person);

  const roaming = await openFeedFile(root, 'roaming', feedFilePath('roaming', date), tally, { header: 'en' });
  for (const stay of p.roaming.on(day)) await roaming.write(roamingRow(ctx, rng, stay, day));
  await roaming.close();

  const travel = await openFeedFile(root, 'travel', feedFilePath('travel', date), tally, {
    header: TRAVEL_COLUMNS.map((c) => zhOf('travel', c)),
    bom: false,
  });
  for (const a of p.travel.on(day)) await travel.write([a.origin, MODE_ZH[a.mode], clock.isoLocal(a.day, a.sec), id(a.person)]);
  await travel.close();

  const medical = await openFeedFile(root, 'medical', feedFilePath('medical', date), tally, { header: 'zh', bom: false, encode: gb18030 });
  // As for check-ins: the first row of the first day with any medical rows gets a bad twin.
  let forceBad = day === p.firstMedicalDay;
  for (const m of p.medical.on(day)) {
    const row = [id(m.person), clock.excelStyle(m.day, m.sec), MEDICAL_ZH[m.kind], m.facility];
    await medical.write(row);
    if (rng.unit() < BAD_ROW_RATE || forceBad) {
      forceBad = false;
      const bad = [...row];
      if (rng.chance(0.5)) bad[0] = wrongCheckChar(row[0]!);
      else bad[1] = impossibleDate(row[1]!);
      await medical.writeBad(bad);
    }
  }
  await medical.close();

  const health = await openFeedFile(root, 'health_records', feedFilePath('health_records', date), tally, { header: 'zh' });
  for (const h of p.health.on(day)) await health.write([id(h.person), clock.minutes(day, h.sec), STATUS_ZH[h.status]]);
  await health.close();

  return [roaming, travel, medical, health];
}

/**
 * The operators report every open stay each day: `last_seen` grows until the stay ends, and the
 * importer keeps the newest version (the feed is upsert on phone, region, first_seen). A stay that
 * began before the period shows up in the first day's file with its real first_seen.
 */
function roamingRow(ctx: DayContext, rng: Rng, stay: RoamingStay, day: number): string[] {
  const { clock } = ctx;
  const lastSeen = day < stay.lastDay ? clock.utc(day, rng.between(at(22), at(23, 59))) : clock.utc(stay.lastDay, stay.lastSec);
  return [phoneOf(stay.person), stay.region, clock.utc(stay.firstDay, stay.firstSec), lastSeen, stay.carrier];
}
