/**
 * Comparing an incrementally updated model with a full parse of the same text.
 */
import * as assert from 'node:assert/strict';
import type { DocumentModel, SectionBody } from '../../server/src/core/model';

/**
 * A section body's value as plain data: its own fields and every getter of its class (the tree's
 * fields are getters, built on demand: parse/section.ts). `deepStrictEqual` on the bodies themselves
 * would compare own enumerable properties only, the lines and nothing of the tree. Derived from the
 * object rather than listed, so a field added to the body, as a property or as a getter, is compared
 * without anyone remembering to add it here (test/unit/parse/model-equality.test.ts adds one).
 */
export function bodySnapshot(body: SectionBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) out[k] = v;
  for (let proto: object | null = Object.getPrototypeOf(body); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (d.get && !(k in out)) out[k] = d.get.call(body);
    }
  }
  return out;
}

/** Asserts that two section bodies are equal (tree included). */
export function assertSameBody(actual: SectionBody, expected: SectionBody, what = 'section'): void {
  assert.deepStrictEqual(bodySnapshot(actual), bodySnapshot(expected), what);
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
    if (!trusted?.has(a)) assertSameBody(a, e, `section ${i}`);
  }
}
