/**
 * Messages between the table view's panel (./panel.ts, in the extension host) and its renderer
 * (client/webview/table-view.ts, in the webview). No imports of `vscode`: both sides compile it.
 */
import type { TableView, ViewPosition, ViewRange, ViewTextEdit } from '../../../protocol';

export type ToView =
  { type: 'view'; view: TableView; readOnly: boolean; locale: 'zh' | 'en' } | { type: 'cursor'; line: number } | { type: 'message'; text: string };

export type FromView =
  | { type: 'ready' }
  /** Put the text editor's cursor there (a click on a cell, a section chosen in the list). */
  | { type: 'reveal'; at: ViewPosition }
  /** Replace a cell's source text (its paragraphs joined with `\n`) in the version the view was made from. */
  | { type: 'edit'; version: number; range: ViewRange; text: string; eol: string }
  /** Apply a problem's quick fix. */
  | { type: 'fix'; version: number; edits: ViewTextEdit[] }
  /** Insert an empty indicator row after the row at this line. */
  | { type: 'insertRow'; version: number; line: number };
