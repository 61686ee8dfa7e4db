/**
 * Comparing an incrementally updated model with a full parse of the same text.
 * The per-section cache is not part of a model's value, so it is left out.
 */
import * as assert from 'node:assert/strict';
import type { DocumentModel, SectionBody } from '../../server/src/core/model';

function strip(body: SectionBody): unknown {
  const { cache: _cache, ...rest } = body;
  return rest;
}

/**
 * Asserts that two models are equal. Sections whose body object is shared with `trusted`
 * (bodies already proven equal to a full parse) only need equal boundaries and lines:
 * a body is a pure function of its lines. Every other body is compared deeply.
 */
export function assertSameModel(actual: DocumentModel, expected: DocumentModel, trusted?: Set<SectionBody>): void {
  assert.equal(actual.lineCount, expected.lineCount, 'lineCount');
  assert.deepEqual(
    actual.sections.map((s) => [s.startLine, s.body.lines.length, s.body.title !== null]),
    expected.sections.map((s) => [s.startLine, s.body.lines.length, s.body.title !== null]),
    'section boundaries',
  );
  for (let i = 0; i < actual.sections.length; i++) {
    const a = actual.sections[i].body;
    const e = expected.sections[i].body;
    assert.deepEqual(a.lines, e.lines, `lines of section ${i}`);
    assert.deepEqual(a.eols, e.eols, `line breaks of section ${i}`);
    if (!trusted?.has(a)) assert.deepStrictEqual(strip(a), strip(e), `section ${i}`);
  }
}
