/**
 * Tokenizer: lines → cells → rows (format.md §2).
 *
 * The text is a Word table exported one paragraph per line. A cell starts with a TAB
 * (possibly after spaces: line 1 of the sample is SPACE+TAB); following non-TAB lines are
 * further paragraphs of the same cell, even after blank lines. Blank lines followed by a
 * TAB line end a row. Rows that a stray blank line split in two are rejoined later by the
 * parser, which knows the table's width.
 */
import type { Cell, Paragraph, Row } from '../model';
import { makeCell } from './cell';

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
  let cells: Cell[] = [];
  let paragraphs: Paragraph[] | null = null;
  let tab = false;
  let blanks: number[] = [];

  const closeCell = () => {
    if (paragraphs) cells.push(makeCell(paragraphs, tab));
    paragraphs = null;
  };
  const closeRow = () => {
    closeCell();
    if (cells.length) rows.push(makeRow(cells));
    cells = [];
  };

  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.length === 0) {
      blanks.push(i);
      continue;
    }
    const t = cellTabIndex(line);
    if (t >= 0) {
      if (blanks.length) closeRow();
      else closeCell();
      blanks = [];
      paragraphs = [{ line: i, character: t + 1, raw: line.slice(t + 1) }];
      tab = true;
    } else if (paragraphs) {
      for (const b of blanks) paragraphs.push({ line: b, character: 0, raw: '' });
      blanks = [];
      paragraphs.push({ line: i, character: 0, raw: line });
    } else {
      closeRow();
      blanks = [];
      paragraphs = [{ line: i, character: 0, raw: line }];
      tab = false;
    }
  }
  closeRow();
  return rows;
}

export function makeRow(cells: Cell[]): Row {
  const first = cells[0].paragraphs[0];
  const lastCell = cells[cells.length - 1];
  let end = lastCell.range.end;
  const lastPara = lastCell.paragraphs[lastCell.paragraphs.length - 1];
  if (lastPara.line > end.line) end = { line: lastPara.line, character: lastPara.character + lastPara.raw.length };
  return { cells, range: { start: { line: first.line, character: first.character }, end: { ...end } } };
}
