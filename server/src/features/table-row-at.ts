/**
 * The indicator-table row at a line, for the features that work on one cell of it (completion) or
 * add a row after it (insert row). Unlike the hover, which needs a parsed indicator row, this also
 * finds a row still being typed: an empty row, a row with fewer cells than the table (the parser
 * keeps it as stray content), a 二级 row left unfilled, or such a row after the table's last data
 * row. Which column a cell is comes from its index in the row and the table's `ColumnMap`, so it
 * works for §3's tables and for header-driven ones alike (docs/format.md §3, §7.3).
 */
import type { Cell, ColumnMap, GoalTable, IndicatorRow, Row, SectionBody } from '../core/model';
import { PER_BLOCK_ROLES } from '../core/parse/columns';
import { cellLines, rowHasLine } from './locate';

export interface TableRowAt {
  /** The table whose columns the row's cell belongs to (one block of a side-by-side table). */
  table: GoalTable;
  /** Every table of the row: two when 长期 and 年度 stand side by side in the same rows, else `[table]`. */
  blocks: readonly GoalTable[];
  /** The line is in one of the table's header rows (goal header, indicator header, second header rows). */
  header: boolean;
  /** The row: as the parser read it (a row a blank line split, joined), or as tokenized there. */
  row: Row;
  /** The row as `table`'s indicator row, when the parser made it one. */
  indicator: IndicatorRow | null;
  /** Index in `row.cells` of the cell holding the line; -1 when no cell does (a blank line). */
  cellIndex: number;
}

/** Whether a column index is one of a block's own columns. */
function blockHasColumn(cols: ColumnMap, index: number): boolean {
  for (const k of PER_BLOCK_ROLES) if (cols[k] === index) return true;
  return false;
}

/** The last row starting at or before `rel` in rows sorted by line, if it holds `rel`. */
function rowAtLine<T>(rows: readonly T[], rowOf: (x: T) => Row, rel: number): T | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  let hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rowOf(rows[mid]).range.start.line <= rel) {
      hit = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return hit >= 0 && rowHasLine(rowOf(rows[hit]), rel) ? rows[hit] : undefined;
}

const itself = (r: Row) => r;
const rowOfIndicator = (r: IndicatorRow) => r.row;

/** The table a line belongs to: inside its range, or after its last row before anything else (a footer, a field, a goal). */
function owningTable(body: SectionBody, rel: number): GoalTable | undefined {
  const tables = body.tables;
  let t: GoalTable | undefined;
  for (let i = 0; i < tables.length; i++) {
    if (tables[i].range.start.line > rel) break;
    // Blocks side by side share one header row: the first of them stands for the table.
    if (!t || tables[i].headerRow !== t.headerRow) t = tables[i];
  }
  if (!t) return undefined;
  const end = t.range.end.line;
  if (rel <= end) return t;
  const between = (line: number) => line > end && line <= rel;
  for (const f of body.footers) if (between(f.range.start.line)) return undefined;
  for (const f of body.fields) if (between(cellLines(f.label)[0])) return undefined;
  for (const g of body.goals) if (between(cellLines(g.label)[0])) return undefined;
  return t;
}

function cellIndexAt(row: Row, rel: number): number {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    const [a, b] = cellLines(cells[i]);
    if (a <= rel && rel <= b) return i;
  }
  return -1;
}

/**
 * The table row holding a line of a section (relative), or undefined when the line is in no table.
 * `blankBelongsAbove`: a blank line (the blank line that ends a row, docs/format.md §2) counts as
 * part of the row above it.
 */
export function tableRowAt(body: SectionBody, rel: number, blankBelongsAbove = false): TableRowAt | undefined {
  if (rel < 0 || rel >= body.lines.length) return undefined;
  const first = owningTable(body, rel);
  if (!first) return undefined;
  const blocks = body.tables.filter((t) => t.headerRow === first.headerRow);
  const headerRows = [first.headerRow, first.indicatorHeader, ...first.subHeaders];
  const blockOf = (cellIndex: number) => (blocks.length > 1 ? (blocks.find((b) => blockHasColumn(b.columns, cellIndex)) ?? first) : first);
  for (const h of headerRows) {
    if (!h || !rowHasLine(h, rel)) continue;
    const cellIndex = cellIndexAt(h, rel);
    return { table: blockOf(cellIndex), blocks, header: true, row: h, indicator: null, cellIndex };
  }

  let row: Row | undefined;
  for (const b of blocks) {
    row = rowAtLine(b.rows, rowOfIndicator, rel)?.row;
    if (row) break;
  }
  for (let k = 0; !row && k < blocks.length; k++) row = rowAtLine(blocks[k].unfilled, itself, rel);
  // A row the parser did not take (being typed): as tokenized, after the table's header rows.
  const headerEnd = Math.max(...headerRows.map((h) => (h ? h.range.end.line : -1)));
  if (!row && rel > headerEnd) row = rowAtLine(body.rows, itself, rel);
  if (!row) {
    if (!blankBelongsAbove || body.lines[rel] !== '') return undefined;
    let above = rel - 1;
    while (above >= 0 && body.lines[above] === '') above--;
    return above >= 0 ? tableRowAt(body, above, false) : undefined;
  }
  const cellIndex = cellIndexAt(row, rel);
  const table = blockOf(cellIndex);
  const indicator = rowAtLine(table.rows, rowOfIndicator, rel) ?? null;
  return { table, blocks, header: false, row, indicator: indicator && indicator.row === row ? indicator : null, cellIndex };
}

/** The first source line of a cell and where its text starts on it (after the TAB). */
export function cellStart(cell: Cell): { line: number; character: number } {
  const p = cell.paragraphs[0];
  return p ? { line: p.line, character: p.character } : cell.range.start;
}
