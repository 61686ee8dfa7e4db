/**
 * Building a cell's logical text from its source paragraphs, and mapping parts of that
 * text back to exact source ranges (docs/format.md §2).
 *
 * A cell's paragraphs are always consecutive lines (its TAB line, then continuation and blank
 * lines), so a cell is stored as a span of its section's lines plus a few numbers. Ranges,
 * paragraphs and segments are computed when asked for. This keeps the model small: a full
 * parse builds tens of thousands of cells, and every object they hold is garbage-collector work
 * on each keystroke that re-parses a section and memory for as long as the file is open.
 */
import type { Cell, Paragraph, Range, TextSegment } from '../model';

/** Whitespace as String.prototype.trim sees it (spaces, TAB, U+3000, NBSP, BOM …). */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0xfeff ||
    (c >= 10 && c <= 13) ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680
  );
}

/**
 * Whether `s` holds any whitespace (as isSpace sees it). The common characters (CJK, ASCII
 * letters, digits and punctuation) are ruled out by two comparisons, without a call to isSpace
 * each: labels are scanned this way many times per row on a check, much of it before the scan is
 * optimised, when every call is a real one.
 */
export function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c > 32 && c < 0xa0) || (c > 0x3000 && c < 0xfeff)) continue;
    if (isSpace(c)) return true;
  }
  return false;
}

export class CellNode implements Cell {
  /** The section's lines; private so that it is neither enumerated nor compared. */
  readonly #lines: readonly string[];

  constructor(
    lines: readonly string[],
    readonly text: string,
    readonly tab: boolean,
    /** First paragraph: its line and the column after the TAB. */
    readonly firstLine: number,
    readonly firstCharacter: number,
    /** Last paragraph's line (blank paragraphs included). */
    readonly lastLine: number,
    /** Start of the logical text's range (its end is computed: see `endLine`). */
    readonly startLine: number,
    readonly startCharacter: number,
    /** Segments, stored only when the text comes from more than one line. */
    private readonly multi: TextSegment[] | null,
  ) {
    this.#lines = lines;
  }

  /**
   * End of the logical text's range: the end of its last segment, or on the start line. Computed,
   * not stored: two fields less on every cell, and a big file builds a great many cells.
   */
  get endLine(): number {
    return this.multi ? this.multi[this.multi.length - 1].line : this.startLine;
  }

  get endCharacter(): number {
    if (!this.multi) return this.startCharacter + this.text.length;
    const last = this.multi[this.multi.length - 1];
    return last.character + last.length;
  }

  /** Whether the text comes from more than one source line. */
  get isMultiLine(): boolean {
    return this.multi !== null;
  }

  get range(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }

  get segments(): TextSegment[] {
    if (this.multi) return this.multi;
    return this.text === '' ? [] : [{ offset: 0, length: this.text.length, line: this.startLine, character: this.startCharacter }];
  }

  get paragraphs(): Paragraph[] {
    const out: Paragraph[] = [];
    for (let i = this.firstLine; i <= this.lastLine; i++) {
      const character = i === this.firstLine ? this.firstCharacter : 0;
      out.push({ line: i, character, raw: this.#lines[i].slice(character) });
    }
    return out;
  }
}

/**
 * The cell whose paragraphs are lines[firstLine] (from `firstCharacter`) … lines[lastLine].
 * Its logical text: each paragraph trimmed of spaces, U+3000 and TABs, blank paragraphs dropped,
 * the rest joined with nothing (a paragraph break inside a cell is a wrap: `满意度⏎指标` is
 * `满意度指标`). A label padded and repeated inside one merged cell (`产出指标`, blanks, `产出指标`)
 * collapses to one copy.
 */
export function makeCell(lines: readonly string[], firstLine: number, firstCharacter: number, lastLine: number, tab: boolean): CellNode {
  let text = '';
  let segs: TextSegment[] | null = null;
  let count = 0;
  let repeated = true;
  let prev = '';
  let sl = firstLine,
    sc = firstCharacter;
  for (let i = firstLine; i <= lastLine; i++) {
    const raw = lines[i];
    let a = i === firstLine ? firstCharacter : 0;
    let b = raw.length;
    while (a < b && isSpace(raw.charCodeAt(a))) a++;
    if (a === b) continue;
    while (b > a && isSpace(raw.charCodeAt(b - 1))) b--;
    const part = a === 0 && b === raw.length ? raw : raw.slice(a, b);
    if (count === 0) {
      sl = i;
      sc = a;
    } else {
      if (part !== prev) repeated = false;
      segs ??= [{ offset: 0, length: text.length, line: sl, character: sc }];
      segs.push({ offset: text.length, length: part.length, line: i, character: a });
    }
    text += part;
    prev = part;
    count++;
  }
  if (count > 1 && repeated) {
    text = prev;
    segs = null;
  }
  return new CellNode(lines, text, tab, firstLine, firstCharacter, lastLine, sl, sc, segs);
}

/** Source position of an offset in the cell's logical text (an end offset maps to the end of its segment). */
export function cellPosition(cell: Cell, offset: number, isEnd = false): { line: number; character: number } {
  if (cell instanceof CellNode && !cell.isMultiLine) {
    // one segment (or none): no need to build the segment list
    return { line: cell.startLine, character: cell.startCharacter + Math.max(0, Math.min(offset, cell.text.length)) };
  }
  const segs = cell.segments;
  if (segs.length === 0) return { ...cell.range.start };
  for (const s of segs) {
    if (offset < s.offset + s.length || (isEnd && offset === s.offset + s.length)) {
      return { line: s.line, character: s.character + Math.max(0, offset - s.offset) };
    }
  }
  const last = segs[segs.length - 1];
  return { line: last.line, character: last.character + last.length };
}

/** Source range of `text.slice(start, end)` of a cell. */
export function cellRange(cell: Cell, start: number, end: number): Range {
  if (start === end) {
    const p = cellPosition(cell, start, true);
    return { start: p, end: { ...p } };
  }
  return { start: cellPosition(cell, start), end: cellPosition(cell, end, true) };
}
