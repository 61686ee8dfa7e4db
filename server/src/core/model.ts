/**
 * The document model of a 绩效目标表 text export (docs/format.md §3).
 *
 * Positions are LSP positions (0-based line, UTF-16 character) but every node inside a
 * section is stored RELATIVE to its section's first line. A section body is immutable and
 * shared between successive models when an edit does not touch it; only the section's
 * absolute `startLine` (kept in `SectionRef`) moves. That is what makes an edit cost
 * independent of the file's size: nothing outside the touched sections is rebuilt or shifted.
 * Use `absRange` / `absPosition` (below) to turn a relative position into a document position.
 */
import type { ColumnRole, FamilyId, FieldKey, FooterKind, GoalKindId } from './templates/types';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One source paragraph of a cell: a line, or the part of it after the cell's TAB. */
export interface Paragraph {
  /** Line relative to the section. */
  line: number;
  /** UTF-16 column where the paragraph's text starts (after the TAB for the first one). */
  character: number;
  /** The raw text of the paragraph (not trimmed). */
  raw: string;
}

/** A table cell: all its paragraphs, and the logical text a reader sees. */
export interface Cell {
  /** Logical text: non-blank paragraphs joined, trimmed of spaces/U+3000/TAB, repeated padded labels collapsed. */
  text: string;
  /** Range of the logical text in the source (relative lines); empty range at the cell start when text is ''. */
  range: Range;
  /** Whether the cell started with a TAB (false for stray paragraphs outside any table cell). */
  tab: boolean;
  paragraphs: Paragraph[];
  /**
   * Where each character of `text` comes from: segments of consecutive characters that sit on one
   * source line. Used to map parts of a value back to exact source ranges.
   */
  segments: TextSegment[];
}

export interface TextSegment {
  /** Offset in `Cell.text`. */
  offset: number;
  length: number;
  line: number;
  character: number;
}

/** A table row as the tokenizer sees it: the cells between two row-ending blank lines. */
export interface Row {
  cells: Cell[];
  /** Relative lines: first line of the first cell .. last line of the last cell. */
  range: Range;
}

export type Comparator = '≥' | '≤' | '>' | '<' | '=';

export interface ComparatorPart {
  raw: string;
  /** The comparator's meaning, normalised. */
  normalized: Comparator;
  /** true for ≥ ≤ > < = typed as such; false for ≧ ≦ ＞ ＜ ＝ 《 》 and friends. */
  standard: boolean;
  range: Range;
}

export interface NumberPart {
  raw: string;
  value: number;
  range: Range;
  /** The number was typed with full-width digits (１２３). `value` is still right. */
  fullWidth: boolean;
  /** The number used thousands separators (1,000). */
  thousands: boolean;
}

export interface UnitPart {
  text: string;
  range: Range;
}

/**
 * What a value is for the rules that switch on it. It is what the parser has always given and must not
 * change for a value it already read: a range (`1-2次`, `≥1-2次`) or a full date (`2025年12月`) stays
 * 'text'. `Value.shape` says more.
 */
export type ValueKind = 'numeric' | 'text' | 'placeholder' | 'empty';

/**
 * What a value's text has the shape of (docs/format.md §4, §7.5), finer than `kind`:
 * - 'number': `[comparator] number [unit] [qualifier]` (kind 'numeric'), including durations: `1年`,
 *   `12个月` are a number with the unit 年 / 个月. A year alone (`2025年`) is a 'date' instead.
 * - 'range': `1-2次`, `80%-90%`, `3～5个`, `1至2次`, `1-12月` (kind 'text'): `number` is the lower
 *   bound, `upper` the upper one, `unit` the unit after the upper bound; a unit after the lower bound
 *   (`80%`) must be the same one. A comparator before a range (`≥1-2次`) is kept and flagged
 *   (`ambiguousComparator`).
 * - 'date': `2025年`, `2025年12月`, `2025年12月31日`, optionally ending 前/底/末/以前/之前
 *   (`2025年底前`); `date` holds it. `2025年` keeps kind 'numeric' (number 2025, unit 年) as before;
 *   the others are kind 'text'.
 * - 'period': two dates with a range separator between them: `2023.07-2024.01`, `202001-202012`
 *   (two yyyymm), `2023-2025年`, `2023年-2024年`, `2023年7月至2024年6月`; `date` and `dateEnd` hold
 *   them. Where the text also reads as a range of numbers (every form but the last) `number`, `upper`
 *   and `unit` are set as for a range.
 * - 'boolean': 是, 否, 有, 无 (see `yesNo` in parse/value.ts). 无 keeps kind 'placeholder': rules
 *   keep reading it as "no value", while its shape says it can answer a yes/no indicator
 *   (`配合市局会计考试责任事故` → 无).
 * - 'grade': a short evaluative phrase from the grade lexicon (parse/value.ts `GRADES`): 优良, 良好,
 *   合格, 达标, 明显, 影响程度明显, 长期, 持续改善, 巩固提高, 显著提升 … (kind 'text').
 * - 'text': any other text (kind 'text'); 'placeholder' (- / —) and 'empty' as `kind`.
 */
