import { useEffect, useState } from 'react';
import type { DashboardSummary } from '../../../../shared/contract/dashboard.ts';
import { type CompleteFigures, figuresToShow } from './sync-figures.ts';
import { type SyncBanner, useSyncBanner } from './use-sync-banner.ts';

export interface SyncFigures {
  /** The figures to show (null: placeholders, never a page of half-written zeros). */
  summary: DashboardSummary | null;
  /** Shown while a job writes. */
  banner: SyncBanner | null;
  /** A job writes and figures are shown: they are from before it. */
  kept: boolean;
}

/** The dashboard's answer seen through a running job: the banner, and the last complete figures kept (sync-figures.ts). */
export function useSyncFigures(answer: DashboardSummary | null, question: string, reask: () => void): SyncFigures {
  const [complete, setComplete] = useState<CompleteFigures | null>(null);
  useEffect(() => {
    if (answer !== null && answer.sync === null) setComplete({ question, summary: answer });
  }, [answer, question]);
  const summary = figuresToShow(answer, question, complete);
  const banner = useSyncBanner(answer, reask);
  // Figures shown mid-job are from before it: kept, or ones it has not touched yet (figuresToShow).
  return { summary, banner, kept: banner !== null && summary !== null };
}
