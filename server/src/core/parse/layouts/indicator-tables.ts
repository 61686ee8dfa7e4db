/**
 * The header-driven layout (docs/format.md §7): every template but §3's. Its rows come in zones:
 * the title zone (a year line), the header zone (label/value fields and goals), then indicator
 * tables, each starting at a header row whose labels give its columns (../columns.ts), and the
 * rows that close them (合计, 评价结论, signatures: footers). What the family's labels cannot
 * place becomes a `StrayNode`, as in §3's layout: nothing is dropped.
 */
import type { Cell, Field, GoalTable, LevelValue, Row } from '../../model';
import { fitsUnder, isLevel1Name, parentsOfLevel2 } from '../../templates/frameworks';
import { labelKey, labels, type GoalKindId, type TableFamily } from '../../templates';
import { addSubHeader, readHeader, type ColumnBlock, type HeaderMap } from '../columns';
import { cellRange } from '../cell';
import { tableKindOf } from '../../goals';
import { isYearLine } from '../titles';
import { goalsInCell } from '../numbered-goals';
import type { SectionTree } from '../section-tree';
import { emptyValue, joinValue, parseValue } from '../value';
import { fromElsewhere, IndicatorRowNode, inferredLevel, inherit, isEmptyRow, ownLevel, rejoin, strayNode, type RowMore } from './rows';

/** A money unit stated in the header zone: `单位：万元` (alone or inside a longer cell), `(万元)` in a label. */
const MONEY_UNIT = /单位\s*[:：]\s*(万元|元)|[(（](万元|元)[)）]/;
/** A label of a field the family does not know is short; a longer cell is text. */
const MAX_LABEL_LENGTH = 20;
const BRACKET_TAIL = /\([^()]*\)$/;
/** A goal is a sentence: a value cell shorter than this under a cut-short label is a field's. */
const MIN_GOAL_TEXT = 10;

/** Parses a section's rows as the header-driven layout of its family. */
export function parseIndicatorTables(tree: SectionTree, family: TableFamily): void {
  new HeaderDrivenParser(tree, family).run();
}

/** Whether a row is an indicator table's header for the family (the layout is chosen by the first one). */
export function isIndicatorHeader(row: Row, family: TableFamily): boolean {
  return readHeader(row, family) !== null;
}

/** A data row while its table is read: levels may still change (a 一级 stated further down, §7.4). */
interface Draft {
  row: Row;
  level1: LevelValue;
  /** Per block: the row's 二级. */
  level2: LevelValue[];
  /** The 一级 was empty with nothing above: a later row's 一级 or the 二级 decides it. */
  pending: boolean;
  /** A 一级 or 二级 heading row of a table that gives the hierarchy by indentation (§7.4): no indicator. */
  category?: boolean;
}

class HeaderDrivenParser {
  private i = 0;
  private zone: 'title' | 'header' | 'table' | 'after' = 'title';
  private map: HeaderMap | null = null;
  private headerRow: Row | null = null;
  private drafts: Draft[] = [];
  /** The drafts with no 一级 yet, since the table's start or the last 一级 they took. */
  private waiting: Draft[] = [];
  private unfilled: Row[][] = [];
  private lastRow: Row | null = null;
  /** The column labels of a header-zone grid whose value rows are being read, one per cell of its rows. */
  private grid: readonly Cell[] | null = null;
  private readonly columnLabels;

  constructor(
    private readonly tree: SectionTree,
    private readonly family: TableFamily,
  ) {
    this.columnLabels = labels(family);
  }

  run(): void {
    const rows = this.tree.rows;
    while (this.i < rows.length) {
      const row = rows[this.i++];
      if (isEmptyRow(row)) continue;
      if (this.zone === 'title' && this.titleZone(row)) continue;
      if (this.zone === 'title') this.zone = 'header';
      const header = readHeader(row, this.family);
      if (header) {
        this.startTable(row, header);
        continue;
      }
      if (this.zone === 'table') this.tableRow(row);
      else this.textRow(row);
    }
    this.finishTable();
    this.linkGoals();
  }

  /** A year line under the title (`(2022年度)`): the section's year, not a field. */
  private titleZone(row: Row): boolean {
    const cells = nonEmptyCells(row);
    if (cells.length === 1 && isYearLine(labelKey(cells[0].text)) && this.tree.year === null) {
      this.tree.year = cells[0];
      return true;
    }
    return false;
  }

