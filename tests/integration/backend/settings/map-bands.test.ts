/**
 * The map's fixed scale in Settings (issue 16): default thresholds, an administrator's change stored
 * in the settings table and audited, every role's dashboard summary carrying the same thresholds,
 * and thresholds that are not ascending or not within 0–100 % refused with what to fix.
 */
import { describe, expect, test } from 'vitest';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const USERS = [
  { name: 'chief', role: 'admin' },
  { name: 'duty', role: 'officer' },
  { name: 'pen', role: 'writer' },
  { name: 'wudi', role: 'officer', county: '371623' },
];

const stored = (c: Awaited<ReturnType<typeof testConsole>>) =>
  c.services.db.prepare("SELECT value FROM settings WHERE key = 'dashboard.map_bands'").pluck().get() as string | undefined;

describe('the map bands setting', () => {
  test('defaults; an administrator sets them; every role’s dashboard gets them; the change is audited', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    expect((await c.ok('chief', 'settings.get', {})).mapBands).toEqual([0.5, 1, 2, 5]);
    for (const u of ['duty', 'pen', 'wudi']) expect((await c.ok(u, 'dashboard.summary', {})).mapBands, u).toEqual([0.5, 1, 2, 5]);

    const saved = await c.ok('chief', 'settings.update', { mapBands: [1, 3, 10] });
    expect(saved.mapBands).toEqual([1, 3, 10]);
    expect(stored(c)).toBe('[1,3,10]');
    // The other settings are left as they were.
    expect(saved.idleTimeoutMinutes).toBe(30);
    for (const u of ['chief', 'duty', 'pen', 'wudi']) expect((await c.ok(u, 'dashboard.summary', {})).mapBands, u).toEqual([1, 3, 10]);

    const entry = c.services.db
      .prepare("SELECT user_name, details FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1")
      .get() as { user_name: string; details: string };
    expect(entry.user_name).toBe('chief');
    expect(JSON.parse(entry.details)).toEqual({ mapBands: [1, 3, 10] });

    // Another setting saved alone keeps the bands.
    await c.ok('chief', 'settings.update', { idleTimeoutMinutes: 45 });
    expect((await c.ok('duty', 'dashboard.summary', {})).mapBands).toEqual([1, 3, 10]);
  });

  test('thresholds not ascending, out of 0–100 %, or not numbers are refused in both languages; nothing is stored', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    const refused = async (mapBands: unknown) => {
      // The page can send anything: the schema is what stands between it and the settings table.
      const r = await c.call('chief', 'settings.update', { mapBands } as { mapBands: number[] });
      if (r.ok) throw new Error(`accepted ${JSON.stringify(mapBands)}`);
      expect(r.error.code).toBe('bad_request');
      return [r.error.message, r.error.messageZh];
    };
    expect(await refused([0.5, 2, 1, 5])).toEqual([
      'mapBands thresholds must go up: threshold 3 (1 %) is not above 2 %',
      'mapBands 阈值应从小到大：第3个（1%）不大于2%',
    ]);
    expect(await refused([0.5, 1, 2, 100])).toEqual([
      'mapBands threshold 4 must be above 0 % and below 100 %, not 100 %',
      'mapBands 第4个阈值应大于0%且小于100%（现为100%）',
    ]);
    expect((await refused([0, 1]))[0]).toContain('above 0 %');
    expect((await refused([1, 'x']))[0]).toBe('mapBands threshold 2 must be a number');
    expect((await refused([]))[0]).toBe('mapBands must be 1 to 8 thresholds in percent, like 0.5, 1, 2, 5');
    expect((await refused('0.5, 1, 2, 5'))[0]).toContain('mapBands');
    expect(stored(c)).toBeUndefined();
    const entries = c.services.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'settings.update'").pluck().get();
    expect(entries).toBe(0);
  });

  test('only an administrator changes them', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    for (const u of ['duty', 'pen']) {
      const r = await c.call(u, 'settings.update', { mapBands: [1, 2] });
      expect(r.ok ? null : r.error.code, u).toBe('forbidden');
    }
    expect(stored(c)).toBeUndefined();
  });
});
