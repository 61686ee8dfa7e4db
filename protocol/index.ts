/**
 * The custom requests between the extension (client/) and the language server (server/), one
 * place for both sides: the method names and the shapes of their params and results. Any LSP
 * client can send them; this module has no dependencies, so each side's bundle takes it as is.
 */

/** `targetTable/stats`: a one-line summary of a document, behind the extension's language status item. */
export const STATS_REQUEST = 'targetTable/stats';

export interface StatsParams {
  uri: string;
}

/** The reply to `targetTable/stats` (null for a document the server does not have open). */
export interface Stats {
  /** Departments (sections with a title). */
  departments: number;
  /** Goals of the 整体绩效总目标 overviews (长期 and 年度 cells). */
  goals: number;
  /** Goal tables (长期目标N / 年度目标N). */
  tables: number;
  /** Indicator data rows. */
  indicators: number;
  /** Problems the Problems panel lists for the document: rules set to 'off' and hints (never listed there) not counted. */
  problems: number;
}

/**
 * `targetTable/tableView`: one section of a document laid out as the Word table looked, for the
 * extension's table view (client/webview) or any client that wants to draw it. The server does the
 * layout (merged cells, header spans, which problem sits in which cell); a client only renders.
 */
export const TABLE_VIEW_REQUEST = 'targetTable/tableView';

export interface TableViewParams {
  uri: string;
  /** A line of the section to show (the cursor's): the section holding it, or the first one after it. */
  line: number;
  /** The `sectionsId` of the section list the client has: when it is still the list, the reply leaves `sections` out. */
  sectionsId?: string;
}

export interface ViewPosition {
  line: number;
  character: number;
}

export interface ViewRange {
  start: ViewPosition;
  end: ViewPosition;
}

export interface ViewTextEdit {
  range: ViewRange;
  newText: string;
}

export type ViewSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A problem of the section, with its quick fix when the rule has one. */
export interface ViewProblem {
  code: string;
  severity: ViewSeverity;
  message: string;
  range: ViewRange;
  fix: { title: string; edits: ViewTextEdit[] } | null;
}

/** What a cell is, for styling and for the inlay-like column name a renderer may show. */
export type ViewCellRole =
  | 'title'
  | 'label'
  | 'value'
  | 'goal'
  | 'header'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'target'
  | 'previous'
  | 'last'
  | 'actual'
  | 'basis'
  | 'weight'
  | 'score'
  | 'reason'
  | 'comparator'
  | 'unit'
  | 'extra'
  | 'text';

/** A piece of a value cell's text: comparator, number and unit are set apart. */
export interface ViewValuePart {
  kind: 'comparator' | 'number' | 'unit' | 'qualifier' | 'text';
  text: string;
}

export interface ViewCell {
  /** The text a reader sees (paragraphs joined). */
  text: string;
  role: ViewCellRole;
  /** Columns and rows the cell spans; left out when 1 (as for most cells, to keep the reply small). */
  colSpan?: number;
  rowSpan?: number;
  /**
   * Absolute lines of the cell's source paragraphs (a merged cell: its label's cell); left out when
   * they are the first and last line of `edit.span` (`cellPlace` fills them in).
   */
  firstLine?: number;
  lastLine?: number;
  /** Where a click puts the cursor: the start of the cell's text (after the TAB); left out when it is `edit.span`'s start. */
  at?: ViewPosition;
  /** A merged 一级/二级 whose label stands in another row of its block, or inferred from the 二级. */
  origin?: 'above' | 'below' | 'inferred';
  /** A value's comparator, number and unit, when the cell holds a value. */
  parts?: ViewValuePart[];
  /** Indexes into `TableView.problems` of the problems that sit in this cell; left out when none. */
  problems?: number[];
  /**
   * How to replace the cell's source text: the span its paragraphs cover (first paragraph's start to
   * last paragraph's end), their raw text joined with `\n` (left out when it is `text`) and the line
   * break to join new paragraphs with (left out when it is the view's `eol`). Null for a cell that
   * cannot be edited here (a cell the row does not have).
   */
  edit: { span: ViewSpan; source?: string; eol?: string } | null;
}

/**
 * A range as four numbers, start line and character, end line and character: the form of a cell's
 * edit span, since a section has hundreds of cells and the view is asked for after every keystroke.
 */
export type ViewSpan = [startLine: number, startCharacter: number, endLine: number, endCharacter: number];

export function spanRange(s: ViewSpan): ViewRange {
  return { start: { line: s[0], character: s[1] }, end: { line: s[2], character: s[3] } };
}

/** A cell's source lines and click position, the defaults the reply leaves out filled in (−1: a cell with no source). */
export function cellPlace(c: ViewCell): { firstLine: number; lastLine: number; at: ViewPosition } {
  const s = c.edit?.span;
  return {
    firstLine: c.firstLine ?? s?.[0] ?? -1,
    lastLine: c.lastLine ?? s?.[2] ?? -1,
    at: c.at ?? (s ? { line: s[0], character: s[1] } : { line: -1, character: 0 }),
  };
}

export interface ViewRow {
  kind: 'header' | 'data' | 'unfilled' | 'rows';
  cells: ViewCell[];
  /** Absolute line of the row's first line (for "insert a row after this one"). */
  line: number;
}

/** A run of the section as one table: the header zone, the overview, a goal's indicator table, footers. */
export interface ViewBlock {
  kind: 'rows' | 'overview' | 'table' | 'stray';
  /** The table's name (长期目标1, 年度绩效指标) or null. */
  name: string | null;
  /** Columns of the grid the rows' spans add up to. */
  columns: number;
  rows: ViewRow[];
  firstLine: number;
  lastLine: number;
}

