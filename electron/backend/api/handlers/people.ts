/** Handlers of the People screen, scoped to the user's county when they have one (api/county-scope). */
import type { PersonDetail, PersonSummary } from '../../../../shared/contract/people.ts';
import type { Day } from '../../../../shared/domain/local-date.ts';
import { can } from '../../../../shared/domain/roles.ts';
import { audit } from '../../audit/audit-log.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import { personInCounty } from '../../people/person-county.ts';
import { auditTargetOf, findPeople, identity, personDetail, summarize } from '../../people/people-service.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { countyScope, refOf, resolvePerson } from '../county-scope.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';
import { takeUnmasking } from '../unmask-allowance.ts';
import { maskIdentifiers, maskPersonId } from '../../../../shared/domain/masking.ts';
import ExcelJS from 'exceljs';
import type { ExportResult } from '../../../../shared/contract/data.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { colourZh } from '../../../../shared/words/domain-words.ts';
import { formatInstant } from '../../../../shared/domain/local-date.ts';
import { BriefingSheet } from '../../files/sheet-style.ts';
import { writeAtomically } from '../../files/write-atomically.ts';
import { exportResult, exportTarget } from '../export-target.ts';

function defaultDay(ctx: CallContext): Day {
  return defaultAsOfDay(ctx.services.db, ctx.services.now);
}

export function peopleSearch(ctx: CallContext, p: ValidParams<'people.search'>): PersonSummary[] {
  const { query, limit } = p;
  const asOf = defaultDay(ctx);
  const db = ctx.services.db;
  // The scope check's own county (not the one shown for the date), so every result can be opened.
  const scope = countyScope(ctx);
  return findPeople(db, query, limit * (scope ? 4 : 1))
    .filter((who) => personInCounty(db, who.person_id, scope))
    .slice(0, limit)
    .map((who) => summarize(db, who, asOf, refOf(ctx, who.person_id)));
}

export function peopleGet(ctx: CallContext, p: ValidParams<'people.get'>): PersonDetail {
  const asOf = p.asOf ?? defaultDay(ctx);
  const { ref } = p;
  const id = resolvePerson(ctx, ref);
  const detail = personDetail(ctx.services.db, id, asOf, ref, can(sessionOf(ctx).user.role, 'people.unmask'));
  if (!detail) throw ApiFailure.because('not_found', { code: 'people.notInAnyFeed' });
  return detail;
}

export function peopleUnmask(ctx: CallContext, p: ValidParams<'people.unmask'>): { value: string } {
  const { field } = p;
  const id = resolvePerson(ctx, p.ref);
  const db = ctx.services.db;
  const value = field === 'id' ? id : identity(db, id).phone;
  if (!value) throw ApiFailure.because('not_found', { code: 'people.noPhone' });
  takeUnmasking(ctx, 'people.unmask');
  // Every unmasking is recorded: who saw whose ID or phone, when. The person by keyed hash only.
  audit(db, {
    user: sessionOf(ctx).user.name,
    action: 'people.unmask',
    target: auditTargetOf(db, id),
    details: { field, masked: maskPersonId(id) },
    at: ctx.services.now(),
  });
  return { value };
}

/** The search's results as Excel, masked as on the screen; recorded with the query (identifiers in it masked). */
export async function peopleExportSearch(ctx: CallContext, p: ValidParams<'people.exportSearch'>): Promise<ExportResult> {
  const found = peopleSearch(ctx, { query: p.query, limit: p.limit });
  const wb = new ExcelJS.Workbook();
  wb.creator = sessionOf(ctx).user.name;
  const sheet = new BriefingSheet(wb, {
    name: '人员查询',
    title: '滨州市健康码指挥中心\u3000人员查询结果',
    subtitle: [`查询：${maskIdentifiers(p.query)}\u3000共 ${found.length} 人\u3000身份证号、手机号、姓名已脱敏`],
    columns: [
      { header: '身份证号', min: 22 },
      { header: '姓名', min: 10 },
      { header: '手机号', min: 14 },
      { header: '县（市、区）', min: 12 },
      { header: '码色' },
    ],
  });
  sheet.addRows(
    found.map((r) => [r.idMasked, r.nameMasked ?? '', r.phoneMasked ?? '', r.county ? countyName(r.county) : '', colourZh(r.color)]),
  );
  if (found.length === 0) sheet.addNote('没有找到符合条件的人员。');
  sheet.finish();
  const fileName = `人员查询-${formatInstant(ctx.services.now()).slice(0, 10)}.xlsx`;
  const target = exportTarget(ctx, p, fileName);
  await writeAtomically(target.path, (partial) => wb.xlsx.writeFile(partial));
  audit(ctx.services.db, {
    user: sessionOf(ctx).user.name,
    action: 'people.exportSearch',
    details: { query: maskIdentifiers(p.query), rows: found.length },
    at: ctx.services.now(),
  });
  return exportResult(ctx, target, fileName, found.length);
}
