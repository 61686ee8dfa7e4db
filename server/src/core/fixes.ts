/**
 * Choosing and applying fixes, shared by the code actions and `target-table check --fix`.
 *
 * Fix-all takes the safe fixes in document order and skips any fix whose edits overlap an
 * edit already taken (identical edits are taken once). A skipped fix is not lost: fix-all runs
 * in passes (re-checking the fixed text) until no safe fix is left, so applying fix-all a
 * second time changes nothing.
 */
import { comparePositions, type DocumentModel, type Position } from './model';
import { documentText, parseDocument, updateDocumentBatch, type TextChange } from './parse/document';
import { splitLines } from './parse/lines';
import type { DocumentProblem } from './rules/index';
import type { TextEdit } from './rules/types';
import { checkDocument, isListed } from './rules/index';
import type { Settings } from './settings';

export type { TextEdit };

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0 && a.newText === b.newText;
}

/** Whether two edits cannot both be applied unambiguously. */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  const [a0, a1, b0, b1] = [a.range.start, a.range.end, b.range.start, b.range.end];
  if (comparePositions(a0, b1) < 0 && comparePositions(b0, a1) < 0) return true;
  // Two insertions (or an insertion and a replacement) at the same point: the order is ambiguous.
  return comparePositions(a0, b0) === 0 && (comparePositions(a0, a1) === 0 || comparePositions(b0, b1) === 0);
}

/**
 * What fix-all takes (fix-on-save, `check --fix`, and of one code, "fix all of this kind"): safe fixes
 * of problems the user is shown (`isListed`: not hints), so nothing is changed that was not listed.
 */
export function fixAllTakes(p: DocumentProblem): boolean {
  return !!p.fix?.safe && isListed(p.severity);
}

/**
 * Edits of the fixes of `problems` that pass `accept`, without overlaps or duplicates, sorted
 * by position. A fix is taken whole or not at all.
 */
export function collectFixEdits(
  problems: readonly DocumentProblem[],
  accept: (p: DocumentProblem) => boolean = fixAllTakes,
): { edits: TextEdit[]; fixes: number; skipped: number } {
  // `taken` stays sorted by start and never holds two conflicting edits, so no two share a start
  // and an edit can only conflict with its neighbours there: a binary search instead of a scan of
  // every edit taken (which made fix-all quadratic).
  const taken: TextEdit[] = [];
  let fixes = 0;
  let skipped = 0;
  const lowerBound = (p: Position): number => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(taken[mid].range.start, p) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const isTaken = (e: TextEdit): boolean => {
    const i = lowerBound(e.range.start);
    return i < taken.length && sameEdit(taken[i], e);
  };
  const conflictsWithTaken = (e: TextEdit): boolean => {
    const i = lowerBound(e.range.start);
    if (i > 0 && editsConflict(taken[i - 1], e)) return true;
    for (let j = i; j < taken.length; j++) {
      const s = taken[j].range.start;
      if (comparePositions(s, e.range.end) >= 0 && comparePositions(s, e.range.start) !== 0) break;
      if (editsConflict(taken[j], e)) return true;
    }
    return false;
  };
  const candidates = problems.filter((p) => p.fix && p.fix.edits.length > 0 && accept(p));
  candidates.sort((x, y) => comparePositions(x.fix!.edits[0].range.start, y.fix!.edits[0].range.start));
  for (const p of candidates) {
    const fresh = p.fix!.edits.filter((e) => !isTaken(e));
    if (fresh.length === 0) continue; // the same fix was already taken (reported twice)
    const internal = fresh.some((e, i) => fresh.some((f, j) => j > i && editsConflict(e, f)));
    if (internal || fresh.some(conflictsWithTaken)) {
      skipped++;
      continue;
    }
    for (const e of fresh) taken.splice(lowerBound(e.range.start), 0, { range: e.range, newText: e.newText });
    fixes++;
  }
  return { edits: taken, fixes, skipped };
}

/** Offsets of the start of each line (LSP line breaks: \r\n, \n, \r). */
function lineOffsets(text: string): number[] {
  const { lines, eols } = splitLines(text);
  const out: number[] = [];
  let o = 0;
  for (let i = 0; i < lines.length; i++) {
    out.push(o);
    o += lines[i].length + eols[i].length;
  }
  return out;
}

