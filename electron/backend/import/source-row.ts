import type { Cell } from '../../../shared/domain/feeds/cells.ts';

/** One row of a department file: its physical line (CSV) or sheet row number (XLSX), and its cells. */
export interface SourceRow {
  line: number;
  cells: Cell[];
}
