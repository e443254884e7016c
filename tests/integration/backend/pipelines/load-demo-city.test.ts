/** pipelines/load-demo-city.ts: the first start's demo city synced from its own folder, evaluated, examined, kept as the sync source. */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { consoleSettings } from '../../../../electron/backend/settings/console-settings.ts';
import { DEMO_FOLDER } from '../../../../electron/backend/app/demo-load.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { type DemoEvent, loadDemoCity } from '../../../../electron/backend/pipelines/load-demo-city.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

test('a demo folder already written is loaded as it is: synced, evaluated, cases opened, sync source set, audited as data.demo', async () => {
  const dataDir = tempDir();
  // A small city where the load would write its 20,000 people: an interrupted load goes on with the files it finds.
  await writeDemoCity({ out: join(dataDir, DEMO_FOLDER), people: 1200, days: 4, seed: 1 });
  const db = openDatabase(join(dataDir, 'console.db'));
  try {
    const events: DemoEvent['type'][] = [];
    const demo = await loadDemoCity(db, dataDir, { actor: { user: 'chief' }, onEvent: (e) => events.push(e.type) });
    expect(events).not.toContain('demo-writing');
    expect(demo.dir).toBe(join(dataDir, DEMO_FOLDER));
    expect(consoleSettings(db).syncSource).toBe(demo.dir);
    expect(demo.sync.status).toBe('done');
    expect(demo.colours.people).toBeGreaterThan(0);
    expect(demo.opened.length).toBeGreaterThan(0);
    const entry = db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'data.demo'").get() as {
      user_name: string;
      details: string;
    };
    expect(entry.user_name).toBe('chief');
    expect(JSON.parse(entry.details)).toMatchObject({
      status: 'done',
      syncSource: demo.dir,
      read: demo.sync.totals.read,
      casesOpened: demo.opened.length,
    });
  } finally {
    db.close();
  }
});
