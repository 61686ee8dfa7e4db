/**
 * Full and incremental parsing of a whole document.
 *
 * A document is a list of sections, one per department title (plus a preamble when text
 * precedes the first title). Sections are parsed independently, so an edit re-parses only
 * the sections it touches and reuses every other section body as it is, moving only its
 * start line. The result is always equal to a full parse of the new text (a property test
 * checks this on thousands of random edits).
 */
import { sectionIndexAt, type DocumentModel, type Position, type SectionBody, type SectionRef } from '../model';
import { joinLines, splitLines } from './lines';
import { parseSection, retireTree } from './section';
import { isSectionStart, mayEndTitle } from './titles';

/** An LSP content change: a replaced range, or (no range) the whole new text. */
export interface TextChange {
  range?: { start: Position; end: Position };
  text: string;
}

export function parseDocument(text: string): DocumentModel {
  const { lines, eols } = splitLines(text);
  return { sections: sectionsOf(lines, eols, 0, true), lineCount: lines.length };
}

/** Cuts lines into sections and parses each; `base` is the absolute line of lines[0]. */
function sectionsOf(lines: string[], eols: string[], base: number, atDocumentStart: boolean, starts?: number[]): SectionRef[] {
  starts ??= findStarts(lines, undefined, undefined);
  const refs: SectionRef[] = [];
  const bounds = [...starts];
  if (bounds[0] !== 0) {
    // Text before the first title: a preamble (only possible at the document's start).
    if (!atDocumentStart) throw new Error('internal: window must start at a section start');
    bounds.unshift(0);
  }
  for (let k = 0; k < bounds.length; k++) {
    const a = bounds[k];
    const b = k + 1 < bounds.length ? bounds[k + 1] : lines.length;
    const hasTitle = starts.length > 0 && (k > 0 || starts[0] === 0);
    refs.push({ startLine: base + a, body: parseSection(lines.slice(a, b), eols.slice(a, b), hasTitle) });
  }
  return refs;
}

function findStarts(lines: readonly string[], before: string | undefined, after: string | undefined): number[] {
  const starts: number[] = [];
  const n = lines.length;
  // A section starts only at a title line or at the line before one, and every title ends with 表:
  // one test per line (the next line's result carries over) rejects all other lines, instead of
  // the two or three that isSectionStart makes (titles are a tiny share of the lines).
  let nextBiao = n > 0 && mayEndTitle(lines[0]);
  for (let i = 0; i < n; i++) {
    const curBiao = nextBiao;
    const next = i + 1 < n ? lines[i + 1] : after;
    nextBiao = next !== undefined && mayEndTitle(next);
    if (!curBiao && !nextBiao) continue;
    const prev = i > 0 ? lines[i - 1] : before;
    if (isSectionStart(prev, lines[i], next)) starts.push(i);
  }
  return starts;
}

/** Length of the document's text (UTF-16 units): O(sections), no text is built. */
export function documentLength(model: DocumentModel): number {
  let n = 0;
  for (const s of model.sections) n += s.body.chars;
  return n;
}

/** The document's text, rebuilt from its sections byte for byte. */
export function documentText(model: DocumentModel): string {
  let text = '';
  for (const s of model.sections) text += joinLines(s.body.lines, s.body.eols);
  return text;
}

/** Applies LSP content changes, in order, to a model. */
export function updateDocument(model: DocumentModel, changes: readonly TextChange[]): DocumentModel {
  for (const change of changes) model = applyChange(model, change);
  return model;
}

/**
 * Retires the trees of the sections `prev` had and `next` no longer has, for the owner of a
 * document that replaced one version by the next. Left in the pool, the tree of every body a
 * keystroke replaced lived on until 48 newer trees pushed it out: each scavenge copied the trees
 * of the last few keystrokes and promoted them, to die in the old generation. Retired, a replaced
 * tree is garbage at once (docs/performance.md, 'Issue 12: replaced trees'). Unchanged bodies are
 * shared by the two models in the same order, so the replaced ones lie between a common prefix and
 * a common suffix; a reader still holding `prev` gets an equal tree rebuilt on demand.
 */
export function retireReplacedTrees(prev: DocumentModel, next: DocumentModel): void {
  const a = prev.sections;
  const b = next.sections;
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo].body === b[lo].body) lo++;
  let ea = a.length;
  let eb = b.length;
  while (ea > lo && eb > lo && a[ea - 1].body === b[eb - 1].body) {
    ea--;
    eb--;
  }
  if (ea === lo) return;
  const kept = new Set<SectionBody>();
  for (let i = lo; i < eb; i++) kept.add(b[i].body);
  for (let i = lo; i < ea; i++) if (!kept.has(a[i].body)) retireTree(a[i].body);
}

