/** The wrong-encoding diagnostic (features/encoding-check.ts): one per file, at the first U+FFFD, with its reopen action. */
import * as assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import type { Diagnostic } from 'vscode-languageserver';
import { parseDocument, updateDocument } from '../../../server/src/core/parse/document';
import { ENCODING_CODE, encodingActions, encodingDiagnostic, replacementCharacter, withEncodingDiagnostic } from '../../../server/src/features/encoding-check';
import { REOPEN_WITH_ENCODING_COMMAND } from '../../../protocol';
import { readTemplate } from '../../helpers/export-rows';
import { sampleText } from '../../helpers/fixtures';

/** What VS Code shows for GBK bytes read as UTF-8. */
const asUtf8 = (text: string) => new TextDecoder('utf-8').decode(iconv.encode(text, 'gbk'));

describe('features/encoding-check', () => {
  it('a GBK file read as UTF-8 gets one diagnostic, at its first U+FFFD', () => {
    const text = asUtf8(sampleText());
    const firstLine = text.split('\n').findIndex((l) => l.includes('\uFFFD'));
    const d = encodingDiagnostic(parseDocument(text), 'zh');
    assert.ok(d);
    assert.equal(d.code, ENCODING_CODE);
    assert.equal(d.range.start.line, firstLine);
    assert.equal(d.range.start.character, text.split('\n')[firstLine].indexOf('\uFFFD'));
    assert.match(d.message as string, /GB18030/);
    assert.match(encodingDiagnostic(parseDocument(text), 'en')!.message as string, /opened as UTF-8/);
  });

  it('a right text gets none, on every layout', () => {
    assert.equal(encodingDiagnostic(parseDocument(sampleText()), 'zh'), null);
    for (const t of ['01-huangshi-dangxiao-zhutiban.txt', '13-qingshen-fagai-gongzi-ziping.txt'])
      assert.equal(encodingDiagnostic(parseDocument(readTemplate(t)), 'zh'), null);
  });

  it('follows edits: found in a later department, gone when the character is replaced', () => {
    const lines = sampleText().split('\n');
    const at = Math.floor(lines.length * 0.8);
    lines[at] = lines[at] + '\uFFFD';
    let model = parseDocument(lines.join('\n'));
    assert.deepEqual(replacementCharacter(model), { line: at, character: lines[at].length - 1 });
    model = updateDocument(model, [
      { range: { start: { line: at, character: lines[at].length - 1 }, end: { line: at, character: lines[at].length } }, text: '' },
    ]);
    assert.equal(replacementCharacter(model), null);
  });

  it('goes first in what is sent, with its JSON piece', () => {
    const model = parseDocument('\t\uFFFD\uFFFD\n');
    const sent = withEncodingDiagnostic({ diagnostics: [] as Diagnostic[], pieces: [] as Buffer[] }, model, 'zh');
    assert.equal(sent.diagnostics.length, 1);
    assert.deepEqual(JSON.parse(sent.pieces[0].toString()), sent.diagnostics[0]);
  });

  it('offers the reopen command for its diagnostic only', () => {
    const d = encodingDiagnostic(parseDocument('\t\uFFFD\n'), 'zh')!;
    const [action] = encodingActions('file:///a.ttable', [d], 'zh');
    assert.equal(action.command?.command, REOPEN_WITH_ENCODING_COMMAND);
    assert.deepEqual(action.command?.arguments, ['file:///a.ttable', 'gb18030']);
    assert.equal(action.title, '以 GB18030 编码重新打开');
    assert.deepEqual(encodingActions('file:///a.ttable', [{ ...d, code: 'TT101' }], 'zh'), []);
  });
});
