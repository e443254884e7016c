import { defineMessages } from '../../i18n/define-messages.ts';

/**
 * The case page's account of what the health-code platform has been told (EXCHANGE.md, outbound;
 * keys 'enforcement.platform.').
 */
export const platformMessages = defineMessages(
  {
    'enforcement.platform.title': '健康码平台',
    'enforcement.platform.intro': '处罚决定、撤销决定和期满结案都会经数据交换平台通知健康码平台，每项只发送一次。',
    'enforcement.platform.action.force_red': '转为红码',
    'enforcement.platform.action.void': '强制红码作废',
    'enforcement.platform.action.end': '强制红码结束',
    'enforcement.platform.effective': '{at} 起',
    'enforcement.platform.delivered': '平台已接收：{at}',
    'enforcement.platform.deliveredTo': '发送至 {to}',
    'enforcement.platform.waiting': '待发送',
    'enforcement.platform.waitingHint': '交换库或交换目录可以连接时自动发送。',
  },
  {
    'enforcement.platform.title': 'Health-code platform',
    'enforcement.platform.intro':
      'Each decision, revocation and served term is sent to the health-code platform through the data exchange, once.',
    'enforcement.platform.action.force_red': 'Code forced red',
    'enforcement.platform.action.void': 'Forced red voided',
    'enforcement.platform.action.end': 'Forced red ended',
    'enforcement.platform.effective': 'from {at}',
    'enforcement.platform.delivered': 'delivered to the platform at {at}',
    'enforcement.platform.deliveredTo': 'sent to {to}',
    'enforcement.platform.waiting': 'waiting to be sent',
    'enforcement.platform.waitingHint': 'It goes as soon as the exchange database or directory can be reached.',
  },
);
