/**
 * Keeping every person's colours up to date. A full evaluation walks the city in ranges of IDs;
 * after a sync only the people whose records changed are evaluated again: those in dirty_people
 * and those whose check-in days grew since the last evaluation (checkin_days.changed_batch).
 *
 * No daily pass is needed for the passage of time: the stored history covers every date the data
 * reaches and an episode only ends on a day with a check-in, which is a record.
 *
 * Large evaluations run on worker threads (each with its own read-only connection) while this
 * thread writes; each chunk's writes commit in one transaction, so a killed evaluation leaves whole
 * people and consistent sums, and the watermark moves only when every chunk is done.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RULES_VERSION } from '../../../shared/domain/rules/version.ts';
import type { Db } from '../db/database.ts';
import { databaseKeyOf } from '../db/db-key.ts';
import { workerUrl } from '../workers/worker-url.ts';
import { type ChunkWrites, applyChunkWrites } from './colour-writes.ts';
import { evaluateChunk } from './evaluate-chunk.ts';
import type { EvaluateJob } from './evaluate-worker.ts';
import { loadKeyAreas } from './load-records.ts';
import type { PersonScope } from './person-scope.ts';
import { getSetting, setSetting } from './settings.ts';
import { newRequestToken, newestBatch } from '../import/watermarks.ts';

const CHUNK_PEOPLE = 20_000;
/** Below this many chunks, starting worker threads costs more than it saves. */
const WORKER_MIN_CHUNKS = 4;

export interface RecomputeResult {
  mode: 'full' | 'incremental' | 'none';
  people: number;
  changed: number;
  seconds: number;
}

export interface RecomputeOptions {
  full?: boolean;
  /** Worker threads; 0 evaluates on this thread. Default: one per core, at most 2. */
  workers?: number;
  /** People per chunk (tests use small chunks to exercise the worker path). */
  chunkPeople?: number;
  onProgress?: (p: { done: number; total: number }) => void;
}

export function needsFullRecompute(db: Db): boolean {
  // Any value but '0' asks for one: a request stores a fresh token, so a run that started before
  // the request can tell that it did not cover it (see recomputeColours).
  const request = getSetting(db, 'colours.full_recompute');
  if (request !== null && request !== '0') return true;
  return getSetting(db, 'colours.rules_version') !== String(RULES_VERSION);
}

/**
 * People whose records changed since the last evaluation, in ID order: those with rows of a newer
 * batch in a feed that bears on colours (or a resident whose phone got roaming records), people
 * marked by other changes (enforcement), and, among those whose check-in days grew, only the ones
 * who have been red or yellow, or who have no stored history yet: more normal days cannot change
 * anybody else's colours.
 */
export function dirtyPeople(db: Db, upToBatch: number): string[] {
  const w = Number(getSetting(db, 'colours.watermark') ?? 0);
  const newer = (table: string) => `SELECT person_id FROM ${table} WHERE batch_id > @w AND batch_id <= @u`;
  const unknown = (table: string) =>
    `SELECT t.person_id FROM ${table} t WHERE t.batch_id > @w AND t.batch_id <= @u AND NOT EXISTS (SELECT 1 FROM person_codes p WHERE p.person_id = ` +
    `t.person_id)`;
  const sql = [
    'SELECT person_id FROM dirty_people',
    newer('residents'),
    newer('declarations'),
    newer('health_records'),
    newer('travel'),
    newer('medical'),
    newer('abnormal_checkins'),
    'SELECT r.person_id FROM roaming ro JOIN residents r ON r.phone = ro.phone WHERE ro.batch_id > @w AND ro.batch_id <= @u',
    // Known only through these feeds: a new person needs a stored "no code" history.
    unknown('staff'),
    unknown('scans'),
    `SELECT c.person_id FROM checkin_days c
     WHERE c.block IN (SELECT block FROM checkin_touched WHERE batch_id > @w AND batch_id <= @u)
       AND c.changed_batch > @w AND c.changed_batch <= @u
       AND (c.person_id IN (SELECT person_id FROM episode_people)
            OR NOT EXISTS (SELECT 1 FROM person_codes p WHERE p.person_id = c.person_id))`,
  ].join('\nUNION ');
  return (db.prepare(`${sql}\nORDER BY 1`).raw().all({ w, u: upToBatch }) as [string][]).map((r) => r[0]);
}

/**
 * A cheap check for start-up: is anything waiting to be evaluated (a sync, or a decision queued in
 * dirty_people, whose evaluation a crash or a closed window interrupted)? An empty database is not.
 */
export function coloursBehind(db: Db): boolean {
  const upTo = newestBatch(db);
  const queued = db.prepare('SELECT 1 FROM dirty_people LIMIT 1').get() !== undefined;
  if (upTo === 0 && !queued) return false;
  return queued || needsFullRecompute(db) || Number(getSetting(db, 'colours.watermark') ?? 0) < upTo;
}

export function isColourStateFresh(db: Db): boolean {
  if (needsFullRecompute(db)) return false;
  const upTo = newestBatch(db);
  return Number(getSetting(db, 'colours.watermark') ?? 0) >= upTo && dirtyPeople(db, upTo).length === 0;
}

