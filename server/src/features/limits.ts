/**
 * Limits on what the server does for one document, and how it says so.
 *
 * The largest realistic file (a whole district's submissions in one export) is fully served,
 * while above MAX_DOCUMENT_CHARS the server keeps the text in sync but does not parse or check
 * it: no diagnostics, hover, code actions, folding or workspace symbols for that file; it still
 * answers every request (empty results) and gives the outline of its departments (a line scan).
 * Editing the file back under the limit restores everything. Long lines need no limit: even a
 * very long line parses quickly. The measurements behind the limit are in docs/performance.md
 * ('Limits').
 */
import type { DocumentSymbol } from 'vscode-languageserver';
import type { DocumentModel } from '../core/model';
import { parseDocument } from '../core/parse/document';
import { splitLines } from '../core/parse/lines';
import { departmentName, isHeadingLines, isSectionStart } from '../core/parse/titles';
import { nameFromCells } from '../core/parse/section';
import type { Locale } from '../core/locale';
import { SECTION_KIND } from './document-symbols';

/** Documents longer than this (UTF-16 code units) are not parsed: past it, a file costs seconds of the server's only thread (docs/performance.md, 'Limits'). */
export const MAX_DOCUMENT_CHARS = 12_000_000;

export interface DocumentLimit {
  /** Length of the text in UTF-16 code units. */
  chars: number;
  max: number;
}

/** The limit a text exceeds, or null when the server serves it fully. */
export function limitFor(text: string, max = MAX_DOCUMENT_CHARS): DocumentLimit | null {
  if (text.length <= max) return null;
  return { chars: text.length, max };
}

/** The model a limited document gets: one empty section, so every feature returns nothing. */
export function emptyModel(): DocumentModel {
  return parseDocument('');
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const mchars = (n: number) => (n / 1e6).toFixed(1);

/** What the user is told (window/showMessage, warning). */
export function limitMessage(limit: DocumentLimit, bytes: number, file: string, locale: Locale): string {
  return locale === 'en'
    ? `target-table: ${file} is too large (${mb(bytes)} MB, ${mchars(limit.chars)} million characters; the limit is ${mchars(limit.max)} million). ` +
        'Diagnostics, hover, quick fixes and folding are off for this file; the department outline still works. ' +
        'Check it on the command line with `target-table check`, or split it by department.'
    : `target-table：${file} 文件过大（${mb(bytes)} MB，${mchars(limit.chars)} 百万字符，上限 ${mchars(limit.max)} 百万字符）。` +
        '已停止对此文件的检查、悬停提示、快速修复和折叠，仍提供部门大纲。' +
        '可在命令行用 `target-table check` 检查整个文件，或按部门拆分文件。';
}

/** What goes to the log (connection.console), in English for whoever reads the server log. */
export function limitLogMessage(limit: DocumentLimit, bytes: number, uri: string): string {
  return (
    `document too large, analysis limited: ${uri} has ${limit.chars} UTF-16 characters (${bytes} bytes) > MAX_DOCUMENT_CHARS ${limit.max}; ` +
    'not parsed or checked (diagnostics cleared; hover, code actions, folding, workspace symbols empty); text kept in sync; department outline served'
  );
}

export function unlimitedLogMessage(uri: string, chars: number): string {
  return `document back under the size limit, fully served again: ${uri} (${chars} characters)`;
}

/** The outline of a limited document: its departments, found by a scan of title lines. */
export function limitedOutline(text: string): DocumentSymbol[] {
  const { lines } = splitLines(text);
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isSectionStart(lines[i - 1], lines[i], lines[i + 1])) starts.push(i);
  const out: DocumentSymbol[] = [];
  starts.forEach((line, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : lines.length;
    const last = end - 1;
    // A title with nothing under it but a year line is a heading above the table's own title, not a section.
    if (k + 1 < starts.length && isHeadingLines(lines, line + 1, end)) return;
    const title = lines[line].trim();
    // A bare title (`项目支出绩效目标表`) names its section in the 项目名称 / 部门名称 cell below it.
    const name = departmentName(title) || nameFromCells(lines.slice(line, Math.min(end, line + 61)), 1) || title || '?';
    const range = { start: { line, character: 0 }, end: { line: last, character: lines[last].length } };
    out.push({ name, kind: SECTION_KIND, range, selectionRange: { start: { line, character: 0 }, end: { line, character: lines[line].length } } });
  });
  return out;
}
