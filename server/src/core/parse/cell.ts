/**
 * Building a cell's logical text from its source paragraphs, and mapping parts of that
 * text back to exact source ranges (format.md §2).
 */
import type { Cell, Paragraph, Range, TextSegment } from '../model';

/** Whitespace as String.prototype.trim sees it, for the characters that occur in these files. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 10 && c <= 13) || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680;
}

export function makeCell(paragraphs: Paragraph[], tab: boolean): Cell {
  // Runs once per cell of the file on every full parse: written to allocate little.
  const segments: TextSegment[] = [];
  let text = '';
  let repeated = true;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const raw = p.raw;
    let a = 0;
    let b = raw.length;
    while (a < b && isSpace(raw.charCodeAt(a))) a++;
    if (a === b) continue;
    while (b > a && isSpace(raw.charCodeAt(b - 1))) b--;
    const part = a === 0 && b === raw.length ? raw : raw.slice(a, b);
    if (segments.length > 0 && part !== text.slice(segments[segments.length - 1].offset)) repeated = false;
    segments.push({ offset: text.length, length: part.length, line: p.line, character: p.character + a });
    text += part;
  }
  if (segments.length > 1 && repeated) {
    segments.length = 1;
    text = text.slice(0, segments[0].length);
  }
  let range: Range;
  if (segments.length === 0) {
    const first = paragraphs[0];
    range = { start: { line: first.line, character: first.character }, end: { line: first.line, character: first.character } };
  } else {
    const a = segments[0];
    const b = segments[segments.length - 1];
    range = { start: { line: a.line, character: a.character }, end: { line: b.line, character: b.character + b.length } };
  }
  return { text, range, tab, paragraphs, segments };
}

/** Source position of an offset in the cell's logical text (an end offset maps to the end of its segment). */
export function cellPosition(cell: Cell, offset: number, isEnd = false): { line: number; character: number } {
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
