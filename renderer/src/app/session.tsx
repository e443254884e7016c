/**
 * The auth gate's state (first start, sign-in, the demo offer, the console) and the guards of a
 * signed-in session: the inactivity timeout, the keep-alive touch, and the server saying the session
 * has ended (an event, or any API answer 'unauthenticated', which the API client reports).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleEvent, SessionInfo } from '../../../shared/contract/api.ts';
import { api, useConsoleEvents } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import type { SignInNotice } from '../features/auth/sign-in-screen.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { onSessionEnded } from '../api/session-ended.ts';
import { IdleTracker } from './idle-timeout.ts';

export type GateState =
  | { phase: 'loading' }
  | { phase: 'error'; error: unknown }
  | { phase: 'setup'; emptyDatabase: boolean; setupCodeRequired: boolean }
  | { phase: 'signin'; notice: SignInNotice }
  /** Signed in with a password an administrator set: the user chooses their own first. */
  | { phase: 'changePassword'; session: SessionInfo }
  | { phase: 'demo'; session: SessionInfo }
  | { phase: 'ready'; session: SessionInfo };

export interface AuthGate {
  state: GateState;
  reload(): void;
  setUp(session: SessionInfo): void;
  signedIn(session: SessionInfo): void;
  passwordChanged(session: SessionInfo): void;
  demoDone(): void;
  /** Signs out on the server (unless it already ended the session) and shows the sign-in screen. */
  signOut(notice: SignInNotice): void;
  sessionRefreshed(session: SessionInfo): void;
}

export function useAuthGate(): AuthGate {
  const [state, setState] = useState<GateState>({ phase: 'loading' });
  const emptyDatabase = useRef(false);

  // Asked when the page opens and on "retry"; the answer decides the first screen.
  const status = useApi('auth.status', {}, [], {
    onAnswer(answer) {
      emptyDatabase.current = answer.emptyDatabase;
      if (answer.setupRequired)
        setState({ phase: 'setup', emptyDatabase: answer.emptyDatabase, setupCodeRequired: answer.setupCodeRequired });
      else if (answer.session)
        setState(
          answer.session.mustChangePassword
            ? { phase: 'changePassword', session: answer.session }
            : { phase: 'ready', session: answer.session },
        );
      else setState({ phase: 'signin', notice: null });
    },
    onFailure: (error) => setState({ phase: 'error', error }),
  });
  const askAgain = status.reload;
  const reload = useCallback(() => {
    setState({ phase: 'loading' });
    askAgain();
  }, [askAgain]);

  const setUp = useCallback((session: SessionInfo) => {
    // Loading the demo city needs 'settings.manage', which the first administrator has.
    const offerDemo = emptyDatabase.current && session.permissions.includes('settings.manage');
    setState(offerDemo ? { phase: 'demo', session } : { phase: 'ready', session });
  }, []);

  const signedIn = useCallback(
    (session: SessionInfo) => setState(session.mustChangePassword ? { phase: 'changePassword', session } : { phase: 'ready', session }),
    [],
  );

  const passwordChanged = useCallback((session: SessionInfo) => setState({ phase: 'ready', session }), []);

  const demoDone = useCallback(() => setState((s) => (s.phase === 'demo' ? { phase: 'ready', session: s.session } : s)), []);

  const signOut = useCallback((notice: SignInNotice) => {
    // Once the server has ended the session there is nothing to sign out of.
    if (notice?.kind !== 'expired') api('auth.signOut', {}).catch(() => undefined);
    setState((s) => (s.phase === 'ready' || s.phase === 'demo' || s.phase === 'changePassword' ? { phase: 'signin', notice } : s));
  }, []);

  // A touch answers with the session as the server sees it now; a new object only when it changed,
  // so that screens keyed on the session do not reload every minute.
  const sessionRefreshed = useCallback(
    (session: SessionInfo) =>
      setState((s) => (s.phase === 'ready' && JSON.stringify(s.session) !== JSON.stringify(session) ? { phase: 'ready', session } : s)),
    [],
  );

  return { state, reload, setUp, signedIn, passwordChanged, demoDone, signOut, sessionRefreshed };
}

/**
 * Mounted while a user is signed in: watches activity (signs out after the idle timeout, touches the
 * server's session at most once a minute while active) and the server's word that the session
 * ended. Renders the warning shown in the last minute before an idle sign-out.
 */
export function SessionGuard({
  idleTimeoutMinutes,
  onSignOut,
  onRefreshed,
}: {
  idleTimeoutMinutes: number;
  onSignOut: (notice: SignInNotice) => void;
  onRefreshed: (session: SessionInfo) => void;
}) {
  const { t } = useI18n();
  const [warnSeconds, setWarnSeconds] = useState<number | null>(null);
  const callbacks = useRef({ onSignOut, onRefreshed });
  useEffect(() => {
    callbacks.current = { onSignOut, onRefreshed };
  }, [onSignOut, onRefreshed]);

  // The event stream of an earlier session (signed out, then in again) can still report its own end:
  // ask the server whether the current session is the one that ended before leaving it.
  const onEvent = useCallback((e: ConsoleEvent) => {
    if (e.type !== 'session-expired') return;
    // An 'unauthenticated' answer ends the session through the client (onSessionEnded below).
    api('auth.touch', {}).then(
      (session) => callbacks.current.onRefreshed(session),
      () => undefined,
    );
  }, []);
  useConsoleEvents(onEvent);

  useEffect(() => onSessionEnded(() => callbacks.current.onSignOut({ kind: 'expired' })), []);

  useEffect(() => {
    const tracker = new IdleTracker(idleTimeoutMinutes, Date.now());
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      callbacks.current.onSignOut({ kind: 'idle', minutes: idleTimeoutMinutes });
    };
    const onActivity = () => {
      const outcome = tracker.activity(Date.now());
      if (outcome === 'expired') end();
      else if (outcome === 'touch') {
        api('auth.touch', {}).then(
          (session) => {
            if (!ended) callbacks.current.onRefreshed(session);
          },
          // 'unauthenticated': the client has already reported the session's end.
          () => undefined,
        );
      }
      setWarnSeconds(null);
    };
    const tick = () => {
      const check = tracker.check(Date.now());
      if (check.expired) end();
      else setWarnSeconds(check.warn ? Math.ceil(check.remainingMs / 1000) : null);
    };
    const events = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'pointerdown'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(tick, 1000);
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [idleTimeoutMinutes]);

  if (warnSeconds === null) return null;
  return (
    <div className="idle-warning" role="alert" data-testid="idle-warning">
      {t('shell.idleWarning', { seconds: warnSeconds })}
    </div>
  );
}