  private startTable(row: Row, map: HeaderMap): void {
    this.finishTable();
    this.zone = 'table';
    this.map = map;
    this.headerRow = row;
    this.lastRow = row;
    this.unfilled = map.blocks.map(() => []);
    // Second header rows: right after the header, before any data row.
    const rows = this.tree.rows;
    for (let j = this.nextContentRow(this.i); j < rows.length && addSubHeader(map, rows[j], this.family); j = this.nextContentRow(this.i)) {
      this.lastRow = rows[j];
      this.i = j + 1;
    }
  }

  private tableRow(row: Row): void {
    const map = this.map!;
    if (this.footer(row)) return;
    const joined = rejoin(this.tree.rows, row, this.i, map.width, (r) => readHeader(r, this.family) !== null);
    const cells = joined.row.cells;
    // Word sometimes exports spare empty cells at the end of a row: the row is whole all the same.
    let spare = cells.length > map.width;
    for (let k = map.width; spare && k < cells.length; k++) if (cells[k].text !== '') spare = false;
    if (cells.length !== map.width && !spare) {
      this.tree.stray.push(strayNode('unexpected-width', joined.row, map.width));
      return;
    }
    this.i = joined.next;
    this.addDraft(joined.row);
    this.lastRow = joined.row;
  }

  /** A closing row (合计, 评价结论, signatures, notes): it ends the table. */
  private footer(row: Row): boolean {
    const first = nonEmptyCells(row)[0];
    if (first === undefined || first !== row.cells[0]) return false;
    const key = labelKey(first.text);
    for (const f of this.family.footers) {
      if (f.label.test(key)) {
        this.finishTable();
        this.zone = 'after';
        this.tree.footers.push({ kind: f.kind, row, range: row.range });
        return true;
      }
    }
    return false;
  }

  /** Levels as the merged cells give them (docs/format.md §3, §7.4). */
  private addDraft(row: Row): void {
    const map = this.map!;
    const c = row.cells;
    const first = map.blocks[0].columns;
    const prev = this.drafts.length ? this.drafts[this.drafts.length - 1] : null;
    const cell1 = c[first.level1] ?? missingLevelCell(row);
    let level1: LevelValue;
    let pending = false;
    let midBlock = false;
    if (cell1.text !== '') {
      level1 = markedLevel(cell1);
      // A 一级 stated in a middle row of its block: the rows above it that had none are its own, when their 二级 fit.
      const waiting = this.waiting;
      if (waiting.length > 0 && waiting.every((d) => d.level2.every((l2) => fitsUnder(l2.key, level1.key)))) {
        for (const d of waiting) {
          d.level1 = fromElsewhere(d.level1.cell, level1, 'below');
          d.pending = false;
        }
        midBlock = prev !== null && waiting.includes(prev);
        this.waiting = [];
      }
    } else if (prev && prev.level1.text !== '') {
      level1 = fromElsewhere(cell1, prev.level1, 'above');
    } else {
      level1 = ownLevel(cell1);
      pending = true;
    }
    const level2 = map.blocks.map((b, k) => {
      const cell2 = c[b.columns.level2] ?? missingLevelCell(row);
      // A new 一级 starts a new merged block: its 二级 is never the previous group's.
      const above = prev && (level1.inherited || midBlock || pending) ? prev.level2[k] : null;
      return cell2.text !== '' ? markedLevel(cell2) : inherit(cell2, above);
    });
    const draft = { row, level1, level2, pending };
    this.drafts.push(draft);
    if (pending) this.waiting.push(draft);
  }

  private finishTable(): void {
    const map = this.map;
    if (map === null) return;
    if (map.blocks.length === 1) byIndentation(this.drafts, map.blocks[0].columns);
    for (const d of this.drafts) {
      if (!d.pending) continue;
      // Still no 一级: the one its 二级 implies, marked as inferred.
      const parents = parentsOfLevel2(d.level2[0]?.key ?? '');
      if (parents.length > 0) d.level1 = inferredLevel(d.level1.cell, parents[0]);
    }
    const end = this.lastRow ?? this.headerRow!;
    map.blocks.forEach((block, k) => this.tree.tables.push(this.table(block, k, end)));
    this.map = null;
    this.drafts = [];
    this.waiting = [];
    this.zone = 'after';
  }

