/**
 * Unmasking is for one person at a time (a phone to call, an ID to check), so a user's unmaskings
 * are limited: at most UNMASK_LIMIT in any UNMASK_WINDOW_MS. Beyond that they are refused until the
 * oldest leaves the window, and the first refusal of a window is flagged (the caller audits it), so
 * someone paging through people to copy their numbers is stopped and seen. Kept in memory on the
 * wall clock, like the sign-in limits.
 */
export const UNMASK_LIMIT = 30;
export const UNMASK_WINDOW_MS = 10 * 60_000;

export type UnmaskTake = { ok: true } | { ok: false; retryInMinutes: number; flag: boolean };

export class UnmaskLimiter {
  private readonly recent = new Map<string, number[]>();
  private readonly flaggedAt = new Map<string, number>();
  private readonly now: () => number;
  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Counts one unmasking for `user`, or refuses it; `flag` on the first refusal in a window. */
  take(user: string): UnmaskTake {
    const key = user.toLowerCase();
    const now = this.now();
    const list = (this.recent.get(key) ?? []).filter((t) => t > now - UNMASK_WINDOW_MS);
    if (list.length < UNMASK_LIMIT) {
      this.recent.set(key, [...list, now]);
      return { ok: true };
    }
    this.recent.set(key, list);
    const last = this.flaggedAt.get(key);
    const flag = last === undefined || last <= now - UNMASK_WINDOW_MS;
    if (flag) this.flaggedAt.set(key, now);
    return { ok: false, retryInMinutes: Math.max(1, Math.ceil((list[0]! + UNMASK_WINDOW_MS - now) / 60_000)), flag };
  }
}
