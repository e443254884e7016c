/**
 * 企业复工 by county: enterprises approved / not, staff by figure, compliance, entry scans and
 * violations, with the city (or the account's county) as the last row. A figure opens the list
 * behind it for roles that may see the lists; writers see plain figures.
 */
import type { EnterpriseCountyRow, EnterpriseCountyTable } from '../../../../shared/contract/enterprises.ts';
import { countyName, isCountyCode } from '../../../../shared/domain/counties.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ScanFigure, type StaffFigure, complianceText } from './enterprise-lists.ts';

const OPENABLE: readonly (StaffFigure | ScanFigure)[] = [
  'staff',
  'noCode',
  'mayReturn',
  'homeQuarantine',
  'centralQuarantine',
  'passes',
  'denials',
  'violations',
];

export function EnterpriseCountyTableView({
  table,
  onFigure,
}: {
  table: EnterpriseCountyTable;
  /** Absent: the figures are not lists (writers). */
  onFigure?: (figure: StaffFigure | ScanFigure, county: string | null) => void;
}) {
  const { t, lang, formatNumber, formatPercent } = useI18n();
  const figure = (row: EnterpriseCountyRow, f: StaffFigure | ScanFigure, county: string | null) => {
    const n = row[f];
    const text = formatNumber(n);
    const cls = f === 'violations' && n > 0 ? 'num ent-bad' : f === 'centralQuarantine' && n > 0 ? 'num ent-red' : 'num';
    if (!onFigure || n === 0) {
      return (
        <td key={f} className={cls} data-figure={f} data-value={n}>
          {text}
        </td>
      );
    }
    return (
      <td key={f} className={cls} data-figure={f} data-value={n}>
        <button
          type="button"
          className="ent-figure"
          onClick={() => onFigure(f, county)}
          title={t('enterprises.fig.open', { what: t(`enterprises.fig.${f}`), n: text })}
          data-testid={`figure-${f}`}
        >
          {text}
        </button>
      </td>
    );
  };
  const cells = (row: EnterpriseCountyRow, county: string | null) => [
    <td key="approved" className="num" data-figure="approved" data-value={row.approved}>
      {formatNumber(row.approved)}
    </td>,
    <td key="notApproved" className="num" data-figure="notApproved" data-value={row.notApproved}>
      {formatNumber(row.notApproved)}
    </td>,
    ...OPENABLE.slice(0, 5).map((f) => figure(row, f, county)),
    <td key="compliance" className="num" data-figure="compliance">
      {complianceText(row.complianceRate, formatPercent)}
    </td>,
    ...OPENABLE.slice(5).map((f) => figure(row, f, county)),
  ];
  // A county account's table: its one county is the total (the city code otherwise).
  const totalCounty = isCountyCode(table.total.countyCode) ? table.total.countyCode : null;
  const isTotalOnly = totalCounty !== null && table.rows.length <= 1;
  return (
    <div className="data-table ent-county-table" data-testid="enterprise-counties">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('enterprises.county')}</th>
            {(
              ['approved', 'notApproved', 'staff', 'noCode', 'mayReturn', 'homeQuarantine', 'centralQuarantine', 'compliance'] as const
            ).map((f) => (
              <th key={f} scope="col" className="num">
                {t(`enterprises.fig.${f}`)}
              </th>
            ))}
            {(['passes', 'denials', 'violations'] as const).map((f) => (
              <th key={f} scope="col" className="num">
                {t(`enterprises.fig.${f}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(isTotalOnly ? [] : table.rows).map((row) => (
            <tr key={row.countyCode} data-testid="enterprise-county-row" data-county={row.countyCode}>
              <th scope="row">{isCountyCode(row.countyCode) ? countyName(row.countyCode, lang) : row.countyName}</th>
              {cells(row, row.countyCode)}
            </tr>
          ))}
          <tr className="ent-total" data-testid="enterprise-county-total" data-county={table.total.countyCode}>
            <th scope="row">{totalCounty ? countyName(totalCounty, lang) : t('enterprises.city')}</th>
            {cells(table.total, totalCounty)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