  private table(block: ColumnBlock, k: number, end: Row): GoalTable {
    const header = this.headerRow!;
    const cols = block.columns;
    const table: GoalTable = {
      kind: block.kind,
      number: null,
      headerRow: header,
      headerCell: header.cells[0],
      goalCell: null,
      goalText: '',
      indicatorHeader: header,
      subHeaders: this.map!.subHeaders,
      columns: cols,
      rows: [],
      unfilled: [],
      range: { start: header.range.start, end: end.range.end },
    };
    for (const d of this.drafts) {
      if (d.category) continue;
      const c = d.row.cells;
      const level3 = c[cols.level3];
      const value = cols.target >= 0 ? c[cols.target] : undefined;
      if (level3 === undefined || level3.text === '') {
        // A 二级 stated with no indicator: a template row left unfilled.
        const own2 = d.level2[k];
        if (!own2.inherited && own2.text !== '' && (value === undefined || value.text === '')) table.unfilled.push(d.row);
        continue;
      }
      table.rows.push(
        new IndicatorRowNode(
          d.row,
          cols.label >= 0 ? (c[cols.label] ?? null) : null,
          d.level1,
          d.level2[k],
          level3,
          cellValue(c, cols.previous),
          cellValue(c, cols.last),
          value ? targetValue(c, value, cols.comparator ?? null, cols.unit ?? null) : emptyValue(null, d.row.range),
          cols.basis >= 0 ? (c[cols.basis] ?? null) : null,
          c.length,
          rowMore(c, cols, this.map!),
        ),
      );
    }
    return table;
  }

  /** A row outside the tables: a header-zone field or goal, a footer, or text that fits nowhere. */
  private textRow(row: Row): void {
    if (this.zone === 'after' && this.footer(row)) return;
    const cells = row.cells;
    for (const cell of cells) {
      const unit = MONEY_UNIT.exec(cell.text);
      if (unit && this.tree.moneyUnit === null) {
        this.tree.moneyUnit = unit[1] ?? unit[2];
        if (this.tree.unit === null && /^单位/.test(labelKey(cell.text))) this.tree.unit = cell;
      }
    }
    const nonEmpty = nonEmptyCells(row);
    if (nonEmpty.length === 1 && cells.length === 1) {
      const only = nonEmpty[0];
      if (labelKey(only.text).length <= MAX_LABEL_LENGTH) this.tree.fields.push(this.field(only, null));
      else this.tree.stray.push(strayNode('stray-text', row));
      return;
    }
    if (this.goalHeader(row)) return;
    if (this.gridRow(row)) return;
    // Label/value pairs; a group label (项目资金) before them when the row has an odd number of cells.
    let k = 0;
    if (cells.length % 2 === 1) {
      this.tree.fields.push(this.field(cells[0], null));
      k = 1;
    }
    for (; k + 1 < cells.length; k += 2) {
      const label = cells[k];
      const value = cells[k + 1];
      if (label.text === '' && value.text === '') continue;
      const goal = this.goalKind(label, value);
      if (goal !== null && value.text !== '') this.addGoals(goal, label, value);
      else this.tree.fields.push(this.field(label, value));
    }
  }

