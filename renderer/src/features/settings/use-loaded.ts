import { type Answer, useAnswer } from '../../api/use-answer.ts';

export interface Loaded<T> extends Answer<T> {
  reload(): void;
}

/** Loads once on mount (and on reload); `load` must be stable (a module-level function). */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const answer = useAnswer(load);
  return { ...answer, reload: answer.retry };
}
