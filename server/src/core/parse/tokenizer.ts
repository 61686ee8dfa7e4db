/**
 * Tokenizer: lines → cells → rows (docs/format.md §2).
 *
 * The text is a Word table exported one paragraph per line. A cell starts with a TAB
 * (possibly after spaces: line 1 of the sample is SPACE+TAB); following non-TAB lines are
 * further paragraphs of the same cell, even after blank lines. Blank lines followed by a
 * TAB line end a row. Rows that a stray blank line split in two are rejoined later by the
 * parser, which knows the table's width.
 */
import type { Cell, Range, Row } from '../model';
import { CellNode, makeCell } from './cell';

/** Index of the TAB that starts a cell, or -1 when the line is not a cell start. */
export function cellTabIndex(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9) return i;
    // spaces, U+3000 and a BOM may precede the TAB
    if (c !== 32 && c !== 0x3000 && c !== 0xfeff) return -1;
  }
  return -1;
}

/**
 * Tokenizes lines[from, to) into rows. Line numbers in the result are the indices in `lines`.
 * A paragraph outside any cell (a title or `单位：万元` typed without TAB) becomes a cell with
 * `tab: false` in a row of its own.
 */
export function tokenize(lines: readonly string[], from: number, to: number): Row[] {
  const rows: Row[] = [];
  let cells: CellNode[] = [];
  // the open cell: its first line and column (-1: none), whether it has a TAB, its last non-blank line
  let first = -1;
  let firstCharacter = 0;
  let last = -1;
  let tab = false;
  let blanks = 0;
  // Closing a cell or a row is written out where it happens, not as closures over this state:
  // closures were two new functions per section, each compiled again by the optimising compiler.
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.length === 0) {
      blanks++;
      continue;
    }
    const t = cellTabIndex(line);
    if (t >= 0) {
      // a TAB line closes the open cell, and after blank lines the row
      if (first >= 0) cells.push(makeCell(lines, first, firstCharacter, last, tab));
      if (blanks && cells.length) {
        rows.push(makeRow(cells));
        cells = [];
      }
      first = i;
      firstCharacter = t + 1;
      last = i;
      tab = true;
    } else if (first >= 0) {
      // blank lines before a continuation line are empty paragraphs of the same cell
      last = i;
    } else {
      // a paragraph outside any cell: a row of its own
      if (cells.length) {
        rows.push(makeRow(cells));
        cells = [];
      }
      first = i;
      firstCharacter = 0;
      last = i;
      tab = false;
    }
    blanks = 0;
  }
  if (first >= 0) cells.push(makeCell(lines, first, firstCharacter, last, tab));
  if (cells.length) rows.push(makeRow(cells));
  return rows;
}

/** A row; its range (first cell's TAB line to the end of the last cell) is computed when asked for. */
class RowNode implements Row {
  constructor(readonly cells: Cell[]) {}
  get range(): Range {
    const first = this.cells[0] as CellNode;
    const last = this.cells[this.cells.length - 1] as CellNode;
    let end = { line: last.endLine, character: last.endCharacter };
    if (last.lastLine > end.line) {
      const p = last.paragraphs;
      const lastPara = p[p.length - 1];
      end = { line: lastPara.line, character: lastPara.character + lastPara.raw.length };
    }
    return { start: { line: first.firstLine, character: first.firstCharacter }, end };
  }
}

export function makeRow(cells: readonly Cell[]): Row {
  return new RowNode(cells as Cell[]);
}
