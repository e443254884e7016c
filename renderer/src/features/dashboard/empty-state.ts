/**
 * What an empty dashboard (no data at all) tells the user: the next step their role can take. Only
 * those who may sync or import are sent to the Data screen; an administrator of a database without
 * residents is offered the demo city instead (data.loadDemo needs 'settings.manage').
 */
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { dataActions } from '../data/data-actions.ts';

export interface EmptyDashboard {
  text: MessageKey;
  offerDemo: boolean;
}

/** Whether to ask the console how many residents it holds (only an offer of the demo city needs it). */
export function mayOfferDemo(session: Pick<SessionInfo, 'user' | 'permissions'>): boolean {
  return session.permissions.includes('settings.manage') && !session.user.county;
}

/** `residents`: the residents the database holds, null while not known (or not asked). */
export function emptyDashboard(session: Pick<SessionInfo, 'user' | 'permissions'>, residents: number | null): EmptyDashboard {
  const may = dataActions(session);
  const offerDemo = mayOfferDemo(session) && residents === 0;
  if (may.sync || may.import) return { text: 'dashboard.noData', offerDemo };
  if (offerDemo) return { text: 'dashboard.noData.demo', offerDemo };
  return { text: 'dashboard.noData.wait', offerDemo };
}