  /**
   * A grid in the header zone (a budget block: `预算执行情况 | 年初预算 | 调整后预算数 | …` over rows
   * of amounts; a schedule: `项目实施内容 | 开始时间 | 完成时间`): a row of labels whose next row, as
   * wide, holds a figure. Each value of the rows below is a field named by its column's label, in the
   * group its row's first cell names (总额, 其中:财政资金). Labels may take two rows, merged ones over
   * their parts (`年度主要任务 | 任务名称 | 主要内容 | 预算金额` over `总额 | 财政拨款 | 其他资金`): a column
   * is named by its lower label, else by the one above it.
   */
  private gridRow(row: Row): boolean {
    const cells = row.cells;
    const grid = this.grid;
    if (grid !== null && cells.length === grid.length) {
      // The row's label is its first cell that is text (under a spanning group label it is not the first cell).
      let g = 0;
      while (g < cells.length && cells[g].text === '') g++;
      const group = g < cells.length && isLabelLike(cells[g].text) ? cells[g] : null;
      const from = group === null ? 0 : g + 1;
      for (let j = from; j < cells.length; j++) if (cells[j].text !== '') this.tree.fields.push({ ...this.field(grid[j], cells[j]), group });
      if (group !== null && nonEmptyCells(row).length === 1) this.tree.fields.push(this.field(group, null));
      return true;
    }
    this.grid = null;
    const filled = nonEmptyCells(row);
    if (cells.length < 3 || filled.length < 3 || !filled.every((c) => isLabelLike(c.text))) return false;
    // A row of label/value pairs (主管部门及代码 | [077]… | 实施单位 | …) is no grid: its labels are the family's.
    for (let k = 0; k < cells.length; k += 2) if (this.columnLabels.fields.exact(labelKey(cells[k].text)).length) return false;
    const rows = this.tree.rows;
    const j = this.nextContentRow(this.i);
    let next = rows[j];
    if (next === undefined || next.cells.length !== cells.length) return false;
    let labels: readonly Cell[] = cells;
    let parts: Row | null = null;
    if (!holdsFigures(next)) {
      if (!isPartLabelRow(next)) return false;
      const below = rows[this.nextContentRow(j + 1)];
      if (below === undefined || below.cells.length !== cells.length || !holdsFigures(below)) return false;
      parts = next;
      labels = cells.map((c, n) => (next.cells[n].text !== '' ? next.cells[n] : c));
      next = below;
      this.i = j + 1;
    }
    for (const c of filled) this.tree.fields.push(this.field(c, null));
    if (parts !== null) for (const c of nonEmptyCells(parts)) this.tree.fields.push(this.field(c, null));
    this.grid = labels;
    return true;
  }

  /** The index of the first row at or after `from` that is not empty. */
  private nextContentRow(from: number): number {
    const rows = this.tree.rows;
    let j = from;
    while (j < rows.length && isEmptyRow(rows[j])) j++;
    return j;
  }

  /**
   * A goal header row (`项目绩效目标 | 长期目标 | 年度目标`, `总体目标 | 中期目标 | 年度目标`): its
   * goal labels name the cells of the next row, by position when the widths agree, else in order.
   */
  private goalHeader(row: Row): boolean {
    const kinds: { index: number; kind: GoalKindId; label: Cell }[] = [];
    row.cells.forEach((cell, index) => {
      const kind = this.goalKind(cell);
      if (kind !== null) kinds.push({ index, kind, label: cell });
    });
    if (kinds.length < 2 && !(kinds.length === 1 && row.cells.length >= 3)) return false;
    const j = this.nextContentRow(this.i);
    const next = this.tree.rows[j];
    if (next === undefined || readHeader(next, this.family) !== null) return false;
    // Goal kinds that are one goal each (总体目标 over 中期 and 年度): the columns to the right of it are what is filled.
    const columns = kinds.filter((k) => k.kind !== 'overall' || kinds.length === 1);
    const filled = next.cells.filter((c) => c.text !== '');
    const positional = next.cells.length === row.cells.length;
    // The other labels name what stands below them (a self-evaluation's 实际完成情况 beside its 预期目标): kept as fields.
    row.cells.forEach((cell, index) => {
      if (cell.text === '' || kinds.some((k) => k.index === index)) return;
      const below = positional ? next.cells[index] : undefined;
      this.tree.fields.push(this.field(cell, below !== undefined && below.text !== '' ? below : null));
    });
    columns.forEach((col, n) => {
      const cell = positional ? next.cells[col.index] : filled[n];
      if (cell && cell.text !== '') this.addGoals(col.kind, col.label, cell);
    });
    this.i = j + 1;
    return true;
  }

  /** A goal cell: one goal, or one per number when it holds several (`1、… 2、…`). */
  private addGoals(kind: GoalKindId, label: Cell, cell: Cell): void {
    const labelCutShort = this.columnLabels.goals.exact(labelKey(label.text)).length === 0 && !this.bracketed(label);
    for (const g of goalsInCell(cell)) {
      this.tree.goals.push({
        kind,
        number: g.number,
        text: cell.text.slice(g.start, g.end),
        label,
        cell,
        range: cellRange(cell, g.start, g.end),
        numberRange: g.number === null ? null : cellRange(cell, g.markerStart, g.markerEnd),
        labelCutShort,
      });
    }
  }

