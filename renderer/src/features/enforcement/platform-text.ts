/**
 * How the case page says what the health-code platform has been told: each outcome, and delivered
 * (when, where) or waiting to be sent. Pure: the translator and the time format are passed in.
 */
import type { PlatformDelivery } from '../../../../shared/contract/enforcement.ts';
import type { Translate } from '../../../../shared/words/translate.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export interface PlatformLine {
  action: string;
  effective: string;
  delivered: boolean;
  /** "delivered to the platform at …" or "waiting to be sent". */
  status: string;
  /** Where it went, or what happens next while it waits. */
  detail: string | null;
}

export function platformLine(t: Translate<MessageKey>, formatTime: (ms: number) => string, p: PlatformDelivery): PlatformLine {
  const common = {
    action: t(`enforcement.platform.action.${p.action}`),
    effective: t('enforcement.platform.effective', { at: formatTime(p.effectiveAt) }),
  };
  if (p.deliveredAt === null) {
    return { ...common, delivered: false, status: t('enforcement.platform.waiting'), detail: t('enforcement.platform.waitingHint') };
  }
  return {
    ...common,
    delivered: true,
    status: t('enforcement.platform.delivered', { at: formatTime(p.deliveredAt) }),
    detail: p.deliveredTo ? t('enforcement.platform.deliveredTo', { to: p.deliveredTo }) : null,
  };
}
