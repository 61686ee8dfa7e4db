/**
 * Several numbered goals in one cell (docs/format.md §7.1: a 年度绩效总目标 cell holding
 * `1、… 2、… 3、…`): each is a goal of its own, with its own range. A number counts as a goal's
 * marker at the cell's start, at a paragraph's start, or after a sentence's end (。；;), and only
 * when the markers run 1, 2, 3 … (at least two): `完成2、3号楼` is text.
 */
import type { Cell } from '../model';
import { toNumber } from './layouts/goal-tables';

export interface CellGoal {
  number: number | null;
  /** The goal's text in the cell, without its marker: [start, end) offsets of `cell.text`. */
  start: number;
  end: number;
  /** The marker's offsets (`1、`), when numbered. */
  markerStart: number;
  markerEnd: number;
}

const MARKER = /(?:目标\s*)?([0-9０-９]{1,2})\s*[、.．:：)）]|[(（]([0-9０-９]{1,2})[)）]/y;
const SENTENCE_END = /[。；;!！]/;

/** The goals of a cell: one per marker when numbered 1, 2, 3 …, else the whole cell as one un-numbered goal. */
export function goalsInCell(cell: Cell): CellGoal[] {
  const text = cell.text;
  const starts = new Set<number>([0]);
  // Paragraph starts: where a segment begins on a new line.
  for (let k = 1; k < cell.segments.length; k++) if (cell.segments[k].line !== cell.segments[k - 1].line) starts.add(cell.segments[k].offset);
  for (let i = 0; i < text.length; i++) if (SENTENCE_END.test(text[i])) starts.add(i + 1);
  const markers: { number: number; start: number; end: number }[] = [];
  for (const s of [...starts].sort((a, b) => a - b)) {
    let p = s;
    while (p < text.length && /\s/.test(text[p])) p++;
    MARKER.lastIndex = p;
    const m = MARKER.exec(text);
    if (!m) continue;
    const n = toNumber(m[1] ?? m[2]);
    if (n !== markers.length + 1) continue;
    markers.push({ number: n, start: p, end: p + m[0].length });
  }
  if (markers.length < 2) return [{ number: null, start: 0, end: text.length, markerStart: 0, markerEnd: 0 }];
  return markers.map((m, k) => {
    let end = k + 1 < markers.length ? markers[k + 1].start : text.length;
    while (end > m.end && /\s/.test(text[end - 1])) end--;
    let start = m.end;
    while (start < end && /\s/.test(text[start])) start++;
    return { number: m.number, start, end, markerStart: m.start, markerEnd: m.end };
  });
}