  /** A goal label known with a bracketed note after it (`长期目标(截至2028年)`): not cut short. */
  private bracketed(label: Cell): boolean {
    const key = labelKey(label.text);
    const tail = BRACKET_TAIL.exec(key);
    return tail !== null && tail.index > 0 && this.columnLabels.goals.exact(key.slice(0, tail.index)).length > 0;
  }

  /**
   * The goal kind a label names. A cut-short label (`年度`) is a prefix of field labels too
   * (年度资金总额): it names a goal only when its value reads as a sentence, not a figure.
   */
  private goalKind(cell: Cell, value?: Cell): GoalKindId | null {
    const key = labelKey(cell.text);
    if (key === '') return null;
    const hit = this.columnLabels.goals.exact(key);
    if (hit.length) return hit[0];
    // A bracketed note after the label: `长期目标(截至2028年)`, `年度目标(2025年)`.
    const tail = BRACKET_TAIL.exec(key);
    if (tail && tail.index > 0) {
      const base = this.columnLabels.goals.exact(key.slice(0, tail.index));
      if (base.length) return base[0];
    }
    if (value === undefined || value.text.length < MIN_GOAL_TEXT || key.length < 2 || this.columnLabels.fields.exact(key).length) return null;
    const cut = this.columnLabels.goals.prefixOf(key);
    return cut.length === 1 ? cut[0] : null;
  }

  private field(label: Cell, value: Cell | null): Field {
    const key = labelKey(label.text);
    const known = this.columnLabels.fields.exact(key);
    const k = known.length ? known[0] : null;
    return { key: k, label, value, group: null, code: k === 'department' && value !== null ? departmentCode(value) : null };
  }

  /**
   * A table's goal text: the first goal of its kind (a 年度 table's the 年度 goal, a 长期 table's the 长期, 中期
   * or 实施期 goal; ../../goals.ts `tableKindOf`). Every goal it measures, 总体 included, is `goalsMeasuredBy`.
   */
  private linkGoals(): void {
    for (const t of this.tree.tables) {
      const goal = this.tree.goals.find((g) => tableKindOf(g.kind) === t.kind);
      if (goal) t.goalText = goal.text;
    }
  }
}

/** A figure: an amount, a rate, a date (`238.93`, `100.00%`, `20246`). */
const FIGURE = /^[\s\d.,:%％\-—/年月日]+$/;

/** A row under a grid's labels: figures, or a row label standing under a spanning group label (its first cell empty) and a figure. */
function holdsFigures(row: Row): boolean {
  let figures = 0;
  for (const c of row.cells) if (c.text !== '' && FIGURE.test(c.text)) figures++;
  return figures >= 2 || (row.cells[0].text === '' && figures > 0);
}

/** A second label row of a grid: the parts of merged labels above (`总额 | 财政拨款 | 其他资金`), its first cell under a spanning one. */
function isPartLabelRow(row: Row): boolean {
  const filled = nonEmptyCells(row);
  return row.cells[0].text === '' && filled.length >= 2 && filled.every((c) => isLabelLike(c.text));
}

/** A cell that reads as a label: short text, not a figure. */
function isLabelLike(text: string): boolean {
  return text.length <= MAX_LABEL_LENGTH && !FIGURE.test(text);
}

/**
 * A table without 一级 and 二级 columns that gives the hierarchy by indentation in its 三级 column
 * (docs/format.md §7.4): a few leading spaces for 一级, more for 二级, more for 三级. The rows
 * indented less than the deepest, with no value, are category headings: a 二级 when the framework
 * knows the name as one, else a 一级; the rows below them take them, as from a merged cell above.
 */