export type ValueShape = 'number' | 'range' | 'date' | 'period' | 'boolean' | 'grade' | 'text' | 'placeholder' | 'empty';

/** A calendar date inside a value: `2025年12月`, one end of `2023.07-2024.01` or of `202001-202012`. */
export interface DatePart {
  /** The date's text (`2025年12月`, `2023.07`, `202001`). */
  raw: string;
  year: number;
  /** 1–12, or null for a year alone. */
  month: number | null;
  /** 1–31, or null. */
  day: number | null;
  range: Range;
}

/** A parsed 指标值 (docs/format.md §4, §7.5). */
export interface Value {
  /**
   * The cell's logical text; for a value written in three cells (`joinValue`), the texts of the cells
   * that joined, concatenated (`=116人`).
   */
  raw: string;
  kind: ValueKind;
  shape: ValueShape;
  /** The whole value: its cell's text range (the number cell's for a value joined from cells). */
  range: Range;
  comparator: ComparatorPart | null;
  /** The number, or the lower bound of a range (`1-2次` → 1). */
  number: NumberPart | null;
  /** The upper bound of a range (`1-2次` → 2, `80%-90%` → 90), with its own range; null when not a range. */
  upper: NumberPart | null;
  unit: UnitPart | null;
  /** Textual qualifier after the number: 以上 以内 以下 左右 (also 及以上 …). */
  qualifier: { text: string; range: Range } | null;
  /** Comparator meaning implied by the qualifier (以上 → ≥, 以内/以下 → ≤). */
  qualifierMeaning: Comparator | null;
  /**
   * A comparator before a range (`≥1-2次`, also before a period): is it a lower bound (≥1次) or a
   * range (1-2次)? The comparator, both bounds and the unit are all read; rule TT207 reports it.
   */
  ambiguousComparator: boolean;
  /** The date ('date'), or a period's first date ('period'); null for other shapes. */
  date: DatePart | null;
  /** A period's last date; null for other shapes. */
  dateEnd: DatePart | null;
  /** Ranges of whitespace found inside a numeric value, a range or a date (`≥ 20场`). */
  innerSpaces: Range[];
  /** The value's cell: the number cell of a value joined from cells. */
  cell: Cell | null;
  /**
   * For a value written in three cells (comparator | number | unit, `joinValue`): the comparator cell
   * and the unit cell as given (either may be empty, or not have joined: see `joinValue`). Null for a
   * value in one cell.
   */
  parts: { comparator: Cell | null; unit: Cell | null } | null;
}

export type GoalKind = 'long' | 'annual';

/** A goal as written in the 整体绩效总目标 overview. */
export interface OverviewGoal {
  kind: GoalKind;
  /** The goal number from `目标N：`, `N、` …; null when un-numbered. */
  number: number | null;
  /** The goal text without its numbering prefix. */
  text: string;
  cell: Cell;
  /** Range of the numbering prefix (`目标1：`), if any. */
  numberRange: Range | null;
}

export interface OverviewRow {
  row: Row;
  long: OverviewGoal | null;
  annual: OverviewGoal | null;
}

export interface Overview {
  headerRow: Row;
  /** Texts of the header cells (`整体绩效总目标`, `长期目标（截至2028年）`, `年度目标`). */
  headers: string[];
  rows: OverviewRow[];
  range: Range;
}

/**
 * Where a row's 一级 or 二级 comes from: its own cell, a merged cell above, a merged cell whose
 * label sits in a later row of the block (docs/format.md §7.4), or the category its 二级 implies.
 */
export type LevelOrigin = 'own' | 'above' | 'below' | 'inferred';

