/**
 * Parser: one department section's lines → its part of the model (docs/format.md §3).
 *
 * The rows of a section come in zones: the title, the header zone (`单位：万元`), the
 * 整体绩效总目标 overview, then goal tables (`长期目标N：` header row, optional indicator
 * header, 年度 sub-headers, data rows). Whatever does not fit where it stands becomes a
 * `StrayNode`, so the rules can point at it: nothing is dropped.
 */
import type {
  Cell,
  ColumnMap,
  GoalKind,
  GoalTable,
  IndicatorRow,
  LevelValue,
  Overview,
  OverviewGoal,
  Range,
  Row,
  SectionBody,
  StrayNode,
  Title,
  Value,
} from '../model';
import { asciiDigits, compact } from '../text';
import { newTreeMemo, type TreeMemo } from '../tree-memo';
import { cellRange } from './cell';
import { departmentName, isTitleLine, lineText } from './titles';
import { makeRow, tokenize } from './tokenizer';
import { emptyValue, parseValue } from './value';

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

// The tests that run on every row are loops, not every/some/map with a callback: unoptimised (the
// first sections of a cold check), each element is a call back from the builtin into JavaScript.
function isEmptyRow(row: Row): boolean {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) if (cells[i].text !== '') return false;
  return true;
}

/**
 * A section body. Only the cheap parts are built when the document is parsed: the lines, the
 * title and the department (what the incremental parser and the section list need). The tree
 * (rows, overview, goal tables, stray content) is built from the lines when first asked for and
 * kept in a small pool of recently used trees (below); an evicted tree is rebuilt, equal, on the
 * next access, since a body is a pure function of its lines.
 *
 * Why: the tree is many times the size of its text. Built for every department at once and kept,
 * it was promoted to the old generation and much of opening a large file was garbage collection.
 * Built one department at a time and dropped, a tree dies young (a cheap scavenge) and the memory
 * an open file keeps is its lines plus per-section results (problems, diagnostics, outline), kept
 * by their producers (../body-cache.ts). Figures: docs/performance.md, 'Parse and section trees'.
 */
class Section implements SectionBody {
  /** The tree, while it is in the pool. Private: neither enumerated nor compared. */
  #tree: SectionTree | null = null;
  readonly #titleLines: number;

  constructor(
    readonly lines: readonly string[],
    readonly eols: readonly string[],
    readonly chars: number,
    readonly title: Title | null,
    readonly department: string | null,
    titleLines: number,
  ) {
    this.#titleLines = titleLines;
  }

  get rows(): Row[] {
    return Section.tree(this).rows;
  }
  get unit(): Cell | null {
    return Section.tree(this).unit;
  }
  get moneyUnit(): string | null {
    return Section.tree(this).moneyUnit;
  }
  get overview(): Overview | null {
    return Section.tree(this).overview;
  }
  get tables(): GoalTable[] {
    return Section.tree(this).tables;
  }
  get stray(): StrayNode[] {
    return Section.tree(this).stray;
  }