export interface ViewSectionItem {
  /** Absolute line where the section starts (to move the cursor there). */
  line: number;
  name: string;
  family: string;
}

/** The reply to `targetTable/tableView` (null for a document the server does not have open). */
export interface TableView {
  uri: string;
  /** The document version the view was made from: an edit from the view applies to this version only. */
  version: number;
  /**
   * Every section a reader can move to (titled sections and untitled tables); left out when the
   * request's `sectionsId` is still `sectionsId` (the list did not change).
   */
  sections?: ViewSectionItem[];
  /** Names this section list, for the next request's `sectionsId`. */
  sectionsId: string;
  /** The line break of the section (a cell's `edit.eol` when it has none of its own). */
  eol: string;
  /** Index in `sections` of the one shown; -1 when the document has none. */
  current: number;
  title: string | null;
  /** The section's title zone: year and subtitle. */
  subtitle: string | null;
  family: string;
  firstLine: number;
  lastLine: number;
  blocks: ViewBlock[];
  problems: ViewProblem[];
  /** Problems of the section that sit in no cell (a title, a blank line). */
  loose: number[];
  /** Set when the file is over the size limit: no view, only this reason. */
  limited?: string;
}

/**
 * `targetTable.showReferences`: the command of the goal navigation's code lenses (server
 * features/code-lens.ts). A client command, not the server's: it shows `locations` in a references
 * peek at `position` of `uri` (the VS Code extension's client/src/commands/show-references.ts).
 * Arguments are LSP JSON: `[uri, position, locations]`.
 */
export const SHOW_REFERENCES_COMMAND = 'targetTable.showReferences';

export type ShowReferencesArguments = [
  uri: string,
  position: { line: number; character: number },
  locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[],
];

/** A position and a range as LSP has them (0-based line, UTF-16 character), for the requests below. */
export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

/**
 * `targetTable/insertRow`: an empty indicator row of the table's width after the row at `line`, or
 * before the first data row when `line` is in the table's header rows (the editor's 插入指标行
 * command and the table view both send it).
 */
export const INSERT_ROW_REQUEST = 'targetTable/insertRow';

export interface InsertRowParams {
  uri: string;
  /** The document version the line refers to; the reply is null when the server's text is another version. */
  version?: number;
  /** Any line of a table row or of a table header (0-based). */
  line: number;
}

/**
 * The reply to `targetTable/insertRow`, null when the line is in no indicator table. Positions in
 * `cursor` and `selection` are in the document after `edit` is applied.
 */
export interface InsertRowResult {
  /** One insertion: the new row's cells (a line each, starting with a TAB) and its row-ending blank line. */
  edit: { range: ProtocolRange; newText: string };
  /** Where the cursor goes: the start of the new row's 三级 name. */
  cursor: ProtocolPosition;
  /** The name's placeholder, selected so that typing replaces it. */
  selection: ProtocolRange;
}

/**
 * `targetTable/export`: files exported or reported on by the server, for the editor's commands
 * 导出为 CSV / JSON / Excel and 生成审核报告. The server reads each file from the open document when it
 * is open, else from disk (`file:` URIs), so a folder's files need not be opened.
 * - `json`, `csv`: `target-table export` of each file (its tables), one result per file;
 * - `xlsx`: one workbook for all files (a sheet of problems, one of indicators);
 * - `html`: the review report of all files, one self-contained page.
 */
export const EXPORT_REQUEST = 'targetTable/export';

export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'html';

export interface ExportParams {
  uris: string[];
  format: ExportFormat;
}

export interface ExportOutput {
  /** The file exported (json, csv), or null for a result covering all of them (xlsx, html). */
  uri: string | null;
  /** The bytes: UTF-8 text, or base64 when `base64` (xlsx). */
  data: string;
  base64: boolean;
}

export interface ExportResult {
  outputs: ExportOutput[];
  /** Files left out, with why (unreadable, not UTF-8, no target table), in the reply's language. */
  skipped: { uri: string; reason: string }[];
}

/**
 * `targetTable.reopenWithEncoding`: the command of the wrong-encoding diagnostic's quick fix (server
 * features/encoding-check.ts). A client command: it reopens the document `uri` decoded as `encoding`
 * (the VS Code extension's client/src/commands/reopen-with-encoding.ts). Arguments: `[uri, encoding]`.
 */
export const REOPEN_WITH_ENCODING_COMMAND = 'targetTable.reopenWithEncoding';

export type ReopenWithEncodingArguments = [uri: string, encoding: string];

/**
 * `targetTable/workspaceProgress` (server → client notification): how far the background check of
 * the workspace's files (`targetTable.scope: "workspace"`) has got, for the language status item.
 * Sent when a scan starts, every few files and when it ends (`checked === total`); `total` 0 with
 * `active` false when the scope is "open" again.
 */
export const WORKSPACE_PROGRESS_NOTIFICATION = 'targetTable/workspaceProgress';

export interface WorkspaceProgress {
  /** Files checked so far in this round. */
  checked: number;
  /** Files found (the round's total; grows while the folders are still being listed). */
  total: number;
  /** Whether the workspace scope is on (false: the status item shows nothing of it). */
  active: boolean;
  /** Files with at least one problem listed, and problems in them (the files checked so far). */
  filesWithProblems: number;
  problems: number;
}

/**
 * `targetTable/filePatterns` (client → server notification): the globs of the language's files
 * changed (the user's `files.associations`); the workspace scope lists its files again.
 */
export const FILE_PATTERNS_NOTIFICATION = 'targetTable/filePatterns';

export interface FilePatternsParams {
  patterns: string[];
}
