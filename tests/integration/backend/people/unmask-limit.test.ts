/**
 * Bulk unmasking is limited (issue 12): at most 30 full IDs or phones per user in 10 minutes, then a
 * clear refusal in both languages, flagged once in the audit log; other users are not affected.
 */
import { describe, expect, test } from 'vitest';
import { UNMASK_LIMIT, UNMASK_WINDOW_MS, UnmaskLimiter } from '../../../../electron/backend/people/unmask-limiter.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('the unmasking allowance', () => {
  test('the 31st unmasking in the window is refused, said in English and Chinese, and flagged once', async () => {
    const c = await testConsole(tempDir(), {
      demo: { people: 300, days: 3 },
      users: [
        { name: 'ofc', role: 'officer' },
        { name: 'cre', role: 'credit' },
      ],
    });
    const db = c.services.db;
    const people = db.prepare('SELECT person_id FROM residents ORDER BY person_id LIMIT 40').pluck().all() as string[];
    for (let i = 0; i < UNMASK_LIMIT; i++) {
      const r = await c.call('ofc', 'people.unmask', { ref: await c.ref('ofc', people[i]!), field: 'id' });
      expect(r.ok, `unmasking ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      const refused = await c.call('ofc', 'people.unmask', { ref: await c.ref('ofc', people[UNMASK_LIMIT + i]!), field: 'id' });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('rate_limited');
      expect(refused.error.message).toMatch(/30 times in 10 minutes.*try again in \d+ minute/);
      expect(refused.error.messageZh).toMatch(/10分钟内.*30次.*分钟后再试/);
    }
    const count = (action: string, user: string) =>
      db.prepare('SELECT count(*) FROM audit_log WHERE action = ? AND user_name = ?').pluck().get(action, user);
    expect(count('people.unmask', 'ofc')).toBe(UNMASK_LIMIT);
    // Three refusals, one flag: the audit is not flooded by someone hammering the button.
    expect(count('unmask.limit_reached', 'ofc')).toBe(1);
    const flag = db.prepare("SELECT target, details FROM audit_log WHERE action = 'unmask.limit_reached'").get() as {
      target: string | null;
      details: string;
    };
    expect(JSON.parse(flag.details)).toEqual({ method: 'people.unmask', limit: UNMASK_LIMIT, windowMinutes: 10 });
    // The limit is the user's: a colleague still unmasks; and masked pages still open for this one.
    expect((await c.call('cre', 'people.unmask', { ref: await c.ref('cre', people[0]!), field: 'id' })).ok).toBe(true);
    expect((await c.call('ofc', 'people.get', { ref: await c.ref('ofc', people[0]!) })).ok).toBe(true);
  });

  test('a credit report with full identities takes from the same allowance', async () => {
    const c = await testConsole(tempDir(), { demo: { people: 300, days: 3 }, users: [{ name: 'cre', role: 'credit' }] });
    const id = c.services.db.prepare('SELECT person_id FROM residents LIMIT 1').pluck().get() as string;
    for (let i = 0; i < UNMASK_LIMIT; i++)
      expect((await c.call('cre', 'people.unmask', { ref: await c.ref('cre', id), field: 'id' })).ok).toBe(true);
    const report = await c.call('cre', 'credit.report', { ref: await c.ref('cre', id) });
    expect(report.ok ? null : report.error.code).toBe('rate_limited');
  });

  test('the window slides: the allowance comes back as the oldest unmaskings leave it', () => {
    let now = 1_000_000;
    const limiter = new UnmaskLimiter(() => now);
    for (let i = 0; i < UNMASK_LIMIT; i++) {
      expect(limiter.take('Ofc').ok).toBe(true);
      now += 1000;
    }
    const refused = limiter.take('ofc');
    expect(refused).toEqual({ ok: false, retryInMinutes: 10, flag: true });
    expect(limiter.take('OFC')).toMatchObject({ ok: false, flag: false });
    expect(limiter.take('someone-else').ok).toBe(true);
    now = 1_000_000 + UNMASK_WINDOW_MS + 1;
    // The first unmasking left the window: one more is allowed, then refused again (flagged minutes ago).
    expect(limiter.take('ofc').ok).toBe(true);
    expect(limiter.take('ofc')).toMatchObject({ ok: false, flag: false });
    // A later window's run to the limit is flagged again.
    now += 2 * UNMASK_WINDOW_MS;
    for (let i = 0; i < UNMASK_LIMIT; i++) expect(limiter.take('ofc').ok).toBe(true);
    expect(limiter.take('ofc')).toMatchObject({ ok: false, flag: true });
  });
});
