/**
 * Smart selection (Expand Selection, Shift+Alt+→): cell → row → table → section. Each step is the
 * source span of a node of the model around the position: the cell's paragraphs, its row, the
 * goal or indicator table (or the overview) holding the row, the section. LSP wants each range to
 * contain the one before it; a step that would not grow it is left out.
 */
import type { Position, Range, SelectionRange } from 'vscode-languageserver';
import { absRange, comparePositions, sectionRange, type DocumentModel, type SectionBody } from '../core/model';
import { cellLines, rowHasLine, sectionAt } from './locate';

const contains = (outer: Range, inner: Range) => comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
const same = (a: Range, b: Range) => comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;

/** The span of lines first..last of a section, relative: from the first line's start to the last line's end. */
function linesSpan(body: SectionBody, first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last, character: body.lines[last]?.length ?? 0 } };
}

/** The relative ranges around a relative position, innermost first. */
function spansAt(body: SectionBody, rel: Position): Range[] {
  const spans: Range[] = [];
  const row = body.rows.find((r) => rowHasLine(r, rel.line));
  if (row) {
    const cell = row.cells.find((c) => {
      const [a, b] = cellLines(c);
      return a <= rel.line && rel.line <= b;
    });
    if (cell) {
      const [a, b] = cellLines(cell);
      // The cell's text where the position is inside it, then its whole lines.
      if (contains(cell.range, { start: rel, end: rel }) && cell.text !== '') spans.push(cell.range);
      spans.push(linesSpan(body, a, b));
    }
    spans.push(linesSpan(body, row.range.start.line, row.range.end.line));
  }
  const table = body.tables.find((t) => t.range.start.line <= rel.line && rel.line <= t.range.end.line);
  const block =
    table?.range ?? (body.overview && body.overview.range.start.line <= rel.line && rel.line <= body.overview.range.end.line ? body.overview.range : null);
  if (block) spans.push(linesSpan(body, block.start.line, block.end.line));
  spans.push(sectionRange(body));
  return spans;
}

export function selectionRanges(model: DocumentModel, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => {
    const ref = sectionAt(model, p.line);
    const empty: SelectionRange = { range: { start: p, end: p } };
    if (!ref) return empty;
    const rel = { line: p.line - ref.startLine, character: p.character };
    let parent: SelectionRange | undefined;
    // Outermost first, so each range is its child's parent; a range that does not contain the next is dropped.
    const spans = spansAt(ref.body, rel).map((r) => absRange(ref, r));
    const chain: Range[] = [];
    for (const r of spans) {
      const inner = chain[chain.length - 1];
      if (inner && (same(inner, r) || !contains(r, inner))) continue;
      chain.push(r);
    }
    for (let i = chain.length - 1; i >= 0; i--) parent = parent ? { range: chain[i], parent } : { range: chain[i] };
    return parent ?? empty;
  });
}
