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
