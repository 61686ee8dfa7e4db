/**
 * Property: after any sequence of LSP edits, the incrementally updated model equals a full
 * parse of the new text. Edits are random splices biased towards what breaks structure:
 * line breaks of every kind, TABs, titles (so sections split and merge), goal headers,
 * comparators. `FUZZ_RUNS` scales the run count (npm run fuzz sets it high).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, updateDocument, updateDocumentBatch, type TextChange } from '../../../server/src/core/parse/document';
import type { SectionBody } from '../../../server/src/core/model';
import { department, sampleText } from '../../helpers/fixtures';
import { SCALE, familySpliceArb, mutate, mutationArb, positionAt, spliceArb, toChange, type Splice } from '../../helpers/edits';
import * as fs from 'node:fs';
import { TEMPLATES } from '../../helpers/export-rows';
import { assertSameModel } from '../../helpers/model-equality';

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

/**
 * Splices against one text, made non-overlapping (sorted; each deletion stops where the next
 * splice starts), as a batch of changes for `updateDocumentBatch`, and the text they produce.
 */
function toBatch(text: string, splices: Splice[]): { changes: TextChange[]; text: string } {
  const spans = splices
    .map((s) => {
      let a = Math.floor(s.at * text.length);
      if (a > 0 && text[a - 1] === '\r' && text[a] === '\n') a--;
      return { a, del: s.del, insert: s.insert };
    })
    .sort((x, y) => x.a - y.a);
  const changes: TextChange[] = [];
  let out = '';
  let pos = 0;
  for (let i = 0; i < spans.length; i++) {
    const { a, insert } = spans[i];
    const limit = i + 1 < spans.length ? spans[i + 1].a : text.length;
    let b = Math.min(limit, a + spans[i].del);
    // keep \r\n pairs whole: LSP positions cannot point between them
    if (b > a && b < text.length && text[b - 1] === '\r' && text[b] === '\n') b = b + 1 <= limit ? b + 1 : b - 1;
    changes.push({ range: { start: positionAt(text, a), end: positionAt(text, b) }, text: insert });
    out += text.slice(pos, a) + insert;
    pos = b;
  }
  return { changes, text: out + text.slice(pos) };
}

/**
 * Splices placed where a batch's windows must widen: at section boundaries (the title line, the
 * lines around it), so that edits in neighbouring departments merge, split and shift sections
 * in the same batch. `pick` chooses the place, as a fraction of the list.
 */
const boundarySpliceArb = fc.record({
  pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  where: fc.constantFrom(-1, 0, 1, 2),
  del: fc.constantFrom(0, 1, 2, 12, 40),
  insert: fc.constantFrom('', '\n', '\t', '绩效目标表', '武汉市东西湖区测试局整体支出绩效目标表\n', '武汉市东西湖区测试局\n', '\t整体支出绩效目标表\n', 'x'),
});
type BoundarySplice = { pick: number; where: number; del: number; insert: string };

