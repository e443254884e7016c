/**
 * Which figures the dashboard shows while a job writes (issue 16: "sync in progress" instead of
 * zeros). A first sync has dated records long before its colours are evaluated, and an evaluation
 * rewrites the sums county by county, so an answer asked mid-job may be zeros or half old, half new.
 * Pure, so the choice is tested without a page.
 */
import type { DashboardSummary } from '../../../../shared/contract/dashboard.ts';

/** The last answer asked while no job wrote, for the question it answered. */
export interface CompleteFigures {
  question: string;
  summary: DashboardSummary;
}

/**
 * The summary to show: an answer of a moment no job wrote as it is; mid-job the last complete
 * figures of the same question; failing those, an answer whose sums the job has not touched yet
 * (it is still reading files, and the database had figures before); otherwise none (placeholders
 * under the banner, never zeros).
 */
export function figuresToShow(
  answer: DashboardSummary | null,
  question: string,
  complete: CompleteFigures | null,
): DashboardSummary | null {
  if (answer === null || answer.sync === null) return answer;
  if (complete !== null && complete.question === question) return complete.summary;
  if (answer.sync.phase === 'reading' && answer.sync.figures) return answer;
  return null;
}