  /** The section's tree: from the pool (made most recently used), else built and pooled. */
  static tree(s: Section): SectionTree {
    // The common case: rules and features ask for one section's fields many times in a row.
    if (s === mru) return s.#tree!;
    let tree = s.#tree;
    if (tree === null) {
      tree = buildTree(s.lines, s.#titleLines, s.title !== null);
      s.#tree = tree;
    } else {
      pool.delete(s);
    }
    pool.add(s);
    mru = s;
    trimPool();
    return tree;
  }

  static evict(s: Section): void {
    s.#tree = null;
    if (mru === s) mru = null;
  }

  static hasTree(s: Section): boolean {
    return s.#tree !== null;
  }
}

/** The part of a section built on demand: its rows and everything parsed from them. */
interface SectionTree {
  rows: Row[];
  unit: Cell | null;
  moneyUnit: string | null;
  overview: Overview | null;
  tables: GoalTable[];
  stray: StrayNode[];
  /** What is worked out from this tree and holds its nodes (../tree-memo.ts): it goes with the tree. */
  memo: TreeMemo | null;
}

/**
 * The pool of built trees, least recently used first. Its size holds every tree of a file the size
 * of the sample, so features on such a file never rebuild one, and in a larger file the
 * departments an editor works on (docs/performance.md, 'Parse and section trees').
 */
export const DEFAULT_TREE_POOL_SIZE = 48;
let poolSize = DEFAULT_TREE_POOL_SIZE;
const pool = new Set<Section>();
/** The most recently used section: its tree is built and it is in the pool. */
let mru: Section | null = null;

function trimPool(): void {
  while (pool.size > poolSize) {
    const s = pool.values().next().value!;
    pool.delete(s);
    Section.evict(s);
  }
}

/** Sets how many section trees are kept (at least 1); returns the previous size. For tests and benchmarks. */
export function setTreePoolSize(size: number): number {
  const previous = poolSize;
  poolSize = Math.max(1, Math.floor(size));
  trimPool();
  return previous;
}

/** Drops every pooled tree (tests and benchmarks: a cold start). */
export function clearTreePool(): void {
  for (const s of pool) Section.evict(s);
  pool.clear();
}

/** Whether a section's tree is built now (tests; `checkSection`). */
export function hasTree(body: SectionBody): boolean {
  return body instanceof Section && Section.hasTree(body);
}

/**
 * Drops a tree that was built for a one-time use: checking a section whose tree was not built.
 * A check of a whole document (on open) then builds one tree at a time, and each is garbage
 * before the next is built: it dies young, in a scavenge, and pushes no tree an editor uses out
 * of the pool. Keeping such trees while the pool had room was worse: with the first 47 trees of
 * the check alive, V8 saw cells and rows survive and went on promoting (pretenuring) the trees that
 * followed, which then died in the old generation, and scavenges and the check were slower
 * (docs/performance.md, 'Parse and section trees').
 */
export function retireTree(body: SectionBody): void {
  if (!(body instanceof Section) || !pool.delete(body)) return;
  Section.evict(body);
}

/**
 * The body with its tree's fields as plain data properties, for
 * a run of rules over one section. Rules read a section's fields thousands of times; through the
 * getters, each read went through `Section.tree`, and the optimising compiler inlined that, with the
 * pool and the tree builder behind it, into every rule: compiling the rules was most of its work on
 * a cold check, and finished late, while the rules ran unoptimised. The view is one object per
 * check, of one shape. The tree stays in the pool as the most recently used while the rules run
 * (they touch no other section).
 */
export function treeView(body: SectionBody): SectionBody {
  if (!(body instanceof Section)) return body;
  const tree = Section.tree(body);
  return {
    lines: body.lines,
    eols: body.eols,
    chars: body.chars,
    title: body.title,
    department: body.department,
    unit: tree.unit,
    moneyUnit: tree.moneyUnit,
    overview: tree.overview,
    tables: tree.tables,
    stray: tree.stray,
    rows: tree.rows,
  };
}

/**
 * The memo of a section's tree (../tree-memo.ts), made with the tree: it holds tree nodes, so it is
 * dropped when the tree is. A body that is not a parsed section (a test's literal) gets a fresh one.
 */
export function treeMemo(body: SectionBody): TreeMemo {
  if (!(body instanceof Section)) return newTreeMemo();
  const tree = Section.tree(body);
  return (tree.memo ??= newTreeMemo());
}

export function parseSection(lines: readonly string[], eols: readonly string[], hasTitle: boolean): SectionBody {
  let titleLines = 0;
  let title: Title | null = null;
  if (hasTitle) {
    titleLines = isTitleLine(lines[0]) ? 1 : 2;
    title = readTitle(lines, titleLines);
  }
  let chars = 0;
  for (let i = 0; i < lines.length; i++) chars += lines[i].length + eols[i].length;
  return new Section(lines, eols, chars, title, title ? departmentName(title.text) : null, titleLines);
}

function buildTree(lines: readonly string[], titleLines: number, hasTitle: boolean): SectionTree {
  const tree: SectionTree = {
    rows: tokenize(lines, titleLines, lines.length),
    unit: null,
    moneyUnit: null,
    overview: null,
    tables: [],
    stray: [],
    memo: null,
  };
  new SectionParser(tree, hasTitle).run();
  return tree;
}

function readTitle(lines: readonly string[], count: number): Title {
  const first = lines[0];
  const lead = first.length - first.trimStart().length;
  const lastLine = lines[count - 1];
  const lastEnd = lastLine.trimEnd().length;
  const text = count === 1 ? lineText(first) : lineText(lines[0]) + lineText(lines[1]);
  const name = departmentName(text);
  const firstText = lineText(first);
  const nameLen = Math.min(name.length, firstText.length);
  return {
    text,
    range: { start: { line: 0, character: lead }, end: { line: count - 1, character: lastEnd } },
    nameRange: { start: { line: 0, character: lead }, end: { line: 0, character: lead + nameLen } },
  };
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
    const first = row.cells.find((c) => c.text !== '');
    if (first && compact(first.text).startsWith('整体绩效')) {
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
    const rows = this.tree.rows;
    let count = row.cells.length;
    let j = this.i;
    while (j < rows.length && count < width) {
      const next = rows[j];
      if (isEmptyRow(next) || tableHeader(next)) break;
      count += next.cells.length;
      j++;
    }
    if (count !== width) return row;
    const cells: Cell[] = [...row.cells];
    for (let k = this.i; k < j; k++) cells.push(...rows[k].cells);
    this.i = j;
    return makeRow(cells);
  }

  private stray(reason: StrayNode['reason'], row: Row, expectedWidth?: number): void {
    const text = row.cells
      .map((c) => c.text)
      .filter((t) => t !== '')
      .join(' | ');
    const node: StrayNode = { reason, row, text, range: row.range };
    if (expectedWidth !== undefined) node.expectedWidth = expectedWidth;
    this.tree.stray.push(node);
  }
}

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

/**
 * An indicator row. Its range is its row's, computed when asked for: a copy made up front was 3
 * objects per row that hardly anything reads.
 */
class IndicatorRowNode implements IndicatorRow {
  constructor(
    readonly row: Row,
    readonly label: Cell,
    readonly level1: LevelValue,
    readonly level2: LevelValue,
    readonly level3: Cell,
    readonly previous: Value | null,
    readonly last: Value | null,
    readonly target: Value,
    readonly basis: Cell | null,
    readonly width: number,
  ) {}

  get range(): Range {
    return this.row.range;
  }
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

function inherit(cell: Cell, above: LevelValue | null): LevelValue {
  if (cell.text !== '' || !above || above.text === '')
    return { text: cell.text, inherited: false, key: compact(cell.text), cell, source: cell.text !== '' ? cell : null };
  return { text: above.text, inherited: true, key: above.key, cell, source: above.source };
}
