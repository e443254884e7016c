/**
 * Every message of the interface, per feature: each feature keeps its own file of Chinese and
 * English strings (keys prefixed with the feature), merged here. The compiler checks that every key
 * exists in both languages.
 */
import { commonMessages } from './common-messages.ts';
import { auditMessages } from '../features/audit/messages.ts';
import { authMessages } from '../features/auth/messages.ts';
import { briefingsMessages } from '../features/briefings/messages.ts';
import { dashboardMessages } from '../features/dashboard/messages.ts';
import { dataMessages } from '../features/data/messages.ts';
import { enforcementMessages } from '../features/enforcement/messages.ts';
import { enterprisesMessages } from '../features/enterprises/messages.ts';
import { figuresMessages } from '../features/figures/messages.ts';
import { peopleMessages } from '../features/people/messages.ts';
import { settingsMessages } from '../features/settings/messages.ts';
import { keyAreaWhatIfMessages } from '../features/settings/key-area-whatif-messages.ts';
import { signoffMessages } from '../features/signoff/messages.ts';

export const zh = {
  ...commonMessages.zh,
  ...auditMessages.zh,
  ...authMessages.zh,
  ...briefingsMessages.zh,
  ...dashboardMessages.zh,
  ...dataMessages.zh,
  ...enforcementMessages.zh,
  ...enterprisesMessages.zh,
  ...figuresMessages.zh,
  ...peopleMessages.zh,
  ...settingsMessages.zh,
  ...keyAreaWhatIfMessages.zh,
  ...signoffMessages.zh,
};

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = {
  ...commonMessages.en,
  ...auditMessages.en,
  ...authMessages.en,
  ...briefingsMessages.en,
  ...dashboardMessages.en,
  ...dataMessages.en,
  ...enforcementMessages.en,
  ...enterprisesMessages.en,
  ...figuresMessages.en,
  ...peopleMessages.en,
  ...settingsMessages.en,
  ...keyAreaWhatIfMessages.en,
  ...signoffMessages.en,
};
