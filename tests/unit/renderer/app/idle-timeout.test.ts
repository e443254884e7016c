import { describe, expect, test } from 'vitest';
import { IdleTracker, TOUCH_INTERVAL_MS, WARNING_MS } from '../../../../renderer/src/app/idle-timeout.ts';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

describe('inactivity timeout', () => {
  test('expires after the timeout without activity, not before', () => {
    const idle = new IdleTracker(30, T0);
    expect(idle.check(T0 + 30 * MIN - 1).expired).toBe(false);
    expect(idle.check(T0 + 30 * MIN).expired).toBe(true);
  });

  test('activity pushes the timeout back', () => {
    const idle = new IdleTracker(30, T0);
    idle.activity(T0 + 20 * MIN);
    expect(idle.check(T0 + 45 * MIN).expired).toBe(false);
    expect(idle.check(T0 + 50 * MIN).expired).toBe(true);
  });

  test('touches the session at most once a minute while active', () => {
    const idle = new IdleTracker(30, T0);
    // Signing in counts as a touch.
    expect(idle.activity(T0 + 1_000)).toBe('none');
    expect(idle.activity(T0 + TOUCH_INTERVAL_MS - 1)).toBe('none');
    expect(idle.activity(T0 + TOUCH_INTERVAL_MS)).toBe('touch');
    const outcomes = [];
    for (let s = 1; s <= 120; s++) outcomes.push(idle.activity(T0 + TOUCH_INTERVAL_MS + s * 1_000));
    expect(outcomes.filter((o) => o === 'touch')).toHaveLength(2);
  });

  test('a timeout under two minutes touches every half timeout, before the server gives up', () => {
    const idle = new IdleTracker(1, T0);
    expect(idle.touchIntervalMs).toBe(30_000);
    expect(idle.activity(T0 + 29_999)).toBe('none');
    expect(idle.activity(T0 + 30_000)).toBe('touch');
    expect(new IdleTracker(30, T0).touchIntervalMs).toBe(TOUCH_INTERVAL_MS);
  });

  test('no touch without activity', () => {
    const idle = new IdleTracker(30, T0);
    expect(idle.check(T0 + 10 * MIN).expired).toBe(false);
    // The first activity after a quiet spell touches at once.
    expect(idle.activity(T0 + 10 * MIN)).toBe('touch');
  });

  test('activity after the timeout does not revive the session (sleep, late timers)', () => {
    const idle = new IdleTracker(5, T0);
    expect(idle.activity(T0 + 6 * MIN)).toBe('expired');
    expect(idle.check(T0 + 6 * MIN).expired).toBe(true);
    expect(idle.activity(T0 + 6 * MIN + 1)).toBe('expired');
  });

  test('warns in the last minute, with the time left', () => {
    const idle = new IdleTracker(30, T0);
    expect(idle.check(T0 + 30 * MIN - WARNING_MS - 1).warn).toBe(false);
    const c = idle.check(T0 + 30 * MIN - 15_000);
    expect(c.warn).toBe(true);
    expect(c.remainingMs).toBe(15_000);
    idle.activity(T0 + 30 * MIN - 15_000);
    expect(idle.check(T0 + 30 * MIN - 14_000).warn).toBe(false);
  });

  test('a timeout of zero or less is off', () => {
    for (const minutes of [0, -5, Number.NaN]) {
      const idle = new IdleTracker(minutes, T0);
      expect(idle.check(T0 + 365 * 24 * 60 * MIN).expired).toBe(false);
      expect(idle.check(T0 + 365 * 24 * 60 * MIN).warn).toBe(false);
    }
  });

  test('a clock that steps back does not move the last activity back', () => {
    const idle = new IdleTracker(10, T0);
    idle.activity(T0 + 5 * MIN);
    idle.activity(T0 + 4 * MIN);
    expect(idle.check(T0 + 14 * MIN).expired).toBe(false);
  });
});
