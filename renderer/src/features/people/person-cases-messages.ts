import { defineMessages } from '../../i18n/define-messages.ts';

/** The cases card of a person's page (keys 'people.cases.'). */
export const personCasesMessages = defineMessages(
  {
    'people.cases.title': '执法案件',
    'people.cases.none': '此人没有案件。',
    'people.cases.report': '举报疑似',
    'people.cases.reported': '已立案：',
    'people.cases.opened': '立案时间',
  },
  {
    'people.cases.title': 'Cases',
    'people.cases.none': 'No cases about this person.',
    'people.cases.report': 'Report a suspicion',
    'people.cases.reported': 'Case opened:',
    'people.cases.opened': 'Opened',
  },
);
