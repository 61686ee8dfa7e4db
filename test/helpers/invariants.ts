/**
 * What must hold for ANY text, whatever garbage it holds: the checks of the robustness
 * property tests (test/unit/fuzz/). Each function throws an AssertionError naming what broke.
 *
 * - the model: sections start at line 0, follow each other without gap or overlap, cover every
 *   line, rebuild the text byte for byte (nothing lost), and every position/range in a section
 *   lies inside it with start ≤ end;
 * - problems: every range (and related range, and fix edit range) lies inside the document;
 * - fixes: each edit changes something (range text ≠ newText), stays on one line and adds no line
 *   break; fix-all keeps every line break, and a second fix-all finds nothing left to do.
 */
import * as assert from 'node:assert/strict';
import type { DocumentModel, Position, Range, SectionBody } from '../../server/src/core/model';
import { CellNode } from '../../server/src/core/parse/cell';
import { documentText, parseDocument } from '../../server/src/core/parse/document';
import { splitLines } from '../../server/src/core/parse/lines';
import type { DocumentProblem } from '../../server/src/core/rules/index';
import { documentProblems } from '../../server/src/features/diagnostics';
import { collectFixEdits, fixAll, fixAllText, type TextEdit } from '../../server/src/core/fixes';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/settings';

const show = (s: string) => JSON.stringify(s.length > 200 ? s.slice(0, 200) + '…' : s);

function isPos(v: unknown): v is Position {
  return !!v && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
}

