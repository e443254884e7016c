/**
 * `hcc signoff`: a county's designated officer signs off their county's figures of a day (issue 17),
 * and `hcc signoff status` shows the seven counties' sign-offs and the figures changed since. Signing
 * goes through the same service as the console, so `--user` is held to the same rule: an officer (or
 * credit officer) whose account is scoped to the county signs that county only.
 */
import { COUNTIES, countyName, isCountyCode } from '../../../../shared/domain/counties.ts';
import { SIGNOFF_FIGURE_WORDS } from '../../../../shared/domain/county-signoff.ts';
import type { CountySignoffState, SignoffStatus } from '../../../../shared/contract/signoff.ts';
import { formatInstant } from '../../../../shared/domain/local-date.ts';
import { databaseClock } from '../../clock/database-clock.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { ensureColoursFresh } from '../../rules/ensure-fresh.ts';
import { signOffCounty, signoffStatus } from '../../signoff/county-signoff.ts';
import { UsageError, required } from '../args.ts';
import { asOfDay, dayOption, dayText } from '../as-of.ts';
import { actingUser } from '../cli-audit.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

const at = (t: number | null) => (t === null ? null : formatInstant(t));

/** A county's state as scripts read it: times as local ISO text, figures by their contract keys. */
const stateJson = (c: CountySignoffState) => ({ ...c, countyName: countyName(c.county), signedAt: at(c.signedAt) });

function changesText(c: CountySignoffState): string[] {
  return c.changed.map((x) => `  ${countyName(c.county)} ${SIGNOFF_FIGURE_WORDS[x.figure].zh}: ${x.before} → ${x.after}`);
}

function statusText(s: SignoffStatus): string {
  const rows = s.counties.map((c) => [
    c.county,
    countyName(c.county),
    c.signed ? 'signed 已签发' : 'not signed 未签发',
    c.signedBy ?? '—',
    at(c.signedAt)?.replace('T', ' ').slice(0, 16) ?? '—',
    c.signed ? c.changed.length : '—',
  ]);
  return [
    `sign-off of ${s.day}: ${s.counties.length - s.unsigned.length} of ${s.counties.length} counties signed`,
    table(['county', 'name', 'state', 'signed by', 'signed at', 'changed after'], rows),
    ...s.counties.flatMap(changesText),
  ].join('\n');
}

function countyOption(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!isCountyCode(raw))
    throw new UsageError(`--county must be one of Binzhou's county codes (${COUNTIES.map((c) => c.code).join(', ')})`);
  return raw;
}

export const signoffCommand: Command = {
  name: 'signoff',
  usage: 'signoff --db F --user U [--county CODE] [--as-of YYYY-MM-DD] | signoff status --db F [--as-of YYYY-MM-DD] [--county CODE]',
  spec: { values: ['db', 'county', 'as-of', 'user'], flags: [], positionals: 1 },
  async run(args, out) {
    const sub = args.positionals[0];
    if (sub !== undefined && sub !== 'status') throw new UsageError(`unknown signoff command ${sub}; use status, or none to sign off`);
    dayOption(args, 'as-of');
    const county = countyOption(args.options.get('county'));
    const userName = sub === undefined ? required(args, 'user') : undefined;
    const db = openExistingDbFromArgs(args);
    try {
      await ensureColoursFresh(db);
      const day = asOfDay(args, db);
      if (sub === 'status') {
        const s = signoffStatus(db, day, county);
        out.result({ ...s, counties: s.counties.map(stateJson) }, () => statusText(s));
        return;
      }
      const user = actingUser(db, userName!);
      try {
        const c = signOffCounty(
          db,
          { name: user.name, role: user.role, county: user.county_code },
          { day, county, at: databaseClock(db)() },
        );
        out.result(
          stateJson(c),
          () => `${countyName(c.county)} signed off for ${dayText(day)} by ${c.signedBy} (${c.signoffs} sign-off(s) that day) 已签发`,
        );
      } catch (err) {
        if (err instanceof ApiFailure) throw new Error(`${err.error.message} / ${err.error.messageZh}`);
        throw err;
      }
    } finally {
      db.close();
    }
  },
};
