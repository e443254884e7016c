/**
 * Inactivity timeout of a session, as plain logic over a clock the caller passes in (so it is tested
 * without timers). The interface signs out after `timeoutMinutes` without mouse or keyboard activity
 * and keeps the server's session alive with `auth.touch`, at most once per `touchIntervalMs`.
 *
 * Activity that arrives after the timeout has passed (a laptop waking from sleep, a timer that ran
 * late) does not revive the session: the check is against the wall clock, not the timer.
 */
export const TOUCH_INTERVAL_MS = 60_000;
/** How long before the sign-out the interface warns. */
export const WARNING_MS = 60_000;

export type ActivityOutcome = 'touch' | 'expired' | 'none';

export interface IdleCheck {
  expired: boolean;
  /** Milliseconds left (Infinity when the timeout is off). */
  remainingMs: number;
  /** Within the warning period before the sign-out. */
  warn: boolean;
}

export class IdleTracker {
  readonly timeoutMs: number;
  readonly touchIntervalMs: number;
  private lastActivity: number;
  private lastTouch: number;
  private isExpired = false;

  /**
   * A timeout of 0 minutes or less (or not a number) switches the timeout off. The server ends a
   * session as the same timeout passes without a call, so with a timeout shorter than two touch
   * intervals an active user touches every half timeout instead (else the touch would come too late).
   */
  constructor(timeoutMinutes: number, now: number, touchIntervalMs = TOUCH_INTERVAL_MS) {
    this.timeoutMs = Number.isFinite(timeoutMinutes) && timeoutMinutes > 0 ? timeoutMinutes * 60_000 : Infinity;
    this.touchIntervalMs = Math.min(touchIntervalMs, this.timeoutMs / 2);
    // Signing in (or the last touch) counts as activity and as a touch.
    this.lastActivity = now;
    this.lastTouch = now;
  }

  /** The user did something: tells whether to touch the server's session now, or that it is too late. */
  activity(now: number): ActivityOutcome {
    if (this.check(now).expired) return 'expired';
    this.lastActivity = Math.max(this.lastActivity, now);
    if (now - this.lastTouch >= this.touchIntervalMs) {
      this.lastTouch = now;
      return 'touch';
    }
    return 'none';
  }

  /** Called on a timer: whether the session has run out, and whether to warn. */
  check(now: number): IdleCheck {
    if (this.isExpired) return { expired: true, remainingMs: 0, warn: false };
    const remainingMs = this.timeoutMs - (now - this.lastActivity);
    if (remainingMs <= 0) {
      this.isExpired = true;
      return { expired: true, remainingMs: 0, warn: false };
    }
    return { expired: false, remainingMs, warn: remainingMs <= WARNING_MS };
  }
}