function byIndentation(drafts: Draft[], cols: GoalTable['columns']): void {
  if (cols.level1 >= 0 || cols.level2 >= 0 || cols.level3 < 0 || drafts.length < 2) return;
  const indent = (d: Draft) => leadingSpaces(d.row.cells[cols.level3]);
  let deepest = 0;
  let shallowest = Infinity;
  for (const d of drafts) {
    const n = indent(d);
    if (n > deepest) deepest = n;
    if (n < shallowest) shallowest = n;
  }
  if (deepest === shallowest) return;
  let level1: LevelValue | null = null;
  let level2: LevelValue | null = null;
  for (const d of drafts) {
    const cell = d.row.cells[cols.level3];
    const value = cols.target >= 0 ? d.row.cells[cols.target] : undefined;
    if (indent(d) < deepest && (value === undefined || value.text === '')) {
      d.category = true;
      const own = markedLevel(cell);
      if (!isLevel1Name(own.key) && parentsOfLevel2(own.key).length > 0) level2 = own;
      else {
        level1 = own;
        level2 = null;
      }
      continue;
    }
    if (level1) d.level1 = fromElsewhere(d.level1.cell, level1, 'above');
    if (level2) d.level2[0] = fromElsewhere(d.level2[0].cell, level2, 'above');
    d.pending = d.pending && level1 === null;
  }
}

/** Leading spaces of a cell's first paragraph (a full-width space counts as two). */
function leadingSpaces(cell: Cell | undefined): number {
  const raw = cell?.paragraphs[0]?.raw ?? '';
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) n++;
    else if (c === 0x3000) n += 2;
    else break;
  }
  return n;
}

/** A weight or a required-field marker after a category label: `产出指标(50分)`, `时效指标(必填)`. */
const LEVEL_MARKER = /[(（]\s*(必填|选填|\d+(\.\d+)?\s*分?)\s*[)）]$/;

/** A row's own 一级/二级, compared (its key) without a weight or required-field marker. */
function markedLevel(cell: Cell): LevelValue {
  const level = ownLevel(cell);
  if (!LEVEL_MARKER.test(level.key)) return level;
  return { ...level, key: level.key.replace(LEVEL_MARKER, '') };
}

/** A department's code written with its name: `[077]淮北市文化旅游体育局`, `湘潭市城市管理和综合执法局 308001`. */
const CODE_BEFORE = /^[[【(（]\s*(\d{2,12})\s*[\]】)）]/;
const CODE_AFTER = /\s(\d{3,12})$/;

function departmentCode(cell: Cell): Field['code'] {
  const text = cell.text;
  let m = CODE_BEFORE.exec(text);
  if (m) {
    const start = m[0].indexOf(m[1]);
    return { text: m[1], range: cellRange(cell, start, start + m[1].length) };
  }
  m = CODE_AFTER.exec(text);
  if (m) return { text: m[1], range: cellRange(cell, text.length - m[1].length, text.length) };
  return null;
}

function nonEmptyCells(row: Row): Cell[] {
  const out: Cell[] = [];
  for (const c of row.cells) if (c.text !== '') out.push(c);
  return out;
}

/**
 * The level cell of a table that has no such column (a table of 三级 names only): an empty cell
 * at the row's start, so that the level is empty and a rule pointing at it points into the row.
 */
function missingLevelCell(row: Row): Cell {
  const at = row.range.start;
  return { text: '', range: { start: at, end: at }, tab: false, paragraphs: [], segments: [] };
}

function cellValue(cells: readonly Cell[], index: number | null | undefined) {
  if (index === null || index === undefined || index < 0) return null;
  const cell = cells[index];
  return cell ? parseValue(cell) : null;
}

/** The target: its cell, or comparator | number | unit cells joined (docs/format.md §7.3), each part ranged in its own cell. */
function targetValue(cells: readonly Cell[], value: Cell, comparator: number | null, unit: number | null) {
  if (comparator === null && unit === null) return parseValue(value);
  return joinValue(comparator === null ? null : (cells[comparator] ?? null), value, unit === null ? null : (cells[unit] ?? null));
}

function rowMore(cells: readonly Cell[], cols: GoalTable['columns'], map: HeaderMap): RowMore | null {
  const extras = [];
  for (const h of map.headers) if (h.role === 'extra' && cells[h.index] && cells[h.index].text !== '') extras.push({ label: h.label, cell: cells[h.index] });
  const actual = cellValue(cells, cols.actual);
  const weight = cellValue(cells, cols.weight);
  const score = cellValue(cells, cols.score);
  const reason = cols.reason !== null && cols.reason !== undefined ? (cells[cols.reason] ?? null) : null;
  if (extras.length === 0 && actual === null && weight === null && score === null && reason === null) return null;
  return { actual, weight, score, reason, extras };
}
