/**
 * The guard the incremental-parser tests stand on: model equality must see every field of a section
 * body, including the tree's fields (getters built on demand) and any field added later.
 */
import * as assert from 'node:assert/strict';
import type { SectionBody } from '../../../server/src/core/model';
import { parseDocument } from '../../../server/src/core/parse/document';
import { sampleText } from '../../helpers/fixtures';
import { assertSameBody, bodySnapshot } from '../../helpers/model-equality';

function section1(text: string): SectionBody {
  return parseDocument(text).sections[1].body;
}

describe('model equality', () => {
  it('a snapshot holds every field of the model’s SectionBody, tree fields included', () => {
    const keys = Object.keys(bodySnapshot(section1(sampleText()))).sort();
    // Every field of the SectionBody interface (core/model.ts).
    for (const k of ['lines', 'eols', 'chars', 'title', 'department', 'unit', 'moneyUnit', 'overview', 'tables', 'stray', 'rows']) {
      assert.ok(keys.includes(k), `${k} missing from ${keys.join(', ')}`);
    }
  });

  it('bodies whose trees differ are not equal, even when a change leaves the lines’ count alone', () => {
    const text = sampleText();
    const body = section1(text);
    const value = body.tables[0].rows[0].target;
    assert.ok(value.comparator, 'the first indicator of the first department has a comparator');
    const other = value.comparator.raw === '≥' ? '≤' : '≥';
    // The same character of the text, found by its line in the document (section 0 is the preamble).
    const lines = text.split('\n');
    const line = parseDocument(text).sections[1].startLine + value.comparator!.range.start.line;
    lines[line] = lines[line].slice(0, value.comparator!.range.start.character) + other + lines[line].slice(value.comparator!.range.end.character);
    const changed = lines.join('\n');
    assertSameBody(section1(text), section1(text));
    assert.throws(() => assertSameBody(section1(changed), section1(text)));
  });

  it('a field added to the body class later is compared without editing the comparison', () => {
    const a = section1(sampleText());
    const b = section1(sampleText());
    const proto: object = Object.getPrototypeOf(a);
    const extra = new Map<SectionBody, number>([
      [a, 1],
      [b, 2],
    ]);
    Object.defineProperty(proto, 'addedLater', {
      configurable: true,
      get(this: SectionBody) {
        return extra.get(this);
      },
    });
    try {
      assert.throws(() => assertSameBody(a, b), /addedLater/);
      extra.set(b, 1);
      assertSameBody(a, b);
    } finally {
      Reflect.deleteProperty(proto, 'addedLater');
    }
  });
});
