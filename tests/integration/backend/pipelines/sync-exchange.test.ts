/** pipelines/sync-exchange.ts: sync, evaluate, detect, audited once as `data.sync` with what the whole run did. */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { syncExchange } from '../../../../electron/backend/pipelines/sync-exchange.ts';
import { isColourStateFresh } from '../../../../electron/backend/rules/recompute.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

test('a sync leaves the colours fresh and the planted fraud opened as cases; a second sync reads and opens nothing', async () => {
  const dir = tempDir();
  const city = await writeDemoCity({ out: join(dir, 'city'), people: 1500, days: 5, seed: 5 });
  const db = openDatabase(join(dir, 'console.db'));
  try {
    const events: string[] = [];
    const first = await syncExchange(db, { source: city.dir, actor: { user: 'ofc', via: 'cli' }, onEvent: (e) => events.push(e.type) });
    expect(first.sync.status).toBe('done');
    expect(events).toContain('file-done');
    expect(isColourStateFresh(db)).toBe(true);
    expect(first.opened.length).toBeGreaterThan(0);
    expect(db.prepare('SELECT id FROM cases ORDER BY id').pluck().all()).toEqual([...first.opened].sort((a, b) => a - b));
    const second = await syncExchange(db, { source: city.dir, actor: { user: null } });
    expect(second.sync.totals.read).toBe(0);
    expect(second.opened).toEqual([]);
    const entries = db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'data.sync' ORDER BY id").all() as {
      user_name: string | null;
      details: string;
    }[];
    expect(entries.map((e) => e.user_name)).toEqual(['ofc', null]);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({
      status: 'done',
      read: first.sync.totals.read,
      refused: 0,
      casesOpened: first.opened.length,
      colours: { people: first.colours.people },
      via: 'cli',
    });
    expect(JSON.parse(entries[1]!.details)).not.toHaveProperty('via');
  } finally {
    db.close();
  }
});
