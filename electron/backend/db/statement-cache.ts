import type { Db } from './database.ts';

/** Prepared statements are compiled once per connection. */
export function statementCache<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let s = cache.get(db);
    if (!s) {
      s = build(db);
      cache.set(db, s);
    }
    return s;
  };
}
