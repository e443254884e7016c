/** The map's source credit in the user's language (the console names the source by a key). */
import type { MapCredit } from '../../../../shared/contract/api.ts';
import type { MessageKey } from '../../i18n/messages.ts';

const CREDITS: Record<MapCredit, MessageKey> = { datav: 'dashboard.map.source.datav' };

export function mapCreditText(t: (key: MessageKey) => string, credit: MapCredit): string {
  // A source this version does not know yet still gets a credit, if only its name.
  return Object.hasOwn(CREDITS, credit) ? t(CREDITS[credit]) : String(credit);
}
