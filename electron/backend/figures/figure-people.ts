/**
 * The people behind a figure, in the order asked, found from as few histories as the figure
 * allows (a city holds four million):
 * - a day's changes: that day's rows of code_changes into the figure's colours, plus, where a new green code counts (not
 *   listed there, colour-writes.ts), the people who declared that day (a code is issued on a
 *   declaration) and those whose code was revoked before;
 * - red and yellow holders: the entries into the colour (code_changes lists every one), walked by
 *   day, so the newest entries come first and a page stops early;
 * - green or any code by since-date: the runs' first days, walked by day (codeRunsByDay);
 * - green, any code or none by ID (and no code by since-date): every history in ID order, stopping
 *   when the page is full.
 * Each candidate is then checked against its history (figure-match.ts), which is what the sums count.
 */
import type { FigureSort } from '../../../shared/contract/figures.ts';
import { CODE_COLORS, type CodeColor } from '../../../shared/domain/rules/colors.ts';
import { decodeHistory } from '../../../shared/domain/rules/person-history.ts';
import type { Db } from '../db/database.ts';
import { codeColourOn } from '../enterprises/colour-letter.ts';
import { changeCounts, type FigureMatch, type FigureSpec, figureMatch, isStock, stockHolds } from './figure-match.ts';

type Order = (a: FigureMatch, b: FigureMatch) => number;

