/**
 * Slows down password guessing: after 5 failed sign-ins for a user name, or 20 from one client
 * (all browser users on this machine share 127.0.0.1, so one person's typos must not lock the
 * others out), within 15 minutes, further attempts are refused for 15 minutes, even with the right
 * password.
 */
const WINDOW_MS = 15 * 60_000;
const MAX_USER_FAILURES = 5;
const MAX_CLIENT_FAILURES = 20;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;
  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Minutes until another attempt is allowed, or 0. */
  blockedFor(name: string, client: string): number {
    const lists: [number[], number][] = [
      [this.recent(`u:${name.toLowerCase()}`), MAX_USER_FAILURES],
      [this.recent(`c:${client}`), MAX_CLIENT_FAILURES],
    ];
    const blocked = lists.filter(([l, max]) => l.length >= max).map(([l, max]) => l[l.length - max]! + WINDOW_MS - this.now());
    return blocked.length ? Math.ceil(Math.max(...blocked) / 60_000) : 0;
  }

  fail(name: string, client: string): void {
    for (const key of [`u:${name.toLowerCase()}`, `c:${client}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(name: string): void {
    this.failures.delete(`u:${name.toLowerCase()}`);
  }
}
