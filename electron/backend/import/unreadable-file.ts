import type { FileProblem } from '../../../shared/domain/feeds/header-mapping.ts';

/** A file that cannot be read at all: rejected whole, nothing of it stored. */
export class UnreadableFileError extends Error {
  readonly problem: FileProblem;
  constructor(problem: FileProblem) {
    super(problem.en);
    this.name = 'UnreadableFileError';
    this.problem = problem;
  }
}

export function unreadable(code: FileProblem['code'], en: string, zh: string): UnreadableFileError {
  return new UnreadableFileError({ code, en, zh });
}