export async function recomputeColours(db: Db, options: RecomputeOptions = {}): Promise<RecomputeResult> {
  const started = performance.now();
  // Up to the newest batch, running or not: rows a batch adds later move the watermark back (watermarks.ts).
  const upToBatch = newestBatch(db);
  const full = options.full === true || needsFullRecompute(db);
  const watermarkAtStart = getSetting(db, 'colours.watermark');
  let fullRequest: string | null = null;
  const keyAreas = loadKeyAreas(db);
  let scopes: PersonScope[];
  if (full) {
    // The flag stays set until the run completes, so a killed full run is finished by the next one;
    // people marked dirty from here on are left for the next incremental run.
    db.transaction(() => {
      const pending = getSetting(db, 'colours.full_recompute');
      fullRequest = pending !== null && pending !== '0' ? pending : newRequestToken();
      setSetting(db, 'colours.full_recompute', fullRequest);
      db.exec('DELETE FROM dirty_people');
    }).immediate();
    scopes = idRanges(db, options.chunkPeople ?? CHUNK_PEOPLE);
  } else {
    const dirty = dirtyPeople(db, upToBatch);
    scopes = [];
    const size = options.chunkPeople ?? CHUNK_PEOPLE;
    for (let i = 0; i < dirty.length; i += size) scopes.push({ kind: 'ids', ids: dirty.slice(i, i + size) });
  }
  let people = 0;
  let changed = 0;
  let done = 0;
  const apply = (scope: PersonScope, writes: ChunkWrites, clearDirty: boolean) => {
    db.transaction(() => {
      changed += applyChunkWrites(db, writes);
      // Only when nobody else wrote since the chunk was read: a mark made meanwhile must survive.
      if (clearDirty && scope.kind === 'ids')
        db.prepare('DELETE FROM dirty_people WHERE person_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(scope.ids));
    }).immediate();
    people += writes.people;
    options.onProgress?.({ done: ++done, total: scopes.length });
  };
  const workers = options.workers ?? Math.min(2, availableParallelism());
  if (workers > 0 && scopes.length >= WORKER_MIN_CHUNKS) await inWorkers(db, scopes, keyAreas, workers, apply);
  else {
    for (const scope of scopes) {
      // Read and written under one write lock: nothing can change in between.
      db.transaction(() => apply(scope, evaluateChunk(db, scope, keyAreas), true)).immediate();
    }
  }
  db.transaction(() => {
    // What happened meanwhile stays asked for: rows that moved the watermark back, a key-area
    // change that asked for another full run.
    if (getSetting(db, 'colours.watermark') === watermarkAtStart) setSetting(db, 'colours.watermark', String(upToBatch));
    if (fullRequest !== null && getSetting(db, 'colours.full_recompute') === fullRequest) setSetting(db, 'colours.full_recompute', '0');
    setSetting(db, 'colours.rules_version', String(RULES_VERSION));
  }).immediate();
  return { mode: full ? 'full' : people ? 'incremental' : 'none', people, changed, seconds: (performance.now() - started) / 1000 };
}

async function inWorkers(
  db: Db,
  scopes: readonly PersonScope[],
  keyAreas: EvaluateJob['keyAreas'],
  count: number,
  apply: (scope: PersonScope, writes: ChunkWrites, clearDirty: boolean) => void,
): Promise<void> {
  const pool = Array.from(
    { length: count },
    () => new Worker(workerUrl(import.meta.url, 'evaluate-worker'), { workerData: { dbFile: db.name, dbKey: databaseKeyOf(db) } }),
  );
  const version = () => db.pragma('data_version', { simple: true }) as number;
  try {
    let next = 0;
    await Promise.all(
      pool.map(async (worker) => {
        while (next < scopes.length) {
          const id = next++;
          const scope = scopes[id]!;
          const before = version();
          const result = await new Promise<{ writes?: ChunkWrites; error?: string }>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage({ id, scope, keyAreas } satisfies EvaluateJob);
          });
          worker.removeAllListeners('error');
          if (result.error || !result.writes) throw new Error(`evaluating colours failed: ${result.error ?? 'no result'}`);
          apply(scope, result.writes, version() === before);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/**
 * Consecutive ranges of IDs covering every possible ID, each holding about `size` people of the
 * largest person-keyed table (people in no table still fall in some range).
 */
function idRanges(db: Db, size: number): PersonScope[] {
  const cuts: string[] = [];
  const counts = ['residents', 'declarations'].map((t) => ({
    t,
    n: (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
  }));
  const source = counts.sort((a, b) => b.n - a.n)[0]!.t;
  let i = 0;
  for (const [id] of db.prepare(`SELECT person_id FROM ${source} ORDER BY person_id`).raw().iterate() as Iterable<[string]>) {
    if (i > 0 && i % size === 0 && id !== cuts[cuts.length - 1]) cuts.push(id);
    i++;
  }
  const ranges: PersonScope[] = [];
  let from = '';
  for (const cut of cuts) {
    ranges.push({ kind: 'range', from, to: cut });
    from = cut;
  }
  ranges.push({ kind: 'range', from, to: null });
  return ranges;
}
