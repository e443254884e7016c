/**
 * `hcc keyareas`: the key areas, their published versions, the what-if of a change (a dry run that
 * changes nothing) and publishing one (with a required reason, then the city re-evaluated).
 *
 *   keyareas whatif --db F (--add CODE --from D [--to D] | --end CODE --on D | --backdate CODE --from D) [--json]
 *
 * `--end CODE --on D`: D is the area's last day in force. `--end` and `--backdate` change the area
 * of that code that is listed last (the newest start).
 */
import type { KeyAreaWhatIf } from '../../../../shared/contract/key-area-whatif.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';
import { formatDay, formatInstant } from '../../../../shared/domain/local-date.ts';
import type { KeyAreaProposal } from '../../../../shared/domain/rules/key-area-change.ts';
import { isRegionCode } from '../../../../shared/domain/feeds/field-parsers.ts';
import { audit } from '../../audit/audit-log.ts';
import { databaseClock, defaultAsOfDay } from '../../clock/database-clock.ts';
import type { Db } from '../../db/database.ts';
import { keyAreaVersions } from '../../key-areas/versions.ts';
import { keyAreaWhatIf } from '../../key-areas/what-if.ts';
import { listedKeyAreas, saveKeyArea } from '../../rules/key-areas.ts';
import { recomputeColours } from '../../rules/recompute.ts';
import { UsageError, required } from '../args.ts';
import { cliActor } from '../cli-audit.ts';
import type { ParsedArgs } from '../args.ts';
import { dayOption } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

const CHANGE = '(--add CODE --from D [--to D] [--name N] | --end CODE --on D | --backdate CODE --from D)';

export const keyAreasCommand: Command = {
  name: 'keyareas',
  usage: `keyareas list --db F | keyareas versions --db F | keyareas whatif --db F ${CHANGE} | keyareas publish --db F ${CHANGE} --reason R [--user U]`,
  spec: { values: ['db', 'add', 'end', 'backdate', 'from', 'to', 'on', 'name', 'reason', 'user'], flags: [], positionals: 1 },
  async run(args, out) {
    const sub = args.positionals[0];
    const db = openExistingDbFromArgs(args);
    try {
      if (sub === 'list') {
        const rows = listedKeyAreas(db).map((a) => ({
          region_code: a.regionCode,
          name: a.name,
          effective_from: formatDay(a.effectiveFrom),
          effective_to: a.effectiveTo === null ? null : formatDay(a.effectiveTo),
        }));
        out.result(rows, () =>
          rows.length
            ? table(
                ['code', 'name', 'from', 'to'],
                rows.map((r) => [r.region_code, r.name ?? '', r.effective_from, r.effective_to ?? 'open']),
              )
            : 'no key areas',
        );
        return;
      }
      if (sub === 'versions') {
        const rows = keyAreaVersions(db);
        out.result(rows, () =>
          rows.length
            ? table(
                ['published', 'by', 'kind', 'code', 'from', 'to', 'reason'],
                rows.map((r) => [
                  formatInstant(r.publishedAt),
                  r.publishedBy,
                  r.kind,
                  r.regionCode,
                  r.effectiveFrom,
                  r.effectiveTo ?? 'open',
                  r.reason ?? '',
                ]),
              )
            : 'no published versions',
        );
        return;
      }
      if (sub === 'whatif') {
        const now = databaseClock(db)();
        const r = await keyAreaWhatIf(db, proposalFrom(db, args), { now, today: defaultAsOfDay(db, () => now) });
        out.result(r, () => whatIfText(r));
        return;
      }
      if (sub === 'publish') {
        const reason = required(args, 'reason').trim();
        if (!reason) throw new UsageError('--reason must say why the key area changes');
        // --user must be an active user of the database (checked before anything changes); 'hcc' otherwise.
        const actor = cliActor(db, args);
        const user = actor ?? 'hcc';
        const proposal = proposalFrom(db, args);
        const now = databaseClock(db)();
        const published = saveKeyArea(db, proposal, user, now, reason);
        audit(db, {
          user: actor,
          action: 'key_area.save',
          target: `key_area:${proposal.regionCode}`,
          details: {
            name: proposal.name,
            effectiveFrom: formatDay(proposal.effectiveFrom),
            effectiveTo: proposal.effectiveTo === null ? null : formatDay(proposal.effectiveTo),
            kind: published.kind,
            reason,
            publishedAt: now,
            via: 'cli',
          },
          at: now,
        });
        const recomputed = await recomputeColours(db);
        out.result(
          { kind: published.kind, publishedAt: now, people: recomputed.people },
          () =>
            `published (${published.kind}) ${proposal.regionCode} at ${formatInstant(now)}; colours re-evaluated for ${recomputed.people} people`,
        );
        return;
      }
      throw new UsageError('keyareas needs list, versions, whatif or publish');
    } finally {
      db.close();
    }
  },
};