const byId: Order = (a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
/** ID order from a county's code on, wrapping round (histories below). */
const fromCounty =
  (county: string): Order =>
  (a, b) =>
    Number(b.personId >= county) - Number(a.personId >= county) || byId(a, b);
const sinceOf = (m: FigureMatch) => m.since ?? -Infinity;
/** Ties by ID, descending with the day as the index walks them (figure-people's entries into a colour). */
const ORDERS: Record<FigureSort, Order> = {
  since_desc: (a, b) => sinceOf(b) - sinceOf(a) || byId(b, a),
  since_asc: (a, b) => sinceOf(a) - sinceOf(b) || byId(a, b),
  id: byId,
};

function historyReader(db: Db): (personId: string) => ReturnType<typeof decodeHistory> {
  const timeline = db.prepare('SELECT timeline FROM person_codes WHERE person_id = ?').pluck();
  return (personId) => decodeHistory((timeline.get(personId) as string | undefined) ?? '');
}

/** The colours a change figure's changes lead into (a day's rows of code_changes into others cannot count). */
function intoColours(spec: FigureSpec): CodeColor[] {
  return CODE_COLORS.filter((to) => CODE_COLORS.some((from) => changeCounts(spec, from, to)));
}

/**
 * The people a change figure of the day may count, in the order asked. Every change counted is on
 * the day, so each list order is an ID order: the candidates (IDs only) are sorted and their
 * histories read one by one until the page is full (a history read is the cost: about 10,000 a day).
 */
function* changedOn(db: Db, spec: FigureSpec, order: Order): Generator<FigureMatch> {
  const into = intoColours(spec);
  if (into.length === 0) return;
  const ids = new Set(
    db
      .prepare(`SELECT person_id FROM code_changes WHERE day = ? AND to_color IN (${into.map(() => '?').join(', ')})`)
      .pluck()
      .all(spec.day, ...into) as string[],
  );
  if (changeCounts(spec, 'none', 'green')) {
    for (const id of db.prepare('SELECT DISTINCT person_id FROM declarations WHERE day = ?').pluck().all(spec.day) as string[]) ids.add(id);
    const revoked = db
      .prepare("SELECT person_id FROM code_changes INDEXED BY code_changes_into WHERE to_color = 'none' AND day < ?")
      .pluck();
    for (const id of revoked.all(spec.day) as string[]) ids.add(id);
  }
  const ordered = [...ids].map((personId) => ({ personId, since: spec.day }) as FigureMatch).sort(order);
  const history = historyReader(db);
  for (const { personId } of ordered) {
    const m = figureMatch(spec, personId, history(personId));
    if (m) yield m;
  }
}

/** Red or yellow holders by the day they entered the colour: a row of code_changes begins each run. */
function* enteredColour(db: Db, spec: FigureSpec, newestFirst: boolean): Generator<FigureMatch> {
  const dir = newestFirst ? 'DESC' : 'ASC';
  const entries = db
    .prepare(
      `SELECT person_id, day FROM code_changes INDEXED BY code_changes_into WHERE to_color = ? AND day <= ? ORDER BY day ${dir}, person_id ${dir}`,
    )
    .raw()
    .iterate(spec.figure, spec.day) as Iterable<[string, number]>;
  const history = historyReader(db);
  for (const [id, day] of entries) {
    const m = figureMatch(spec, id, history(id));
    // Only the entry that began the run held on the day: a person enters red once per run.
    if (m && m.since === day) yield m;
  }
}

/**
 * Green or any-code holders by the day their run began, a day at a time (newest or oldest first),
 * so a page stops early. A run of a code begins with a row of code_changes, except a new green
 * code, which is issued on a declaration's day (colour-writes.ts): so a day's candidates are its
 * changes into the colours and its declarants, each read in ID order as the ties are sorted.
 */
function* codeRunsByDay(db: Db, spec: FigureSpec, newestFirst: boolean): Generator<FigureMatch> {
  const dir = newestFirst ? 'DESC' : 'ASC';
  const into = spec.figure === 'green' ? "('green')" : "('green', 'yellow', 'red')";
  const changes = db.prepare(`SELECT person_id FROM code_changes WHERE day = ? AND to_color IN ${into} ORDER BY person_id ${dir}`).pluck();
  const declared = db.prepare(`SELECT DISTINCT person_id FROM declarations WHERE day = ? ORDER BY person_id ${dir}`).pluck();
  const first = db
    .prepare('SELECT MIN(d) FROM (SELECT MIN(day) AS d FROM declarations UNION ALL SELECT MIN(day) FROM code_changes)')
    .pluck()
    .get() as number | null;
  if (first === null) return;
  const history = historyReader(db);
  for (let i = 0; i <= spec.day - first; i++) {
    const day = newestFirst ? spec.day - i : first + i;
    const ids = mergeIds(changes.iterate(day) as Iterable<string>, declared.iterate(day) as Iterable<string>, newestFirst);
    for (const id of ids) {
      const m = figureMatch(spec, id, history(id));
      if (m && m.since === day) yield m;
    }
  }
}

/** Two streams of IDs, each sorted the same way, as one sorted stream without repeats. */
function* mergeIds(a: Iterable<string>, b: Iterable<string>, descending: boolean): Generator<string> {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  let x = ia.next();
  let y = ib.next();
  const before = (p: string, q: string) => (descending ? p > q : p < q);
  // A page stops the walk early: the statements' iterators must then be closed, or the
  // connection stays busy with them.
  try {
    yield* merged();
  } finally {
    ia.return?.();
    ib.return?.();
  }
  function* merged(): Generator<string> {
    while (!x.done || !y.done) {
      if (y.done || (!x.done && before(x.value, y.value))) {
        yield x.value;
        x = ia.next();
      } else if (x.done || before(y.value, x.value)) {
        yield y.value;
        y = ib.next();
      } else {
        yield x.value;
        x = ia.next();
        y = ib.next();
      }
    }
  }
}

/**
 * Every history in ID order; a stock's colour is read without decoding the history first. For a
 * county the order starts at the county's code and wraps round: an ID number begins with the code
 * of where it was issued, so a county's people come first and a page is found without walking the
 * counties before it (half the city for 无棣县); those registered elsewhere follow.
 */
function* histories(db: Db, county: string | null): Generator<[string, string]> {
  const read = (where: string, ...args: string[]) =>
    db
      .prepare(`SELECT person_id, timeline FROM person_codes ${where} ORDER BY person_id`)
      .raw()
      .iterate(...args) as Iterable<[string, string]>;
  if (county === null) {
    yield* read('');
    return;
  }
  yield* read('WHERE person_id >= ?', county);
  yield* read('WHERE person_id < ?', county);
}

function* everyone(db: Db, spec: FigureSpec): Generator<FigureMatch> {
  const stock = isStock(spec.figure);
  for (const [id, timeline] of histories(db, spec.county)) {
    if (stock && !stockHolds(spec.figure, codeColourOn(timeline, spec.day) ?? 'none')) continue;
    const m = figureMatch(spec, id, decodeHistory(timeline));
    if (m) yield m;
  }
}

/** The first `n` of a stream in an order, holding about 2n at a time (a sort of the whole city would not fit). */
function firstOf(stream: Iterable<FigureMatch>, order: Order, n: number): FigureMatch[] {
  let kept: FigureMatch[] = [];
  for (const m of stream) {
    kept.push(m);
    if (kept.length >= 2 * n + 1024) kept = kept.sort(order).slice(0, n);
  }
  return kept.sort(order).slice(0, n);
}

function* take(stream: Iterable<FigureMatch>, n: number): Generator<FigureMatch> {
  if (n <= 0) return;
  let i = 0;
  for (const m of stream) {
    yield m;
    if (++i >= n) return;
  }
}

/** The first `n` people of the list in the order asked (all of them with n = Infinity). */
export function firstMatches(db: Db, spec: FigureSpec, sort: FigureSort, n: number): FigureMatch[] {
  const order = sort === 'id' && spec.county !== null ? fromCounty(spec.county) : ORDERS[sort];
  if (!isStock(spec.figure)) return [...take(changedOn(db, spec, order), n)];
  if (spec.figure === 'red' || spec.figure === 'yellow') {
    if (sort === 'id') return firstOf(enteredColour(db, spec, true), order, n);
    return [...take(enteredColour(db, spec, sort === 'since_desc'), n)];
  }
  if (sort === 'id') return [...take(everyone(db, spec), n)];
  if (spec.figure === 'green' || spec.figure === 'holders') return [...take(codeRunsByDay(db, spec, sort === 'since_desc'), n)];
  return firstOf(everyone(db, spec), order, n);
}

/** A page of the list: `limit` people after the first `offset`. */
export function figurePage(db: Db, spec: FigureSpec, sort: FigureSort, offset: number, limit: number): FigureMatch[] {
  return firstMatches(db, spec, sort, offset + limit).slice(offset);
}