/** A 一级 or 二级 value: written in the row, or inherited from a merged cell above. */
export interface LevelValue {
  text: string;
  /** true when the row's own cell is empty and the value comes from elsewhere (`origin` says where). */
  inherited: boolean;
  origin: LevelOrigin;
  /**
   * `text` without whitespace, as categories are compared (`产出 指标` is `产出指标`). Worked out once
   * per label cell and shared by the rows that inherit it: the rules compared rows' categories by
   * compacting the same labels several times per row.
   */
  key: string;
  /** The row's own cell (may be empty). */
  cell: Cell;
  /** The cell the text comes from (the row's own cell, or the one above). */
  source: Cell | null;
}

export interface IndicatorRow {
  row: Row;
  /**
   * The label column: usually empty; holds the table label when the indicator header row is
   * missing. null when the table has no label column (一级 is the first cell).
   */
  label: Cell | null;
  level1: LevelValue;
  level2: LevelValue;
  level3: Cell;
  /** 前年 actual value (年度 tables only). */
  previous: Value | null;
  /** 上年 actual value (年度 tables only). */
  last: Value | null;
  /** 指标值 (长期) or 当年 target (年度). */
  target: Value;
  /** 指标值确定依据. */
  basis: Cell | null;
  /** 实际完成值 / 完成值 (self-evaluation tables). */
  actual: Value | null;
  /** 分值 / 权重. */
  weight: Value | null;
  /** 得分. */
  score: Value | null;
  /** 偏差原因 / 未完成原因分析. */
  reason: Cell | null;
  /** Cells of columns whose label the family does not know, by that label. */
  extras: readonly ExtraCell[];
  /** Number of cells in the source row (more than the table's width when spare empty cells trail). */
  width: number;
  range: Range;
}

export interface ExtraCell {
  label: string;
  cell: Cell;
}

/** One column of a table whose columns come from its header row (docs/format.md §7.3). */
export interface HeaderColumn {
  index: number;
  role: ColumnRole;
  /** The header text that named it (the second header row's, where it has one). */
  label: string;
  /** Known only as the start of a label: Word cut it short (`绩` for 绩效指标, `一级` for 一级指标). */
  cutShort: boolean;
  /** The header cell that named it (a second header row's, or a merged cell's above it); null when none did. */
  cell: Cell | null;
}

/**
 * Which column of a data row holds what (docs/format.md §3, §7.3). -1 (or null) for a column the
 * table does not have: no label column, no 指标值 …
 */
export interface ColumnMap {
  width: number;
  label: number;
  level1: number;
  level2: number;
  level3: number;
  previous: number | null;
  last: number | null;
  target: number;
  basis: number;
  /** Header-driven tables: the comparator and unit cells of a split value, self-evaluation columns. */
  comparator?: number | null;
  unit?: number | null;
  actual?: number | null;
  weight?: number | null;
  score?: number | null;
  reason?: number | null;
  /** Header-driven tables: every column as its header named it. */
  headers?: readonly HeaderColumn[];
}

export interface GoalTable {
  /** 长期 or 年度: the kind of goal its indicators measure (长期, 中期 and 实施期 goals have 长期 tables). */
  kind: GoalKind;
  /** Goal number from `长期目标N：`; null when the header has none. */
  number: number | null;
  headerRow: Row;
  /** The `长期目标N：` cell. */
  headerCell: Cell;
  /** The goal text cell of the header row. */
  goalCell: Cell | null;
  /** Goal text without a repeated `目标N：` prefix. */
  goalText: string;
  /** The `长期绩效指标 | 一级指标 | …` row, if present. */
  indicatorHeader: Row | null;
  /** The 年度 table's extra header rows (`近两年指标值 | 预计当年实现值`, `前年 | 上年`). */
  subHeaders: Row[];
  columns: ColumnMap;
  rows: IndicatorRow[];
  /** 二级 rows with no indicator (an empty 三级 and value): template rows left unfilled (§7.4). */
  unfilled: Row[];
  range: Range;
}

/** A header-zone label/value pair (docs/format.md §7.2): 项目名称, 主管部门及代码, 项目期 … */
export interface Field {
  /** What the label means, when the family knows it. */
  key: FieldKey | null;
  label: Cell;
  /** The value cell; null when the label stands alone (a group label such as 项目资金 over its rows). */
  value: Cell | null;
  /** In a grid (a budget block), the row's label (总额, 其中:财政资金); the field's label is its column's. */
  group: Cell | null;
  /** A 主管部门's code written with its name (`[077]…`, `… 308001`), with its range in the value cell. */
  code: { text: string; range: Range } | null;
}

