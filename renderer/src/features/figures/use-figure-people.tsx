/**
 * Opening the list behind a figure from any screen: `open(query)` shows the dialog; `dialog` is
 * the element to render (null while closed). One dialog at a time.
 */
import { type ReactNode, useCallback, useState } from 'react';
import type { FigureQuery, SessionInfo } from '../../../../shared/contract/api.ts';
import { FigurePeopleDialog } from './figure-people-dialog.tsx';

export function useFigurePeople(session: SessionInfo): { open: (q: FigureQuery) => void; dialog: ReactNode } {
  const [query, setQuery] = useState<FigureQuery | null>(null);
  const open = useCallback((q: FigureQuery) => setQuery(q), []);
  const dialog = query ? <FigurePeopleDialog query={query} session={session} onClose={() => setQuery(null)} /> : null;
  return { open, dialog };
}
