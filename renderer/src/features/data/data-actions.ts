/**
 * What the Data screen offers a user. Syncs, imports and rejected rows concern the whole city's
 * files, so a county-scoped account (whom the console refuses them) is not offered them at all:
 * it sees the feeds and the sync history, and a note that data management is city-wide.
 */
import type { SessionInfo } from '../../../../shared/contract/api.ts';

export interface DataActions {
  /** Sync now, and Cancel of a running job. */
  sync: boolean;
  /** The drop zone of a department's file. */
  import: boolean;
  /** The rejected rows (list, and the buttons that open it). */
  rejects: boolean;
  exportRejects: boolean;
  /** Data management is city-wide and this account is a county's. */
  countyScoped: boolean;
}

export function dataActions(session: Pick<SessionInfo, 'user' | 'permissions'>): DataActions {
  const cityWide = !session.user.county;
  const may = (p: SessionInfo['permissions'][number]) => cityWide && session.permissions.includes(p);
  return {
    sync: may('data.sync'),
    import: may('data.import'),
    rejects: may('data.view'),
    exportRejects: may('rejects.export'),
    countyScoped: !cityWide,
  };
}
