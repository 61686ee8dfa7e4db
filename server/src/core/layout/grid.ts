/**
 * Header geometry for the table view: which columns each header cell covers. Word writes a row
 * with merged cells as fewer cells than the table has columns (`指标值` once over 前年 | 上年 | 当年)
 * and a cell merged down as an empty cell in the rows below, so both spans have to be worked out
 * again from the labels: a header cell reaches to the column its label names, and on to just
 * before the column the next cell's label names.
 */
import type { Cell, ColumnMap, Row } from '../model';
import { GROUP_LABEL } from '../parse/columns';
import { labelKey, labels, type ColumnRole, type TableFamily } from '../templates';
import type { ViewCellRole } from '../../../../protocol';

/** Column spans of a row of `n` cells drawn `width` wide as written: one column each, the last takes the rest. */
export function spread(n: number, width: number): number[] {
  const spans: number[] = [];
  for (let i = 0; i < n; i++) spans.push(i === n - 1 ? Math.max(1, width - i) : 1);
  return spans;
}

/** What each column of a table holds, by index (`extra` where the map names nothing). */
export function columnRoles(cols: ColumnMap): ViewCellRole[] {
  const roles: ViewCellRole[] = new Array<ViewCellRole>(cols.width).fill('extra');
  if (cols.headers) {
    for (const h of cols.headers) if (h.index < cols.width) roles[h.index] = h.role;
    return roles;
  }
  const set = (i: number | null | undefined, role: ViewCellRole) => {
    if (i !== null && i !== undefined && i >= 0 && i < cols.width) roles[i] = role;
  };
  set(cols.label, 'label');
  set(cols.level1, 'level1');
  set(cols.level2, 'level2');
  set(cols.level3, 'level3');
  set(cols.comparator, 'comparator');
  set(cols.unit, 'unit');
  set(cols.previous, 'previous');
  set(cols.last, 'last');
  set(cols.target, 'target');
  set(cols.actual, 'actual');
  set(cols.weight, 'weight');
  set(cols.score, 'score');
  set(cols.reason, 'reason');
  set(cols.basis, 'basis');
  return roles;
}

/** The roles a header text names, by the family's column labels (exactly, or as a cut-short start). */
export function namedColumns(f: TableFamily): (text: string) => readonly ColumnRole[] {
  const m = labels(f).columns;
  return (text) => {
    const key = labelKey(text);
    if (key === '') return [];
    // 近两年指标值 groups 前年 | 上年 under it: it starts at 前年.
    if (GROUP_LABEL.test(key)) return GROUP;
    const exact = m.exact(key);
    return exact.length ? exact : m.prefixOf(key);
  };
}

const GROUP: readonly ColumnRole[] = ['previous', 'last'];
/** Labels that head a group of value columns (指标值 over 前年 | 上年 | 当年). */
const VALUE_GROUP = new Set<ViewCellRole>(['target', 'actual']);

export interface GridCell {
  cell: Cell;
  /** Index of the header row it starts in. */
  row: number;
  column: number;
  colSpan: number;
  rowSpan: number;
  /** Empty cells below it that Word wrote for its vertical merge. */
  covers: Cell[];
}

/** The header rows' cells with their spans; an empty cell under a cell of the same columns continues it. */
export function headerGrid(rows: readonly Row[], roles: readonly ViewCellRole[], named: (text: string) => readonly ColumnRole[]): GridCell[][] {
  const out: GridCell[][] = [];
  const all: GridCell[] = [];
  rows.forEach((row, r) => {
    const line: GridCell[] = [];
    const cols = columnsOf(row.cells, roles, named);
    row.cells.forEach((cell, k) => {
      const [s, e] = cols[k];
      if (cell.text === '' && r > 0) {
        const above = all.find((g) => g.column === s && g.colSpan === e - s + 1 && g.row + g.rowSpan === r);
        if (above) {
          above.rowSpan++;
          above.covers.push(cell);
          return;
        }
      }
      const g: GridCell = { cell, row: r, column: s, colSpan: e - s + 1, rowSpan: 1, covers: [] };
      line.push(g);
      all.push(g);
    });
    out.push(line);
  });
  return out;
}

/** First and last column of each cell of a header row. */
export function columnsOf(cells: readonly Cell[], roles: readonly ViewCellRole[], named: (text: string) => readonly ColumnRole[]): [number, number][] {
  const n = cells.length;
  const width = roles.length;
  if (n >= width) return cells.map((_, i) => [i, i]);
  // The first column at or after `from` holding a role the cell's label names; -1 when none.
  const columnNamed = (k: number, from: number): number => {
    const rs = named(cells[k].text);
    if (rs.length === 0) return -1;
    for (let i = from; i < width; i++) if ((rs as readonly string[]).includes(roles[i])) return i;
    return -1;
  };
  const namedInRow = new Set<string>();
  for (const c of cells) for (const r of named(c.text)) namedInRow.add(r);
  const out: [number, number][] = [];
  let p = 0;
  for (let k = 0; k < n; k++) {
    // Leave a column for each cell still to come.
    const maxEnd = width - 1 - (n - k - 1);
    let end = p;
    const own = columnNamed(k, p);
    if (own >= 0) end = own;
    if (k === n - 1) end = width - 1;
    else {
      let next = columnNamed(k + 1, end + 1);
      // Columns no cell of the row names (前年, 上年 when only 指标值 is written) belong to a value
      // label's group after them, else to this cell.
      if (next >= 0 && VALUE_GROUP.has(roles[next])) while (next - 1 > end && !namedInRow.has(roles[next - 1])) next--;
      if (next > end + 1) end = next - 1;
    }
    end = Math.min(Math.max(end, p), maxEnd);
    out.push([p, end]);
    p = end + 1;
  }
  return out;
}
