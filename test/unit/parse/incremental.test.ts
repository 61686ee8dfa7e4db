/**
 * Property: after any sequence of LSP edits, the incrementally updated model equals a full
 * parse of the new text. Edits are random splices biased towards what breaks structure:
 * line breaks of every kind, TABs, titles (so sections split and merge), goal headers,
 * comparators. `FUZZ_RUNS` scales the run count (npm run fuzz sets it high).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, updateDocument, type TextChange } from '../../../server/src/core/parse/document';
import type { SectionBody } from '../../../server/src/core/model';
import { department, sampleText } from '../../helpers/fixtures';
import { assertSameModel } from '../../helpers/model-equality';

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);

const PIECES = [
  '\t', '\n', '\r\n', '\r', '\n\n', ' ', '　', '≧', '《', '》', '1', '%', '项', '\ufeff', '',
  '整体支出绩效目标表', '绩效目标表', '武汉市东西湖区测试局', '武汉市东西湖区测试局整体支出绩效目标表\n',
  '\t长期目标1：\n', '\t年度目标2：\n', '\t整体绩效总目标\n', '\t产出指标\n', '\t\n', '目标3：', '单位：万元',
];

/** Position of an offset in a text, counting lines as LSP does. */
function positionAt(text: string, offset: number) {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  // An offset between \r and \n is not a position LSP can name: callers avoid it.
  return { line, character: offset - lineStart };
}

interface Splice { at: number; del: number; insert: string }

const spliceArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 })),
  insert: fc.oneof(
    fc.constantFrom(...PIECES),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((a) => a.join('')),
    fc.string({ maxLength: 6 }),
  ),
});

/** Turns a random splice into an LSP change on `text`, and the text it produces. */
function toChange(text: string, s: { at: number; del: number; insert: string }): { change: TextChange; text: string } {
  let a = Math.floor(s.at * text.length);
  let b = Math.min(text.length, a + s.del);
  // keep \r\n pairs whole: LSP positions cannot point between them
  if (a > 0 && text[a - 1] === '\r' && text[a] === '\n') a--;
  if (b > 0 && b < text.length && text[b - 1] === '\r' && text[b] === '\n') b++;
  const change = { range: { start: positionAt(text, a), end: positionAt(text, b) }, text: s.insert };
  return { change, text: text.slice(0, a) + s.insert + text.slice(b) };
}

function run(base: string, splices: Splice[][], check: 'each' | 'last' = 'each'): void {
  let text = base;
  let model = parseDocument(text);
  let trusted = new Set<SectionBody>(model.sections.map((s) => s.body));
  for (const batch of splices) {
    const changes: TextChange[] = [];
    for (const s of batch) {
      const r = toChange(text, s);
      changes.push(r.change);
      text = r.text;
    }
    model = updateDocument(model, changes);
    if (check === 'each') {
      assertSameModel(model, parseDocument(text), trusted);
      trusted = new Set(model.sections.map((s) => s.body));
    }
  }
  if (check === 'last') assertSameModel(model, parseDocument(text));
}

/** Line-level mutations of real text: what a careless copy-paste in Word does. */
const mutationArb = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'split'),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
});

function mutate(text: string, mutations: { kind: string; a: number; b: number }[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const i = Math.floor(m.a * lines.length);
    const j = Math.floor(m.b * lines.length);
    if (i >= lines.length || j >= lines.length) continue;
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]);
    else if (m.kind === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
    else {
      const at = Math.floor(m.b * lines[i].length);
      lines.splice(i, 1, lines[i].slice(0, at), lines[i].slice(at));
    }
  }
  return lines.join('\n');
}

/** Whole departments of the sample: the variations start from real text. */
function sampleDepartments(): string[] {
  const text = sampleText();
  const model = parseDocument(text);
  return model.sections.map((s) => s.body.lines.map((l, i) => l + s.body.eols[i]).join(''));
}

describe('incremental update equals a full parse', () => {
  const parts = sampleDepartments();

  it('reassembles the sample from its sections byte for byte', () => {
    assert.equal(parts.join(''), sampleText());
  });

  it('on small documents with random edit sequences', function () {
    this.timeout(120000 * SCALE);
    fc.assert(
      fc.property(fc.array(fc.array(spliceArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (edits, crlf) => {
        const base = department('武汉市东西湖区甲局') + department('武汉市东西湖区乙局');
        run(crlf ? base.replace(/\n/g, '\r\n') : base, edits);
      }),
      { numRuns: 1500 * SCALE },
    );
  });

  it('on random variations of the sample (a few departments, mutated) with random edits', function () {
    this.timeout(240000 * SCALE);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: parts.length - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(mutationArb, { maxLength: 6 }),
        fc.array(fc.array(spliceArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        (first, count, mutations, edits) => {
          run(mutate(parts.slice(first, first + count).join(''), mutations), edits);
        },
      ),
      { numRuns: 300 * SCALE },
    );
  });

  it('on the whole sample with random edits', function () {
    this.timeout(240000 * SCALE);
    fc.assert(
      fc.property(fc.array(fc.array(spliceArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 6 }), (edits) => {
        run(sampleText(), edits, 'each');
      }),
      { numRuns: 20 * SCALE },
    );
  });

  it('merges two departments when a title line is edited away, and splits them again', () => {
    const text = department('武汉市东西湖区甲局') + department('武汉市东西湖区乙局');
    const model = parseDocument(text);
    const second = model.sections[1].startLine;
    const titleLength = model.sections[1].body.lines[0].length;
    const merged = updateDocument(model, [{ range: { start: { line: second, character: 0 }, end: { line: second, character: titleLength } }, text: '\t乙局' }]);
    assert.equal(merged.sections.length, 1);
    const split = updateDocument(merged, [{ range: { start: { line: second, character: 0 }, end: { line: second, character: 3 } }, text: '\t武汉市东西湖区乙局整体支出绩效目标表' }]);
    assert.equal(split.sections.length, 2);
    assert.equal(split.sections[1].body.department, '武汉市东西湖区乙局');
  });

  it('reuses the sections an edit does not touch', () => {
    const model = parseDocument(sampleText());
    const line = model.sections[10].startLine + 60;
    const next = updateDocument(model, [{ range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: '1' }]);
    const reused = next.sections.filter((s, i) => s.body === model.sections[i].body).length;
    assert.equal(reused, model.sections.length - 1);
  });
});
