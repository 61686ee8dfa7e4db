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
import { SCALE, mutate, mutationArb, spliceArb, toChange, type Splice } from '../../helpers/edits';
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
