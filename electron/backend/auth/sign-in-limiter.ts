/**
 * Slows down password guessing without locking out the people who know their password. Failures
 * count per user name and client together (5 in 15 minutes: that pair waits 15 minutes), and per
 * user name from all clients (20 in 15 minutes: guessing from many addresses). There is no limit
 * per client alone: every browser user of `hcc serve` arrives as 127.0.0.1, so a client limit let
 * twenty invented names lock out every user of the machine, right passwords included. Guessing
 * one account's password is what the limits slow; trying one common password on many names is
 * what the password policy (shared/domain/password-policy.ts) answers.
 */
const WINDOW_MS = 15 * 60_000;
const MAX_PAIR_FAILURES = 5;
const MAX_USER_FAILURES = 20;
const MAX_KEYS = 10_000;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly windows = new Map<string, { startedAt: number; suppressed: number }>();
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

  private keys(name: string, client: string): [string, number][] {
    const user = name.toLowerCase();
    return [
      [`p:${client}\u0000${user}`, MAX_PAIR_FAILURES],
      [`u:${user}`, MAX_USER_FAILURES],
    ];
  }

  /** Minutes until this user name may be tried again from this client, or 0. */
  blockedFor(name: string, client: string): number {
    const blocked = this.keys(name, client)
      .map(([key, max]) => [this.recent(key), max] as const)
      .filter(([l, max]) => l.length >= max)
      .map(([l, max]) => l[l.length - max]! + WINDOW_MS - this.now());
    return blocked.length ? Math.ceil(Math.max(...blocked) / 60_000) : 0;
  }

  fail(name: string, client: string): void {
    for (const [key] of this.keys(name, client)) this.failures.set(key, [...this.recent(key), this.now()]);
    // Every invented name leaves keys behind; past a bound, the ones whose window has passed go.
    if (this.failures.size > MAX_KEYS) for (const key of [...this.failures.keys()]) this.recent(key);
    if (this.windows.size > MAX_KEYS)
      for (const [key, w] of this.windows) if (this.now() - w.startedAt >= WINDOW_MS) this.windows.delete(key);
  }

  succeed(name: string, client: string): void {
    for (const [key] of this.keys(name, client)) this.failures.delete(key);
  }

  /**
   * One audit entry per window for a stream of like events (refusals while limited, failures with
   * names that are no user): the first event of a window is written, with how many were left
   * unwritten in the window before; the rest are only counted. 300 refused sign-ins wrote 300
   * permanent rows; now they write one per 15 minutes.
   */
  auditWindow(key: string): { write: true; unwrittenBefore: number } | { write: false } {
    const w = this.windows.get(key);
    const at = this.now();
    if (w && at - w.startedAt < WINDOW_MS) {
      w.suppressed++;
      return { write: false };
    }
    this.windows.set(key, { startedAt: at, suppressed: 0 });
    return { write: true, unwrittenBefore: w?.suppressed ?? 0 };
  }
}