/**
 * Applies edits made against one version of a model all at once, as the `TextEdit[]` of an LSP
 * `WorkspaceEdit`: every range names the text of `model`, ranges must not overlap (touching is
 * fine; edits at the same position apply in the order given). The result equals applying them
 * one by one from the last to the first with `updateDocument`, and a full parse of the new text,
 * but the section array is rebuilt once: `updateDocument` copies it for every change, which made
 * a fix-all of a big file (one change per department) quadratic.
 *
 * The edits are walked in document order. Edits whose sections touch are re-parsed as one window;
 * a window widens exactly as in `applyChange` (over the sections already rebuilt before it, which
 * hold the new text, and over the old ones after it, which nothing has edited yet).
 */
export function updateDocumentBatch(model: DocumentModel, changes: readonly TextChange[]): DocumentModel {
  if (changes.length === 0) return model;
  if (changes.some((c) => !c.range)) {
    if (changes.length === 1) return parseDocument(changes[0].text);
    throw new Error('updateDocumentBatch: a full-text change cannot be combined with other changes');
  }
  const old = model.sections;
  const last = model.lineCount - 1;
  const edits = changes.map((c, order) => {
    let { start, end } = c.range!;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
    if (start.line > last) start = { line: last, character: Number.MAX_SAFE_INTEGER };
    if (end.line > last) end = { line: last, character: Number.MAX_SAFE_INTEGER };
    if (start.line < 0) start = { line: 0, character: 0 };
    if (end.line < 0) end = { line: 0, character: 0 };
    return { start, end, text: c.text, order, lo: sectionIndexAt(old, start.line), hi: sectionIndexAt(old, end.line) };
  });
  const cmp = (a: Position, b: Position) => a.line - b.line || a.character - b.character;
  edits.sort((x, y) => cmp(x.start, y.start) || cmp(x.end, y.end) || x.order - y.order);
  for (let i = 1; i < edits.length; i++) {
    if (cmp(edits[i].start, edits[i - 1].end) < 0) throw new Error('updateDocumentBatch: overlapping edits');
  }

  const out: SectionRef[] = [];
  let k = 0; // the first old section not yet copied to `out` or taken into a window
  let delta = 0; // line shift of the old sections from k on
  let lineCount: number | undefined; // set when a window reaches the end of the document
  let i = 0;
  while (i < edits.length) {
    const lo = edits[i].lo;
    let hi = edits[i].hi;
    let j = i + 1;
    for (; k < lo; k++) out.push(shifted(old[k], delta));
    let prefix = 0; // sections taken back from the end of `out` into the window
    for (;;) {
      while (j < edits.length && edits[j].lo <= hi) {
        if (edits[j].hi > hi) hi = edits[j].hi;
        j++;
      }
      // The window's text: the sections taken back from `out` (new text), then old[lo..hi] edited.
      const base = old[lo].startLine;
      const starts: number[] = [];
      const lengths: number[] = [];
      let offset = 0;
      let oldText = '';
      for (let s = lo; s <= hi; s++) {
        const b = old[s].body;
        for (let l = 0; l < b.lines.length; l++) {
          starts.push(offset);
          lengths.push(b.lines[l].length);
          offset += b.lines[l].length + b.eols[l].length;
        }
        oldText += joinLines(b.lines, b.eols);
      }
      // Offsets clamped the way LSP text documents clamp (as offsetIn).
      const at = (p: Position): number => {
        const l = p.line - base;
        if (l < 0) return 0;
        if (l >= starts.length) return oldText.length;
        return starts[l] + Math.max(0, Math.min(p.character, lengths[l]));
      };
      let text = '';
      for (let s = out.length - prefix; s < out.length; s++) text += joinLines(out[s].body.lines, out[s].body.eols);
      let pos = 0;
      for (let e = i; e < j; e++) {
        const a = at(edits[e].start);
        const b = at(edits[e].end);
        text += oldText.slice(pos, a) + edits[e].text;
        pos = Math.max(pos, b);
      }
      text += oldText.slice(pos);
      const { lines, eols } = splitLines(text);
      if (hi + 1 < old.length) {
        lines.pop();
        eols.pop();
      }
      const first = out.length - prefix; // index in `out` of the window's first section
      const windowStart = prefix > 0 ? out[first].startLine : base + delta;
      const before = lineBefore(out, first, 1);
      const after = lineAfter(old, hi + 1, 0);
      const sectionStarts = findStarts(lines, before, after);
      if (first > 0 && sectionStarts[0] !== 0) {
        prefix++;
        continue;
      }
      if (
        first > 0 &&
        isSectionStart(lineBefore(out, first, 2), before!, lines[0]) !== (out[first - 1].body.lines.length === 1 && out[first - 1].body.title !== null)
      ) {
        prefix++;
        continue;
      }
      if (hi + 1 < old.length && !isSectionStart(lines[lines.length - 1], after!, lineAfter(old, hi + 1, 1))) {
        hi++;
        continue;
      }
      if (lines.length === 0) throw new Error('internal: empty window');
      const fresh = sectionsOf(lines, eols, windowStart, first === 0, sectionStarts);
      out.length = first;
      for (const f of fresh) out.push(f);
      if (hi + 1 < old.length) delta = windowStart + lines.length - old[hi + 1].startLine;
      else lineCount = windowStart + lines.length;
      break;
    }
    k = hi + 1;
    i = j;
  }
  for (; k < old.length; k++) out.push(shifted(old[k], delta));
  return { sections: out, lineCount: lineCount ?? model.lineCount + delta };
}

