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
  /** Diagnostics the document shows (rules set to 'off' not counted). */
  problems: number;
}

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