function offsetAt(text: string, starts: number[], p: Position): number {
  if (p.line < 0) return 0;
  if (p.line >= starts.length) return text.length;
  const lineStart = starts[p.line];
  const next = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  let lineEnd = next;
  while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
  return Math.min(lineStart + Math.max(0, p.character), lineEnd);
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const starts = lineOffsets(text);
  const spans = edits
    .map((e) => ({ a: offsetAt(text, starts, e.range.start), b: offsetAt(text, starts, e.range.end), t: e.newText }))
    .sort((x, y) => x.a - y.a || x.b - y.b);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.a < pos) throw new Error('overlapping edits');
    out += text.slice(pos, s.a) + s.t;
    pos = s.b;
  }
  return out + text.slice(pos);
}

/** Edits turning `before` into `after`: one per changed line when the line count is kept, else one block. */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const edits: TextEdit[] = [];
  if (a.lines.length === b.lines.length && a.eols.every((e, i) => e === b.eols[i])) {
    for (let i = 0; i < a.lines.length; i++) {
      const x = a.lines[i];
      const y = b.lines[i];
      if (x === y) continue;
      let p = 0;
      while (p < x.length && p < y.length && x[p] === y[p]) p++;
      let s = 0;
      while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
      edits.push({ range: { start: { line: i, character: p }, end: { line: i, character: x.length - s } }, newText: y.slice(p, y.length - s) });
    }
    return edits;
  }
  // Line count changed: replace the span between the common prefix and suffix.
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  // Never cut a \r\n in two: a position cannot point between its characters.
  if (p > 0 && before[p - 1] === '\r' && before[p] === '\n') p--;
  if (s > 0 && before[before.length - s - 1] === '\r' && before[before.length - s] === '\n') s--;
  const starts = lineOffsets(before);
  const pos = (o: number): Position => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  };
  return [{ range: { start: pos(p), end: pos(before.length - s) }, newText: after.slice(p, after.length - s) }];
}

const MAX_PASSES = 10;

export interface FixAllResult {
  /** Edits against the original text (exactly the fixes' edits when one pass was enough). */
  edits: TextEdit[];
  /** Number of fixes applied over all passes. */
  fixes: number;
  model: DocumentModel;
  passes: number;
}

/** A pass's edits as one batch of content changes against the model they were computed on. */
function asChanges(edits: readonly TextEdit[]): TextChange[] {
  return edits.map((e) => ({ range: e.range, text: e.newText }));
}

/**
 * All safe fixes (that pass `accept`) of a document, applied in passes until none is left.
 * The model is updated incrementally between passes, so only fixed sections are re-checked; each
 * pass's edits go in as one batch (`updateDocumentBatch`: the section array is rebuilt once per
 * pass, not once per department fixed), so a fix-all costs time linear in the file's size.
 */
export function fixAll(
  model: DocumentModel,
  settings: Settings,
  accept?: (p: DocumentProblem) => boolean,
  problems?: readonly DocumentProblem[],
): FixAllResult {
  const first = collectFixEdits(problems ?? problemsOf(model, settings), accept);
  if (first.edits.length === 0) return { edits: [], fixes: 0, model, passes: 0 };
  let current = updateDocumentBatch(model, asChanges(first.edits));
  let fixes = first.fixes;
  let passes = 1;
  let extra = false;
  while (passes < MAX_PASSES) {
    const next = collectFixEdits(problemsOf(current, settings), accept);
    if (next.edits.length === 0) break;
    current = updateDocumentBatch(current, asChanges(next.edits));
    fixes += next.fixes;
    passes++;
    extra = true;
  }
  const edits = extra ? diffEdits(documentText(model), documentText(current)) : first.edits;
  return { edits, fixes, model: current, passes };
}

/** Fix-all on a plain text (the command line). */
export function fixAllText(text: string, settings: Settings): { text: string; fixes: number; model: DocumentModel } {
  const model = parseDocument(text);
  const r = fixAll(model, settings);
  return { text: r.fixes > 0 ? documentText(r.model) : text, fixes: r.fixes, model: r.model };
}

/** Every problem of a document for the settings (the rule results are cached per section body). */
function problemsOf(model: DocumentModel, settings: Settings): DocumentProblem[] {
  return checkDocument(model.sections, settings.rules, settings.severity, settings.suppressed);
}
