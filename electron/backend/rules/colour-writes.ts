/**
 * Writing a chunk of evaluated people: only those whose history changed, with the per-day county
 * sums and transition counts adjusted by the difference (old history out, new history in).
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import type { TimelineChange } from '../../../shared/domain/rules/evaluate.ts';
import {
  type HistoryState,
  decodeHistory,
  encodeHistory,
  historyDeltas,
  historyTransitions,
} from '../../../shared/domain/rules/person-history.ts';
import type { Db } from '../db/database.ts';
import { statementCache } from '../db/statement-cache.ts';
import { multiRowInsert } from '../db/multi-row-insert.ts';
import { bumpColourGeneration } from './colour-generation.ts';

export interface EvaluatedPerson {
  personId: string;
  states: HistoryState[];
  changes: readonly TimelineChange[];
}

const statements = statementCache((db: Db) => ({
  upsertCode: multiRowInsert(
    db,
    'INSERT INTO person_codes (person_id, timeline)',
    '(?, ?)',
    2,
    'ON CONFLICT (person_id) DO UPDATE SET timeline = excluded.timeline',
  ),
  deleteChange: db.prepare('DELETE FROM code_changes WHERE day = ? AND person_id = ?'),
  addEpisodes: db.prepare('INSERT OR IGNORE INTO episode_people (person_id) SELECT value FROM json_each(?)'),
  removeEpisodes: db.prepare('DELETE FROM episode_people WHERE person_id IN (SELECT value FROM json_each(?))'),
  insertChange: db.prepare(
    `INSERT INTO code_changes (day, person_id, from_color, to_color, county_code, cause, reason_source, reason_condition, reason_date, reason_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  delta: db.prepare(
    `INSERT INTO stat_deltas (day, county_code, color, delta) VALUES (?, ?, ?, ?)
     ON CONFLICT (day, county_code, color) DO UPDATE SET delta = delta + excluded.delta`,
  ),
  transition: db.prepare(
    `INSERT INTO transition_counts (day, county_code, from_color, to_color, n) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day, county_code, from_color, to_color) DO UPDATE SET n = n + excluded.n`,
  ),
}));

/**
 * A colour change worth a row in code_changes: everything but a plain new green code (counted per
 * county in transition_counts: INTERPRETATIONS.firstCodes).
 */
function listedChange(from: CodeColor, to: CodeColor): boolean {
  return from !== to && !(from === 'none' && to === 'green');
}

/**
 * What a chunk changes, worked out without the database (so a worker thread can do it): new
 * histories, code_changes rows to delete and insert, and the sums' adjustments.
 */
export interface ChunkWrites {
  people: number;
  codes: unknown[]; // person_id, timeline, person_id, timeline, ...
  /** People whose history has red or yellow in it (episode_people), and those who no longer do. */
  episodes: string[];
  notEpisodes: string[];
  deleteChanges: [number, string][];
  insertChanges: unknown[][];
  deltas: [number, string, string, number][];
  transitions: [number, string, string, string, number][];
}

export function diffEvaluated(people: readonly EvaluatedPerson[], stored: ReadonlyMap<string, string>): ChunkWrites {
  const deltas = new Map<string, number>();
  const transitions = new Map<string, number>();
  const addDelta = (day: Day, county: string, color: CodeColor, d: number) => {
    const k = `${day}|${county}|${color}`;
    deltas.set(k, (deltas.get(k) ?? 0) + d);
  };
  const addTransition = (day: Day, county: string, from: CodeColor, to: CodeColor, n: number) => {
    const k = `${day}|${county}|${from}|${to}`;
    transitions.set(k, (transitions.get(k) ?? 0) + n);
  };
  const out: ChunkWrites = {
    people: people.length,
    codes: [],
    episodes: [],
    notEpisodes: [],
    deleteChanges: [],
    insertChanges: [],
    deltas: [],
    transitions: [],
  };
  for (const p of people) {
    const text = encodeHistory(p.states);
    const old = stored.get(p.personId);
    if (old === text) continue;
    out.codes.push(p.personId, text);
    const episode = p.states.some((st) => st.color === 'red' || st.color === 'yellow');
    if (episode) out.episodes.push(p.personId);
    else if (old !== undefined) out.notEpisodes.push(p.personId);
    if (old !== undefined) {
      const before = decodeHistory(old);
      historyDeltas(before, -1, addDelta);
      historyTransitions(before, -1, addTransition);
      for (let i = 1; i < before.length; i++) {
        if (listedChange(before[i - 1]!.color, before[i]!.color)) out.deleteChanges.push([before[i]!.day, p.personId]);
      }
    }
    historyDeltas(p.states, 1, addDelta);
    historyTransitions(p.states, 1, addTransition);
    for (let i = 1; i < p.states.length; i++) {
      const prev = p.states[i - 1]!;
      const st = p.states[i]!;
      if (!listedChange(prev.color, st.color)) continue;
      const change = p.changes.find((c) => c.day === st.day);
      const r = change?.reason ?? null;
      out.insertChanges.push([
        st.day,
        p.personId,
        prev.color,
        st.color,
        st.county,
        change?.cause ?? 'trigger',
        r?.source ?? null,
        r?.condition ?? null,
        r?.date ?? null,
        r?.recordKey ?? null,
      ]);
    }
  }
  for (const [k, d] of deltas) {
    if (d === 0) continue;
    const [day, county, color] = k.split('|');
    out.deltas.push([Number(day), county!, color!, d]);
  }
  for (const [k, n] of transitions) {
    if (n === 0) continue;
    const [day, county, from, to] = k.split('|');
    out.transitions.push([Number(day), county!, from!, to!, n]);
  }
  return out;
}

/** Applies a chunk's writes (inside the caller's transaction); returns how many people changed. */
export function applyChunkWrites(db: Db, w: ChunkWrites): number {
  const s = statements(db);
  for (const [day, id] of w.deleteChanges) s.deleteChange.run(day, id);
  s.upsertCode.run(w.codes);
  if (w.episodes.length) s.addEpisodes.run(JSON.stringify(w.episodes));
  if (w.notEpisodes.length) s.removeEpisodes.run(JSON.stringify(w.notEpisodes));
  for (const row of w.insertChanges) s.insertChange.run(...row);
  for (const row of w.deltas) s.delta.run(...row);
  for (const row of w.transitions) s.transition.run(...row);
  if (w.codes.length > 0) bumpColourGeneration(db);
  return w.codes.length / 2;
}