function shifted(ref: SectionRef, delta: number): SectionRef {
  return delta === 0 ? ref : { startLine: ref.startLine + delta, body: ref.body };
}

/** The n-th line (1 = the last) before section `index` of `sections`, walking back over sections. */
function lineBefore(sections: readonly SectionRef[], index: number, n: number): string | undefined {
  for (let s = index - 1; s >= 0; s--) {
    const lines = sections[s].body.lines;
    if (n <= lines.length) return lines[lines.length - n];
    n -= lines.length;
  }
  return undefined;
}

/** Line `rel` (0-based) from the start of section `index` on, walking forward over sections. */
function lineAfter(sections: readonly SectionRef[], index: number, rel: number): string | undefined {
  for (let s = index; s < sections.length; s++) {
    const lines = sections[s].body.lines;
    if (rel < lines.length) return lines[rel];
    rel -= lines.length;
  }
  return undefined;
}

/** A line of the old model by section index and relative line, walking into neighbours. */
function lineOf(sections: readonly SectionRef[], k: number, rel: number): string | undefined {
  while (k >= 0 && k < sections.length) {
    const lines = sections[k].body.lines;
    if (rel < 0) {
      k--;
      if (k < 0) return undefined;
      rel += sections[k].body.lines.length;
    } else if (rel >= lines.length) {
      rel -= lines.length;
      k++;
    } else {
      return lines[rel];
    }
  }
  return undefined;
}

/** Offset of a position in a window of lines, clamped the way LSP text documents clamp. */
function offsetIn(lines: readonly string[], eols: readonly string[], line: number, character: number): number {
  if (line < 0) return 0;
  let offset = 0;
  if (line >= lines.length) {
    for (let i = 0; i < lines.length; i++) offset += lines[i].length + eols[i].length;
    return offset;
  }
  for (let i = 0; i < line; i++) offset += lines[i].length + eols[i].length;
  return offset + Math.max(0, Math.min(character, lines[line].length));
}

function applyChange(model: DocumentModel, change: TextChange): DocumentModel {
  if (!change.range) return parseDocument(change.text);
  let { start, end } = change.range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
  const sections = model.sections;
  const last = model.lineCount - 1;
  // Positions past the end clamp to the end of the document, as in LSP.
  if (start.line > last) start = { line: last, character: Number.MAX_SAFE_INTEGER };
  if (end.line > last) end = { line: last, character: Number.MAX_SAFE_INTEGER };
  if (start.line < 0) start = { line: 0, character: 0 };
  if (end.line < 0) end = { line: 0, character: 0 };

  let lo = sectionIndexAt(sections, start.line);
  let hi = sectionIndexAt(sections, end.line);
  for (;;) {
    const windowStart = sections[lo].startLine;
    const oldLines: string[] = [];
    const oldEols: string[] = [];
    for (let k = lo; k <= hi; k++) {
      oldLines.push(...sections[k].body.lines);
      oldEols.push(...sections[k].body.eols);
    }
    const text = joinLines(oldLines, oldEols);
    const a = offsetIn(oldLines, oldEols, start.line - windowStart, start.character);
    const b = offsetIn(oldLines, oldEols, end.line - windowStart, end.character);
    const { lines, eols } = splitLines(text.slice(0, a) + change.text + text.slice(b));
    // A window that ended with a line break must still end with one: splitLines adds an empty
    // last line for the text after the final break, which belongs to the next section.
    if (hi + 1 < sections.length) {
      lines.pop();
      eols.pop();
    }

    const before = lineOf(sections, lo, -1);
    const after = lineOf(sections, hi + 1, 0);
    const starts = findStarts(lines, before, after);

    // The window's first line must still start a section, or it merges with the previous one.
    if (lo > 0 && starts[0] !== 0) {
      lo--;
      continue;
    }
    // The line before the window may have become a split title's name line.
    if (
      lo > 0 &&
      isSectionStart(lineOf(sections, lo, -2), before!, lines[0]) !== (sections[lo - 1].body.lines.length === 1 && sections[lo - 1].body.title !== null)
    ) {
      lo--;
      continue;
    }
    // The next section's first line must still start it.
    if (hi + 1 < sections.length && !isSectionStart(lines[lines.length - 1], after!, lineOf(sections, hi + 1, 1))) {
      hi++;
      continue;
    }
    if (lines.length === 0) {
      // The window vanished into the next section's line (cannot happen: a window keeps its break).
      throw new Error('internal: empty window');
    }

    const fresh = sectionsOf(lines, eols, windowStart, lo === 0, starts);
    const delta = lines.length - oldLines.length;
    const tail = sections.slice(hi + 1).map((s) => (delta === 0 ? s : { startLine: s.startLine + delta, body: s.body }));
    return { sections: [...sections.slice(0, lo), ...fresh, ...tail], lineCount: model.lineCount + delta };
  }
}
