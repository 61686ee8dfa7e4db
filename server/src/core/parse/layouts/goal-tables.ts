/**
 * The layout of docs/format.md §3 (the district template we started from): the header zone
 * (`单位：万元`), the 整体绩效总目标 overview, then goal tables (`长期目标N：` header row, optional
 * indicator header, 年度 sub-headers, data rows) with fixed columns. Whatever does not fit where it
 * stands becomes a `StrayNode`, so the rules can point at it: nothing is dropped.
 */
import type { Cell, ColumnMap, GoalKind, GoalTable, IndicatorRow, OverviewGoal, Range, Row, StrayNode } from '../../model';
import { asciiDigits, compact } from '../../text';
import { cellRange } from '../cell';
import type { SectionTree } from '../section-tree';
import { emptyValue, parseValue } from '../value';
import { IndicatorRowNode, inherit, isEmptyRow, rejoin, strayNode } from './rows';

export const LONG_COLUMNS: ColumnMap = { width: 6, label: 0, level1: 1, level2: 2, level3: 3, previous: null, last: null, target: 4, basis: 5 };
export const ANNUAL_COLUMNS: ColumnMap = { width: 8, label: 0, level1: 1, level2: 2, level3: 3, previous: 4, last: 5, target: 6, basis: 7 };
const OVERVIEW_WIDTH = 3;

const TABLE_HEADER = /^(长期|年度)目标([0-9０-９]+)?[:：]?$/;
const TABLE_HEADER_WITH_TEXT = /^(长期|年度)目标\s*([0-9０-９]+)\s*[:：]\s*(.+)$/;
const GOAL_PREFIX = /^(?:(?:长期|年度)?目标\s*([0-9０-９]+)\s*[：:.、．]?|([0-9０-９]+)\s*[：:.、．])\s*/;
const UNIT_CELL = /^单位\s*[:：]\s*(\S*)/;
const INDICATOR_HEADER_LABELS = new Set(['一级指标', '二级指标', '三级指标', '指标名称']);
const SUB_HEADER = /^(近两年(指标|实际)?值|预[计期]当年(实现|指标)?值?|当年(目标|指标|实现)?值?|前年(实际|指标)?值?|上年(实际|指标)?值?|指标值)$/;

export function toNumber(digits: string): number {
  return Number(asciiDigits(digits));
}

/** Parses a section's rows as §3's layout. */
export function parseGoalTables(tree: SectionTree, hasTitle: boolean): void {
  new SectionParser(tree, hasTitle).run();
}

/**
 * Whether a row marks §3's layout, one table per goal: a goal-table header (`长期目标1：`), numbered,
 * or after the 整体绩效总目标 overview (`afterOverview`: an un-numbered `长期目标:` under it is one
 * too). A `单位：万元` cell and an un-numbered `年度目标` cell (a label/value goal of a project table)
 * occur in other templates, so they do not decide.
 */
export function marksGoalTables(row: Row, afterOverview: boolean): boolean {
  const header = tableHeader(row);
  return header !== null && (header.number !== null || afterOverview);
}

/** The 整体绩效总目标 overview's header row (its first non-empty cell begins 整体绩效). */
export function isOverviewHeader(row: Row): boolean {
  const first = row.cells.find((c) => c.text !== '');
  return first !== undefined && compact(first.text).startsWith('整体绩效');
}

class SectionParser {
  private i = 0;
  private table: GoalTable | null = null;
  /** The last row placed in the open table (its range ends the table's). */
  private tableEnd: Row | null = null;
  private zone: 'header' | 'overview' | 'tables' = 'header';

  constructor(
    private readonly tree: SectionTree,
    private readonly hasTitle: boolean,
  ) {}

  run(): void {
    const rows = this.tree.rows;
    while (this.i < rows.length) {
      const row = rows[this.i++];
      if (isEmptyRow(row)) continue;
      if (!this.hasTitle) {
        this.stray('stray-text', row);
        continue;
      }
      const header = tableHeader(row);
      if (header) {
        this.startTable(row, header);
        continue;
      }
      if (this.zone === 'header') this.headerZone(row);
      else if (this.zone === 'overview') this.overviewRow(row);
      else this.tableRow(row);
    }
    this.finishTable();
  }

  private headerZone(row: Row): void {
    const unit = row.cells.find((c) => UNIT_CELL.test(c.text));
    if (unit && row.cells.every((c) => c === unit || c.text === '')) {
      this.tree.unit = unit;
      this.tree.moneyUnit = UNIT_CELL.exec(unit.text)![1] || null;
      return;
    }
    if (isOverviewHeader(row)) {
      this.tree.overview = { headerRow: row, headers: row.cells.map((c) => c.text), rows: [], range: row.range };
      this.zone = 'overview';
      return;
    }
    this.stray('stray-text', row);
  }

  private overviewRow(row: Row): void {
    const overview = this.tree.overview!;
    const joined = this.rejoin(row, OVERVIEW_WIDTH);
    if (joined.cells.length !== OVERVIEW_WIDTH) {
      this.stray('unexpected-width', joined, OVERVIEW_WIDTH);
      return;
    }
    overview.rows.push({
      row: joined,
      long: overviewGoal('long', joined.cells[1]),
      annual: overviewGoal('annual', joined.cells[2]),
    });
    overview.range = { start: overview.range.start, end: joined.range.end };
  }

