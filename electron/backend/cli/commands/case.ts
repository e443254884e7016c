import { databaseClock } from '../../clock/database-clock.ts';
import { BEHAVIORS, type Behavior, CASE_MOVES, CASE_STATES, type CaseMove, type CaseState } from '../../../../shared/domain/cases.ts';
import { isValidPersonId, normalizePersonId } from '../../../../shared/domain/person-id.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import type { Db } from '../../db/database.ts';
import { type CaseRow, caseHistory, flagCase, getCase } from '../../enforcement/cases.ts';
import { listCases } from '../../enforcement/case-list.ts';
import { takeCaseStep } from '../../pipelines/case-step.ts';
import { UsageError, required } from '../args.ts';
import { actingUser } from '../cli-audit.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

/** A case as scripts see it (CLI.md: id, state, behavior, person_id, history). */
function caseJson(db: Db, c: CaseRow) {
  return {
    id: c.id,
    state: c.state,
    behavior: c.behavior,
    person_id: c.person_id,
    county_code: c.county_code,
    opened_at: new Date(c.opened_at).toISOString(),
    evidence: JSON.parse(c.evidence) as unknown,
    history: caseHistory(db, c.id).map((h) => ({
      at: new Date(h.at).toISOString(),
      user: h.user_name,
      move: h.move,
      from: h.from_state,
      to: h.to_state,
      reason: h.reason,
    })),
  };
}

function caseId(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`--id must be a case number, not ${raw}`);
  return Number(raw);
}

export const caseCommand: Command = {
  name: 'case',
  usage: `case list|show|flag|${CASE_MOVES.join('|')} --db F [--id N] [--state S] [--person ID --behavior B] [--user U --reason TEXT]`,
  spec: { values: ['db', 'id', 'state', 'person', 'behavior', 'user', 'reason'], flags: [], positionals: 1 },
  async run(args, out) {
    const sub = args.positionals[0];
    const db = openDbFromArgs(args);
    try {
      if (sub === 'list') {
        const state = args.options.get('state');
        if (state !== undefined && !(CASE_STATES as readonly string[]).includes(state))
          throw new UsageError(`--state must be one of ${CASE_STATES.join(', ')}`);
        const rows = listCases(db, state ? { state: state as CaseState } : {}).rows;
        out.result(
          rows.map((c) => caseJson(db, c)),
          () =>
            rows.length
              ? table(
                  ['id', 'state', 'behavior', 'person', 'opened by'],
                  rows.map((c) => [c.id, c.state, c.behavior, c.person_id, c.opened_by]),
                )
              : 'no cases',
        );
        return;
      }
      if (sub === 'show') {
        const c = getCase(db, caseId(required(args, 'id')));
        if (!c) throw new Error(`no case ${args.options.get('id')}`);
        const json = caseJson(db, c);
        out.result(json, () => JSON.stringify(json, null, 2));
        return;
      }
      const user = actingUser(db, required(args, 'user'));
      const reason = required(args, 'reason');
      try {
        if (sub === 'flag') {
          const raw = required(args, 'person');
          if (!isValidPersonId(raw)) throw new UsageError(`--person must be an 18-character ID number`);
          const behavior = args.options.get('behavior') ?? 'other';
          if (!(BEHAVIORS as readonly string[]).includes(behavior))
            throw new UsageError(`--behavior must be one of ${BEHAVIORS.join(', ')}`);
          const id = flagCase(db, {
            personId: normalizePersonId(raw),
            behavior: behavior as Behavior,
            reason,
            role: user.role,
            user: user.name,
            at: databaseClock(db)(),
          });
          const json = caseJson(db, getCase(db, id)!);
          out.result(json, () => `case ${id} opened`);
          return;
        }
        if (!(CASE_MOVES as readonly string[]).includes(sub ?? ''))
          throw new UsageError(`unknown case command ${sub}; use list, show, flag or ${CASE_MOVES.join(', ')}`);
        const r = await takeCaseStep(db, {
          id: caseId(required(args, 'id')),
          move: sub as CaseMove,
          user: { name: user.name, role: user.role },
          reason,
          at: databaseClock(db)(),
        });
        const json = caseJson(db, r.row);
        out.result(json, () => `case ${r.row.id}: ${r.row.state}`);
      } catch (err) {
        if (err instanceof ApiFailure) throw new Error(err.error.message);
        throw err;
      }
    } finally {
      db.close();
    }
  },
};
