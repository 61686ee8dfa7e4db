import * as assert from 'node:assert/strict';
import { parseDocument, updateDocument, type TextChange } from '../../../server/src/core/parse/document';
import { sentDiagnostics } from '../../../server/src/features/diagnostics';
import { cachedDiagnostics, referenceDiagnostics, sendContext } from '../../helpers/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { sampleText } from '../../helpers/fixtures';

describe('per-section cached diagnostics', () => {
  const uri = 'file:///x/样例绩效目标表.txt';
  const check = (model: ReturnType<typeof parseDocument>) => {
    const want = referenceDiagnostics(model, uri, DEFAULT_SETTINGS, 'zh');
    assert.deepEqual(cachedDiagnostics(model, uri, DEFAULT_SETTINGS, 'zh'), want);
    const json = `[${sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', 0, 0))
      .pieces.map((b) => b.toString('utf8'))
      .join(',')}]`;
    assert.equal(json, JSON.stringify(want));
  };

  it('equal the uncached diagnostics and their JSON, through edits that move sections', () => {
    let model = parseDocument(sampleText());
    check(model);
    const mid = model.sections[Math.floor(model.sections.length / 2)];
    const line = mid.startLine + 5;
    const edits: TextChange[] = [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\t新增指标\n\n' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '1' },
      { range: { start: { line, character: 0 }, end: { line: line + 2, character: 0 } }, text: '' },
    ];
    for (const e of edits) {
      model = updateDocument(model, [e]);
      check(model);
    }
    // Another locale or settings are other cache entries, not stale ones.
    const en = referenceDiagnostics(model, uri, DEFAULT_SETTINGS, 'en');
    assert.deepEqual(cachedDiagnostics(model, uri, DEFAULT_SETTINGS, 'en'), en);
  });
});