  private startTable(row: Row, header: { kind: GoalKind; number: number | null; text: string | null }): void {
    this.finishTable();
    this.zone = 'tables';
    const headerCell = row.cells[0];
    const goalCell = row.cells.length > 1 ? row.cells[1] : null;
    if (row.cells.length > 2 && row.cells.slice(2).some((c) => c.text !== '')) {
      this.stray('unexpected-width', row, 2);
    }
    const rawGoal = header.text ?? goalCell?.text ?? '';
    this.table = {
      kind: header.kind,
      number: header.number,
      headerRow: row,
      headerCell,
      goalCell,
      goalText: rawGoal.replace(GOAL_PREFIX, ''),
      indicatorHeader: null,
      subHeaders: [],
      columns: header.kind === 'long' ? LONG_COLUMNS : ANNUAL_COLUMNS,
      rows: [],
      unfilled: [],
      range: row.range,
    };
  }

  private finishTable(): void {
    if (this.table) {
      if (this.tableEnd) this.table.range = { start: this.table.range.start, end: this.tableEnd.range.end };
      this.tree.tables.push(this.table);
    }
    this.table = null;
    this.tableEnd = null;
  }

  private tableRow(row: Row): void {
    const table = this.table!;
    if (table.rows.length === 0 && isIndicatorHeader(row)) {
      table.indicatorHeader = row;
      this.tableEnd = row;
      return;
    }
    if (table.rows.length === 0 && isSubHeader(row)) {
      table.subHeaders.push(row);
      this.tableEnd = row;
      return;
    }
    const width = table.columns.width;
    const joined = this.rejoin(row, width);
    // Word sometimes exports a spare empty cell at the end of a row: the row is whole all the
    // same (its width is kept on the row so the structure rule can still mention it).
    const spare = joined.cells.length > width && joined.cells.slice(width).every((c) => c.text === '');
    if (joined.cells.length !== width && !spare) {
      this.stray('unexpected-width', joined, width);
      return;
    }
    table.rows.push(indicatorRow(joined, table));
    this.tableEnd = joined;
  }

  /**
   * A blank line inside a row splits it (docs/format.md §2): when a row is narrower than the table
   * and the pieces that follow add up to exactly the table's width, they are one row.
   */
  private rejoin(row: Row, width: number): Row {
    if (row.cells.length >= width) return row;
    const joined = rejoin(this.tree.rows, row, this.i, width, isTableHeader);
    this.i = joined.next;
    return joined.row;
  }

  private stray(reason: StrayNode['reason'], row: Row, expectedWidth?: number): void {
    this.tree.stray.push(strayNode(reason, row, expectedWidth));
  }
}

const isTableHeader = (row: Row) => tableHeader(row) !== null;

function tableHeader(row: Row): { kind: GoalKind; number: number | null; text: string | null } | null {
  const first = row.cells[0];
  if (!first || row.cells.length > 3) return null;
  const c = compact(first.text);
  let m = TABLE_HEADER.exec(c);
  if (m) return { kind: m[1] === '长期' ? 'long' : 'annual', number: m[2] ? toNumber(m[2]) : null, text: null };
  m = TABLE_HEADER_WITH_TEXT.exec(first.text);
  if (m && row.cells.length === 1) return { kind: m[1] === '长期' ? 'long' : 'annual', number: toNumber(m[2]), text: m[3] };
  return null;
}

function isIndicatorHeader(row: Row): boolean {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) if (INDICATOR_HEADER_LABELS.has(compact(cells[i].text))) return true;
  return false;
}

function isSubHeader(row: Row): boolean {
  // Every non-empty cell is a sub-header label, and there is one.
  const cells = row.cells;
  let any = false;
  for (let i = 0; i < cells.length; i++) {
    const t = compact(cells[i].text);
    if (t === '') continue;
    if (!SUB_HEADER.test(t)) return false;
    any = true;
  }
  return any;
}

function overviewGoal(kind: GoalKind, cell: Cell): OverviewGoal | null {
  if (cell.text === '') return null;
  const m = GOAL_PREFIX.exec(cell.text);
  let numberRange: Range | null = null;
  let number: number | null = null;
  let text = cell.text;
  if (m) {
    number = toNumber(m[1] ?? m[2]);
    numberRange = cellRange(cell, 0, m[0].trimEnd().length);
    text = cell.text.slice(m[0].length);
  }
  return { kind, number, text, cell, numberRange };
}

function indicatorRow(row: Row, table: GoalTable): IndicatorRow {
  const cols = table.columns;
  const c = row.cells;
  const prev = table.rows.length ? table.rows[table.rows.length - 1] : null;
  const level1 = inherit(c[cols.level1], prev?.level1 ?? null);
  // A new 一级 starts a new merged block: its 二级 is never the previous group's.
  const level2 = level1.inherited ? inherit(c[cols.level2], prev?.level2 ?? null) : inherit(c[cols.level2], null);
  const targetCell = c[cols.target];
  return new IndicatorRowNode(
    row,
    c[cols.label],
    level1,
    level2,
    c[cols.level3],
    cols.previous === null ? null : parseValue(c[cols.previous]),
    cols.last === null ? null : parseValue(c[cols.last]),
    targetCell ? parseValue(targetCell) : emptyValue(null, row.range),
    c[cols.basis] ?? null,
    c.length,
  );
}