function boundarySplices(text: string, picks: BoundarySplice[]): Splice[] {
  const model = parseDocument(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  return picks.map((p) => {
    const ref = model.sections[Math.floor(p.pick * model.sections.length)];
    const line = Math.max(0, Math.min(lineStarts.length - 1, ref.startLine + p.where));
    const at = text.length === 0 ? 0 : lineStarts[line] / text.length;
    return { at, del: p.del, insert: p.insert };
  });
}

/** A batch applied at once equals a full parse and the same changes applied one by one from the last. */
function runBatch(base: string, batches: Splice[][]): void {
  let text = base;
  let model = parseDocument(text);
  for (const splices of batches) {
    const b = toBatch(text, splices);
    const batched = updateDocumentBatch(model, b.changes);
    const expected = parseDocument(b.text);
    assertSameModel(batched, expected, new Set(model.sections.map((s) => s.body)));
    const sorted = [...b.changes].reverse(); // last first: each change's range is still valid
    assertSameModel(updateDocument(model, sorted), expected);
    model = batched;
    text = b.text;
  }
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

  it('on the documents of every family (alone, after sample departments, CRLF) with edits to titles, headers and values', function () {
    this.timeout(240000 * SCALE);
    const templates = fs
      .readdirSync(TEMPLATES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => fs.readFileSync(`${TEMPLATES}/${f}`, 'utf8'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: templates.length - 1 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: parts.length - 2 }),
        fc.boolean(),
        fc.array(fc.array(fc.oneof(familySpliceArb, spliceArb), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        (which, mix, first, crlf, edits) => {
          // Alone, after a sample department, or between two and followed by the next template.
          const doc = [mix > 0 ? parts[first] : '', templates[which], mix > 1 ? parts[first + 1] + templates[(which + 1) % templates.length] : ''].join('');
          run(crlf ? doc.replace(/\r?\n/g, '\r\n') : doc, edits);
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

  it('batched: many non-overlapping edits at once on small documents', function () {
    this.timeout(120000 * SCALE);
    fc.assert(
      fc.property(fc.array(fc.array(spliceArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (batches, crlf) => {
        const base = department('武汉市东西湖区甲局') + department('武汉市东西湖区乙局') + department('武汉市东西湖区丙局');
        runBatch(crlf ? base.replace(/\n/g, '\r\n') : base, batches);
      }),
      { numRuns: 400 * SCALE },
    );
  });

  it('batched: edits in many departments of mutated sample text at once', function () {
    this.timeout(240000 * SCALE);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: parts.length - 1 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(mutationArb, { maxLength: 6 }),
        fc.array(fc.array(spliceArb, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }),
        (first, count, mutations, batches) => {
          runBatch(mutate(parts.slice(first, first + count).join(''), mutations), batches);
        },
      ),
      { numRuns: 60 * SCALE },
    );
  });

  it('batched: edits at department boundaries (windows that widen, merge and split) at once', function () {
    this.timeout(120000 * SCALE);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: parts.length - 1 }),
        fc.array(fc.array(boundarySpliceArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (first, batches, crlf) => {
          let text = parts.slice(first, first + 4).join('') + department('武汉市东西湖区甲局') + department('武汉市东西湖区乙局');
          if (crlf) text = text.replace(/\r?\n/g, '\r\n');
          let model = parseDocument(text);
          for (const picks of batches) {
            const b = toBatch(text, boundarySplices(text, picks));
            const batched = updateDocumentBatch(model, b.changes);
            assertSameModel(batched, parseDocument(b.text), new Set(model.sections.map((s) => s.body)));
            model = batched;
            text = b.text;
          }
        },
      ),
      { numRuns: 300 * SCALE },
    );
  });

  it('batched: one edit in every department of the sample (what a fix-all pass does)', () => {
    const text = sampleText();
    const model = parseDocument(text);
    const changes: TextChange[] = model.sections.map((s) => {
      const p = { line: s.startLine + Math.floor(s.body.lines.length / 2), character: 0 };
      return { range: { start: p, end: p }, text: '\t' };
    });
    const batched = updateDocumentBatch(model, [...changes].reverse()); // any order: distinct positions
    const lines = text.split('\n');
    for (const c of changes) lines[c.range!.start.line] = '\t' + lines[c.range!.start.line];
    assertSameModel(batched, parseDocument(lines.join('\n')), new Set(model.sections.map((s) => s.body)));
    const l = changes[0].range!.start.line;
    const overlapping: TextChange[] = [
      { range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, text: '' },
      { range: { start: { line: l, character: 1 }, end: { line: l, character: 2 } }, text: 'x' },
    ];
    assert.throws(() => updateDocumentBatch(model, overlapping), /overlapping/);
  });

  it('merges two departments when a title line is edited away, and splits them again', () => {
    const text = department('武汉市东西湖区甲局') + department('武汉市东西湖区乙局');
    const model = parseDocument(text);
    const second = model.sections[1].startLine;
    const titleLength = model.sections[1].body.lines[0].length;
    const merged = updateDocument(model, [{ range: { start: { line: second, character: 0 }, end: { line: second, character: titleLength } }, text: '\t乙局' }]);
    assert.equal(merged.sections.length, 1);
    const split = updateDocument(merged, [
      { range: { start: { line: second, character: 0 }, end: { line: second, character: 3 } }, text: '\t武汉市东西湖区乙局整体支出绩效目标表' },
    ]);
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
