/**
 * Signed-in sessions, kept in memory: a random token per session (an HttpOnly cookie in the
 * browser, bound to the window in Electron), ended by sign-out or by inactivity. A restart signs
 * everyone out, which is what an officer expects of a desktop console.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles.ts';

export interface Session {
  token: string;
  user: { name: string; role: Role; county: string | null };
  createdAt: number;
  lastActiveAt: number;
  /** The password was chosen by an administrator: nothing but choosing one's own until it is done. */
  mustChangePassword: boolean;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly idleTimeoutMs: () => number;
  private readonly now: () => number;
  constructor(idleTimeoutMs: () => number, now: () => number = Date.now) {
    this.idleTimeoutMs = idleTimeoutMs;
    this.now = now;
  }

  create(user: Session['user'], mustChangePassword = false): Session {
    const token = randomBytes(32).toString('base64url');
    const at = this.now();
    const s: Session = { token, user, createdAt: at, lastActiveAt: at, mustChangePassword };
    this.sessions.set(token, s);
    return s;
  }

  /** The live session for a token, or null (unknown or idle too long: then it is ended). */
  get(token: string | null | undefined): Session | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (this.now() - s.lastActiveAt > this.idleTimeoutMs()) {
      this.sessions.delete(token);
      return null;
    }
    return s;
  }

  touch(s: Session): void {
    s.lastActiveAt = this.now();
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** A user disabled or changed: their sessions end at once (all but `keep`, the caller's own, if given). */
  endUser(name: string, keep?: Session): void {
    for (const [token, s] of this.sessions) if (s.user.name.toLowerCase() === name.toLowerCase() && s !== keep) this.sessions.delete(token);
  }
}
