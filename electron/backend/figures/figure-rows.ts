/**
 * A figure's people as they leave the backend: masked identities (or, for an export by a role
 * that may unmask, the full ones), each with their colour, since-date and the reason it began.
 */
import type { FigurePerson } from '../../../shared/contract/figures.ts';
import { countyName } from '../../../shared/domain/counties.ts';
import { formatDay } from '../../../shared/domain/local-date.ts';
import { maskName, maskPersonId, maskPhone } from '../../../shared/domain/masking.ts';
import { changeReason } from '../../../shared/domain/rules/reason-words.ts';
import type { CellValue } from '../files/sheet-style.ts';
import { excelDay } from '../files/sheet-style.ts';
import type { Db } from '../db/database.ts';
import type { FigureMatch } from './figure-match.ts';
import { colourZh } from '../../../shared/words/domain-words.ts';

export type Identities = (personId: string) => { name: string | null; phone: string | null };

export function identities(db: Db): Identities {
  const who = db.prepare('SELECT name, phone FROM residents WHERE person_id = ?');
  return (personId) => (who.get(personId) as { name: string | null; phone: string | null } | undefined) ?? { name: null, phone: null };
}

export function figurePerson(m: FigureMatch, who: Identities, ref: string): FigurePerson {
  const w = who(m.personId);
  return {
    ref,
    idMasked: maskPersonId(m.personId),
    nameMasked: w.name ? maskName(w.name) : null,
    phoneMasked: w.phone ? maskPhone(w.phone) : null,
    county: m.county,
    color: m.color,
    from: m.from,
    since: m.since === null ? null : formatDay(m.since),
    cause: m.cause,
    reasonSource: m.source,
    reasonCondition: m.condition,
  };
}

export const FIGURE_COLUMNS = [
  { header: '序号', min: 8 },
  { header: '身份证号', min: 22 },
  { header: '姓名', min: 10 },
  { header: '手机号', min: 14 },
  { header: '所在县区', min: 12 },
  { header: '当日码色', min: 10 },
  { header: '此前码色', min: 10 },
  { header: '起始日期', fmt: 'yyyy-mm-dd', min: 12 },
  { header: '原因', min: 36 },
];

/** One row of the export, in the columns above; `full` leaves identities unmasked. */
export function figureCells(i: number, m: FigureMatch, who: Identities, full: boolean): CellValue[] {
  const w = who(m.personId);
  const reason = m.cause === null ? '' : changeReason('zh', m.cause, m.source, m.condition);
  return [
    i,
    full ? m.personId : maskPersonId(m.personId),
    w.name ? (full ? w.name : maskName(w.name)) : '',
    w.phone ? (full ? w.phone : maskPhone(w.phone)) : '',
    m.county ? countyName(m.county) : '未知',
    colourZh(m.color),
    m.from === null ? '' : colourZh(m.from),
    m.since === null ? null : excelDay(m.since),
    reason,
  ];
}
