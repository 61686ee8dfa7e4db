/** Smart selection: cell → row → table → section, each range containing the one before. */
import * as assert from 'node:assert/strict';
import type { Range, SelectionRange } from 'vscode-languageserver';
import { parseDocument } from '../../../server/src/core/parse/document';
import { selectionRanges } from '../../../server/src/features/selection-ranges';
import { readTemplate } from '../../helpers/export-rows';
import { sampleText } from '../../helpers/fixtures';

function chain(s: SelectionRange): Range[] {
  const out: Range[] = [];
  for (let r: SelectionRange | undefined = s; r; r = r.parent) out.push(r.range);
  return out;
}
const lines = (r: Range) => [r.start.line + 1, r.end.line + 1];

describe('features/selection-ranges', () => {
  it('in a header-driven table: the 三级 cell’s text, the row, the table, the project', () => {
    const text = readTemplate('01-huangshi-dangxiao-zhutiban.txt');
    const [s] = selectionRanges(parseDocument(text), [{ line: 45, character: 3 }]);
    const c = chain(s);
    // 主体班培训人次 (line 46): its text, then its row @43–49, the table @28–145, the section.
    assert.deepEqual(c[0], { start: { line: 45, character: 1 }, end: { line: 45, character: 8 } });
    assert.deepEqual(c.slice(1).map(lines), [
      [46, 46],
      [43, 49],
      [28, 145],
      [1, 150],
    ]);
  });

  it('in the sample: a value cell grows to its row, its goal table and its department', () => {
    const text = sampleText();
    const line = text.split('\n').findIndex((l) => l === '\t≥3项');
    const [s] = selectionRanges(parseDocument(text), [{ line, character: 2 }]);
    const c = chain(s);
    assert.equal(c.length, 5);
    for (let i = 1; i < c.length; i++) {
      const [a, b] = [c[i - 1], c[i]];
      const le = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
      assert.ok(le(b.start, a.start) && le(a.end, b.end), `step ${i} contains step ${i - 1}`);
    }
    assert.equal(c[4].start.line, 0);
  });

  it('outside any row (a blank line): the section alone; outside the document: an empty range', () => {
    const model = parseDocument(readTemplate('01-huangshi-dangxiao-zhutiban.txt'));
    const [blank, outside] = selectionRanges(model, [
      { line: 1, character: 0 },
      { line: 500, character: 0 },
    ]);
    assert.deepEqual(chain(blank).map(lines), [[1, 150]]);
    assert.deepEqual(chain(outside), [{ start: { line: 500, character: 0 }, end: { line: 500, character: 0 } }]);
  });
});
