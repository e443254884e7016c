/**
 * The queue's filters in words, for an export's subtitle and its audit entry. A typed search names
 * a person, so it is said masked, as the person would show in the list.
 */
import { CASE_STATE_NAMES, behaviorName } from '../../../shared/domain/cases.ts';
import { countyName } from '../../../shared/domain/counties.ts';
import { maskName, maskPersonId, maskPhone } from '../../../shared/domain/masking.ts';
import type { CaseQuery, CaseSearch } from './case-list.ts';

/** The search as it may be written down: the ID, phone or name masked. */
export function searchForAudit(s: CaseSearch): string {
  switch (s.kind) {
    case 'id':
      return `id:${maskPersonId(s.personId)}`;
    case 'phone':
      return `phone:${maskPhone(s.phone)}`;
    case 'name':
      return `name:${maskName(s.name)}`;
    case 'case':
      return `case:${s.id}`;
    case 'id_incomplete':
      return 'id_incomplete';
  }
}

function searchWords(s: CaseSearch): string {
  switch (s.kind) {
    case 'id':
      return `身份证号 ${maskPersonId(s.personId)}`;
    case 'phone':
      return `手机号 ${maskPhone(s.phone)}`;
    case 'name':
      return `姓名 ${maskName(s.name)}`;
    case 'case':
      return `案件编号 ${s.id}`;
    case 'id_incomplete':
      return '不完整的身份证号（无结果）';
  }
}

export function caseFilterWords(q: CaseQuery): string[] {
  return [
    q.state ? `状态：${CASE_STATE_NAMES[q.state].zh}` : null,
    q.behavior ? `行为：${behaviorName(q.behavior)}` : null,
    q.county ? `县（市、区）：${countyName(q.county)}` : null,
    q.search ? `查询：${searchWords(q.search)}` : null,
    `排序：${q.sort === 'oldest' ? '最早立案在前' : '最新立案在前'}`,
  ].filter((w): w is string => w !== null);
}
