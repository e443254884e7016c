/**
 * Handlers of the lists behind figures (issue 16): any signed-in role that sees the dashboard sees
 * the people behind its numbers, masked, for its own county when it has one. An export is masked
 * too, unless a role that may unmask asks for the full identities (one unmasking of its allowance);
 * both are recorded in the audit log with the figure, day, county and rows.
 */
import type { ValidParams } from '../../../../shared/contract/api.ts';
import type { ExportResult } from '../../../../shared/contract/data.ts';
import type { FigurePeoplePage } from '../../../../shared/contract/figures.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { formatDay, formatInstant } from '../../../../shared/domain/local-date.ts';
import { can } from '../../../../shared/domain/roles.ts';
import { audit } from '../../audit/audit-log.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { writeAtomically } from '../../files/write-atomically.ts';
import { writeListWorkbook } from '../../files/list-workbook.ts';
import { figureCount } from '../../figures/figure-count.ts';
import type { FigureSpec } from '../../figures/figure-match.ts';
import { figurePage, firstMatches } from '../../figures/figure-people.ts';
import { FIGURE_COLUMNS, figureCells, figurePerson, identities } from '../../figures/figure-rows.ts';
import { figureTitle } from '../../figures/figure-title.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { refOf, scopedCounty } from '../county-scope.ts';
import { exportResult, exportTarget } from '../export-target.ts';
import { takeUnmasking } from '../unmask-allowance.ts';

/** An export holds at most this many people (Excel's sheet holds 1,048,576 rows; 200,000 take about 15 s here). */
export const FIGURE_EXPORT_ROWS = 200_000;

type Filters = ValidParams<'figures.people'> | ValidParams<'figures.export'>;

function specOf(ctx: CallContext, p: Filters): FigureSpec {
  if (p.figure === 'transition' && (p.from === undefined || p.to === undefined))
    throw ApiFailure.because('bad_request', { code: 'figures.transitionColours' });
  return {
    figure: p.figure,
    from: p.figure === 'transition' ? p.from! : null,
    to: p.figure === 'transition' ? p.to! : null,
    day: p.asOf ?? defaultAsOfDay(ctx.services.db, ctx.services.now),
    county: scopedCounty(ctx, p.county),
  };
}

export function people(ctx: CallContext, p: ValidParams<'figures.people'>): FigurePeoplePage {
  const db = ctx.services.db;
  const spec = specOf(ctx, p);
  const who = identities(db);
  const rows = figurePage(db, spec, p.sort, p.offset, p.limit).map((m) => figurePerson(m, who, refOf(ctx, m.personId)));
  return {
    asOf: formatDay(spec.day),
    county: spec.county,
    figure: spec.figure,
    from: spec.from,
    to: spec.to,
    sort: p.sort,
    total: figureCount(db, spec),
    offset: p.offset,
    rows,
  };
}

export async function exportPeople(ctx: CallContext, p: ValidParams<'figures.export'>): Promise<ExportResult> {
  const db = ctx.services.db;
  const spec = specOf(ctx, p);
  const user = sessionOf(ctx).user;
  if (p.unmask && !can(user.role, 'people.unmask')) throw ApiFailure.because('forbidden', { code: 'figures.mayNotUnmask' });
  if (p.unmask) takeUnmasking(ctx, 'figures.export');
  const total = figureCount(db, spec);
  const title = figureTitle(spec);
  const day = formatDay(spec.day);
  const where = spec.county === null ? '全市' : countyName(spec.county);
  const fileName = `${title}-${where}-${day}.xlsx`;
  const target = exportTarget(ctx, p, fileName);
  const who = identities(db);
  const matches = firstMatches(db, spec, p.sort, FIGURE_EXPORT_ROWS);
  const rows = await writeAtomically(target.path, (partial) =>
    writeListWorkbook(
      partial,
      {
        name: title,
        title: `滨州市健康码指挥中心\u3000${title}`,
        subtitle: [
          `${where}\u3000${day}\u3000共 ${total} 人\u3000导出时间：${formatInstant(ctx.services.now()).slice(0, 16).replace('T', ' ')}`,
          p.unmask ? '本表含完整身份证号和手机号，仅限工作使用，注意保密' : '身份证号、手机号、姓名已脱敏',
        ],
        columns: FIGURE_COLUMNS,
        notes: (n) => [
          ...(n === 0 ? ['无符合条件的人员。'] : []),
          ...(n < total ? [`只导出了前 ${n} 人（共 ${total} 人），请按县区分批导出。`] : []),
        ],
      },
      (function* () {
        let i = 0;
        for (const m of matches) yield figureCells(++i, m, who, p.unmask);
      })(),
      user.name,
    ),
  );
  audit(db, {
    user: user.name,
    action: 'figures.export',
    details: { figure: spec.figure, from: spec.from, to: spec.to, day, county: spec.county, rows, total, unmasked: p.unmask },
    at: ctx.services.now(),
  });
  return exportResult(ctx, target, fileName, rows);
}