function isRange(v: unknown): v is Range {
  return !!v && isPos((v as Range).start) && isPos((v as Range).end);
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** A position inside lines (line < count, character ≤ that line's length). */
function assertPosIn(lines: readonly string[], p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  assert.ok(
    p.character >= 0 && p.character <= lines[p.line].length,
    `${what}: character ${p.character} outside line ${p.line} (length ${lines[p.line].length})`,
  );
}

export function assertRangeIn(lines: readonly string[], r: Range, what: string): void {
  assertPosIn(lines, r.start, `${what} start`);
  assertPosIn(lines, r.end, `${what} end`);
  assert.ok(before(r.start, r.end), `${what}: start after end ${JSON.stringify(r)}`);
}

/**
 * Every position and range reachable from a section body (cells' computed ranges included).
 * No path strings are built on the way (they would dominate the cost): a failure names the
 * key and the offending node instead.
 */
function walkBody(body: SectionBody): void {
  const seen = new Set<object>();
  const visit = (v: unknown, key: string): void => {
    if (!v || typeof v !== 'object' || seen.has(v) || v instanceof Map) return;
    seen.add(v);
    if (isRange(v)) {
      assertRangeIn(body.lines, v, key);
      return;
    }
    if (isPos(v)) {
      assertPosIn(body.lines, v, key);
      // a text segment: its text must fit on its line
      const len = (v as { length?: unknown }).length;
      if (typeof len === 'number') assert.ok(v.character + len <= body.lines[v.line].length, `${key}: segment runs past its line ${JSON.stringify(v)}`);
    }
    if (Array.isArray(v)) {
      for (const x of v) visit(x, key);
      return;
    }
    for (const k in v) if (k !== 'cache' && k !== 'lines' && k !== 'eols') visit((v as Record<string, unknown>)[k], k);
    // Ranges computed on demand (prototype getters of rows, indicator rows, values and their parts)
    if ('range' in v && !Object.hasOwn(v, 'range')) assertRangeIn(body.lines, (v as { range: Range }).range, `${key}.range`);
    // CellNode computes these on demand (prototype getters, not own keys)
    if (v instanceof CellNode) {
      assertRangeIn(body.lines, v.range, 'cell.range');
      visit(v.segments, 'cell.segments');
      for (const p of v.paragraphs) {
        assertPosIn(body.lines, p, 'cell.paragraph');
        assert.equal(p.raw, body.lines[p.line].slice(p.character), 'cell.paragraph text');
      }
    }
  };
  visit(body, 'section');
  // The tree is built on demand (getters on the body's class, not own keys): walk it explicitly.
  for (const k of TREE_FIELDS) visit(body[k], k);
}

const TREE_FIELDS = ['unit', 'overview', 'tables', 'stray', 'rows'] as const;

/** The model's invariants against the text it was parsed from. */
export function assertModelInvariants(model: DocumentModel, text: string): void {
  const { lines, eols } = splitLines(text);
  assert.equal(model.lineCount, lines.length, 'lineCount');
  assert.ok(model.sections.length > 0, 'a model has at least one section');
  let next = 0;
  for (const [i, ref] of model.sections.entries()) {
    assert.equal(ref.startLine, next, `section ${i} starts at line ${ref.startLine}, expected ${next} (gap or overlap)`);
    assert.ok(ref.body.lines.length > 0, `section ${i} is empty`);
    assert.equal(ref.body.lines.length, ref.body.eols.length, `section ${i}: lines and eols differ in length`);
    assert.equal(ref.body.title !== null, i > 0 || ref.body.title !== null, 'only the first section may lack a title');
    next += ref.body.lines.length;
    walkBody(ref.body);
  }
  assert.equal(next, lines.length, 'sections cover all lines');
  assert.ok(documentText(model) === text, 'the model rebuilds the text byte for byte');
  void eols;
}

export function problemsOf(model: DocumentModel, settings: Settings = DEFAULT_SETTINGS): DocumentProblem[] {
  return documentProblems(model, settings);
}

/** Every diagnostic, related place and fix edit lies inside the document. */
export function assertProblemsInside(problems: readonly DocumentProblem[], text: string): void {
  const { lines } = splitLines(text);
  for (const p of problems) {
    const what = `${p.code} at ${JSON.stringify(p.range)}`;
    assertRangeIn(lines, p.range, what);
    for (const r of p.related ?? []) assertRangeIn(lines, r.range, `${what} related`);
    for (const e of p.fix?.edits ?? []) assertRangeIn(lines, e.range, `${what} fix edit`);
  }
}

/** Each fix edit changes something, touches one line only and adds no line break. */
export function assertFixesMinimal(problems: readonly DocumentProblem[], text: string): void {
  const { lines } = splitLines(text);
  for (const p of problems) {
    for (const e of p.fix?.edits ?? []) {
      const what = `${p.code} fix ${JSON.stringify(e)}`;
      assert.equal(e.range.start.line, e.range.end.line, `${what}: spans a line break`);
      assert.ok(!/[\r\n]/.test(e.newText), `${what}: inserts a line break`);
      const old = lines[e.range.start.line].slice(e.range.start.character, e.range.end.character);
      assert.notEqual(old, e.newText, `${what}: changes nothing (range text ${show(old)})`);
    }
  }
}

/**
 * Fix-all keeps every line break (so a CRLF file stays CRLF), and is idempotent: after it, no
 * safe fix is left (so a second fix-all changes nothing). Returns the fixed text.
 */
export function assertFixAllSound(text: string, settings: Settings = DEFAULT_SETTINGS, model?: DocumentModel, problems?: readonly DocumentProblem[]): string {
  model ??= parseDocument(text);
  const r = fixAll(model, settings, undefined, problems);
  if (r.fixes === 0) return text;
  const fixed = documentText(r.model);
  assert.deepEqual(splitLines(fixed).eols, splitLines(text).eols, 'fix-all changed line breaks');
  assert.equal(fixAllText(text, settings).text, fixed, 'fix-all on the text differs from fix-all on the model');
  const again = parseDocument(fixed);
  const left = collectFixEdits(problemsOf(again, settings));
  assert.equal(left.edits.length, 0, `fix-all is not idempotent: safe fixes left ${show(JSON.stringify(left.edits.slice(0, 3)))}`);
  return fixed;
}

/** All the checks on one text; returns the model. */
export function assertRobust(text: string, settings: Settings = DEFAULT_SETTINGS): DocumentModel {
  const model = parseDocument(text);
  assertModelInvariants(model, text);
  const problems = problemsOf(model, settings);
  assertProblemsInside(problems, text);
  assertFixesMinimal(problems, text);
  assertFixAllSound(text, settings, model, problems);
  return model;
}

export type { TextEdit };
