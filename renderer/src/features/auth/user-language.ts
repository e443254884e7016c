/**
 * The language kept per user: while someone is signed in the console shows their language (the
 * session says it, at sign-in, at a reload and at every touch, so a choice made on another machine
 * arrives too), and the language switch keeps a new choice with their account (auth.setLanguage).
 * Signed out, the switch and the sign-in screen use this machine's last language.
 */
import { useEffect, useRef } from 'react';
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** `onSaved`: the session as the server answers after the choice was kept (its `language` is the new one). */
export function useUserLanguage(session: SessionInfo | null, onSaved: (session: SessionInfo) => void): void {
  const { showLang, keepChoicesWith } = useI18n();
  const language = session?.language ?? null;
  const signedIn = session !== null;

  useEffect(() => {
    if (language !== null) showLang(language);
  }, [language, showLang]);

  const saved = useRef(onSaved);
  useEffect(() => {
    saved.current = onSaved;
  }, [onSaved]);

  useEffect(() => {
    if (!signedIn) return;
    return keepChoicesWith((lang) =>
      api('auth.setLanguage', { language: lang }).then(
        (answer) => saved.current(answer),
        // The language shows all the same; a session that has ended is reported by the client.
        () => undefined,
      ),
    );
  }, [signedIn, keepChoicesWith]);
}