/** A goal of a header-driven section (长期, 中期, 实施期, 年度, 总体): a label/value cell or a goal header's column. */
export interface Goal {
  kind: GoalKindId;
  /** The goal number from `目标N：`, `N、` …; null when un-numbered. */
  number: number | null;
  text: string;
  /** The label that named it (`年度绩效目标(文字)`, the goal header's `长期目标`). */
  label: Cell;
  cell: Cell;
  /** The goal's text in its cell: the whole cell, or one numbered goal of several in it. */
  range: Range;
  /** Range of the numbering (`1、`), if any. */
  numberRange: Range | null;
  /** Its label is known only as the start of one (`年度` for 年度目标): Word cut it short. */
  labelCutShort: boolean;
}

/**
 * A row that is no table content: one that closes a table (合计, 评价结论, 存在问题, 改进措施,
 * signatures: docs/format.md §7.4), or a note (其他需说明的问题, a paragraph of text before the first title).
 */
export interface FooterNode {
  kind: FooterKind;
  row: Row;
  range: Range;
}

/**
 * How a section's rows are read: §3's goal tables, header-driven indicator tables (§7), a title
 * alone (a heading), or the text before the first title (a preamble).
 */
export type SectionLayout = 'goal-tables' | 'indicator-tables' | 'heading' | 'preamble';

export type StrayReason = 'unexpected-width' | 'stray-text' | 'no-table';

/** Content the parser could not place. Nothing in a file is silently dropped. */
export interface StrayNode {
  reason: StrayReason;
  /** The row, when the stray content is a row of cells. */
  row: Row | null;
  text: string;
  range: Range;
  /** For unexpected-width rows: the width the enclosing table expects. */
  expectedWidth?: number;
}

export interface Title {
  /** Full title text as read (split titles joined). */
  text: string;
  range: Range;
  /** Range of the department name inside the title. */
  nameRange: Range;
}

/**
 * One department's section, or the preamble before the first title (then `title` is null).
 * Immutable and plain parsed data; positions relative to the section's first line. What is computed
 * from a body is kept by its producer, keyed by the body (./body-cache.ts, ./tree-memo.ts).
 *
 * `lines`, `eols`, `chars`, `title` and `department` are built with the body and kept.
 * The tree (`rows`, `unit`, `moneyUnit`, `overview`, `tables`, `stray`) is built from the lines
 * when first read and kept only while recently used (parse/section.ts): reading it again later
 * may give an equal tree of new objects, so do not keep nodes of a body you no longer use.
 */
export interface SectionBody {
  /** Source lines of the section (without line breaks) and the break after each. */
  readonly lines: readonly string[];
  readonly eols: readonly string[];
  /** Length of the section's text in UTF-16 units, line breaks included. */
  readonly chars: number;
  readonly title: Title | null;
  readonly department: string | null;
  /** The table family its title names ('overall' for a section without one). */
  readonly family: FamilyId;
  /** A bracketed tail of the title that is not a year (`高标准农田建设`). */
  readonly subtitle: string | null;
  readonly layout: SectionLayout;
  /** The title zone's year line (`(2022年度)`), when the section has one. */
  readonly year: Cell | null;
  /** Header-zone fields (header-driven sections). */
  readonly fields: Field[];
  /** Goals of a header-driven section (§3's are in `overview`). */
  readonly goals: Goal[];
  readonly footers: FooterNode[];
  /** The `单位：万元` cell, when present. */
  readonly unit: Cell | null;
  /** The unit named by the header zone, e.g. `万元`. */
  readonly moneyUnit: string | null;
  readonly overview: Overview | null;
  readonly tables: GoalTable[];
  readonly stray: StrayNode[];
  /** All rows as tokenized (useful for features that walk the raw table). */
  readonly rows: Row[];
}

export interface SectionRef {
  /** Absolute line of the section's first line. */
  startLine: number;
  body: SectionBody;
}

export interface DocumentModel {
  sections: SectionRef[];
  /** Number of lines in the document (a text with no line break has 1). */
  lineCount: number;
}

export function absPosition(ref: SectionRef, p: Position): Position {
  return { line: ref.startLine + p.line, character: p.character };
}

export function absRange(ref: SectionRef, r: Range): Range {
  return { start: absPosition(ref, r.start), end: absPosition(ref, r.end) };
}

/** Document order of two positions: negative, zero or positive. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** Index of the section holding an absolute line (binary search on start lines; 0 before the first). */
export function sectionIndexAt(sections: readonly SectionRef[], line: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid].startLine <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whole range of a section, relative. */
export function sectionRange(body: SectionBody): Range {
  const last = body.lines.length - 1;
  return { start: { line: 0, character: 0 }, end: { line: last, character: body.lines[last].length } };
}