function proposalFrom(db: Db, args: ParsedArgs): KeyAreaProposal {
  const given = ['add', 'end', 'backdate'].filter((k) => args.options.has(k));
  if (given.length !== 1) throw new UsageError(`say one change: ${CHANGE}`);
  const which = given[0]!;
  const code = args.options.get(which)!;
  if (!isRegionCode(code)) throw new UsageError(`--${which} must be a region code of 2, 4 or 6 digits (42, 4201, 420102), not ${code}`);
  if (which === 'add') {
    const from = dayOption(args, 'from');
    if (from === undefined) throw new UsageError('--add needs --from D');
    const to = dayOption(args, 'to') ?? null;
    if (to !== null && to < from) throw new UsageError('--to must not be before --from');
    return { regionCode: code, name: args.options.get('name') ?? null, effectiveFrom: from, effectiveTo: to, previousFrom: null };
  }
  const listed = listedKeyAreas(db).filter((a) => a.regionCode === code);
  const area = listed[listed.length - 1];
  if (!area) throw new UsageError(`${code} is not a key area (hcc keyareas list)`);
  if (which === 'end') {
    const on = dayOption(args, 'on');
    if (on === undefined) throw new UsageError('--end needs --on D (the last day in force)');
    if (on < area.effectiveFrom) throw new UsageError(`--on must not be before the area's start, ${formatDay(area.effectiveFrom)}`);
    return { ...area, effectiveTo: on, previousFrom: area.effectiveFrom };
  }
  const from = dayOption(args, 'from');
  if (from === undefined) throw new UsageError('--backdate needs --from D');
  if (from >= area.effectiveFrom) throw new UsageError(`--from must be before the area's start, ${formatDay(area.effectiveFrom)}`);
  return { ...area, effectiveFrom: from, previousFrom: area.effectiveFrom };
}

function whatIfText(r: KeyAreaWhatIf): string {
  const name = (code: string) => COUNTIES.find((c) => c.code === code)?.nameEn ?? (code === 'total' ? 'total' : 'unknown');
  const rows = [...r.counties.filter((c) => c.county !== '' || c.changedToday + c.changedInPeriod > 0), r.total].map((c) => [
    name(c.county),
    c.changedToday,
    Object.entries(c.transitions)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || '-',
    c.changedInPeriod,
    c.newSuspicions,
  ]);
  return [
    `what-if (dry run, nothing changed): ${r.kind} ${r.regionCode} ${r.effectiveFrom}..${r.effectiveTo ?? 'open'}` +
      (r.previousFrom ? ` (was from ${r.previousFrom}${r.previousTo ? ' to ' + r.previousTo : ''})` : ''),
    `${r.examined} people with roaming or travel in ${r.regionCode}; today ${r.today}; period from ${r.periodFrom}; ${r.ms} ms`,
    table(['county', 'change today', 'of which', `change since ${r.periodFrom}`, 'new suspicions'], rows),
    'new false_declaration suspicions count only declarations made after publishing (publish-date rule)' +
      (r.total.spared ? `; ${r.total.spared} earlier declaration(s) would be accused by the backdated start without it` : ''),
  ].join('\n');
}
