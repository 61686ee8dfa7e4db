/**
 * Comparing an incrementally updated model with a full parse of the same text.
 * The per-section caches are not part of a model's value, so they are left out.
 */
import * as assert from 'node:assert/strict';
import type { DocumentModel, SectionBody } from '../../server/src/core/model';

/**
 * Everything a section body's value consists of. The tree fields are getters on the body's class
 * (built on demand, parse/section.ts): `deepStrictEqual` compares only own enumerable properties,
 * so comparing bodies directly would compare the lines and nothing of the tree. They are read
 * here one by one instead.
 */
export const BODY_FIELDS = ['lines', 'eols', 'chars', 'title', 'department', 'unit', 'moneyUnit', 'overview', 'tables', 'stray', 'rows'] as const;
const NOT_COMPARED = new Set(['cache', 'treeCache']);

function fields(body: SectionBody): Record<string, unknown> {
  // A field added to the body must be added to BODY_FIELDS, or it would go uncompared.
  for (const k of Object.keys(body)) {
    assert.ok((BODY_FIELDS as readonly string[]).includes(k) || NOT_COMPARED.has(k), `section body field "${k}" is not compared`);
  }
  const out: Record<string, unknown> = {};
  for (const k of BODY_FIELDS) out[k] = body[k];
  return out;
}

/** Asserts that two section bodies are equal (tree included, caches not). */
export function assertSameBody(actual: SectionBody, expected: SectionBody, what = 'section'): void {
  assert.deepStrictEqual(fields(actual), fields(expected), what);
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
