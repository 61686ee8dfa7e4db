/** `targetTable/tableView` over stdio: the view of the section at a line, live after an edit, null for a closed document. */
import * as assert from 'node:assert/strict';
import type { TableView } from '../../protocol';
import { SAMPLE_URI, TestClient, sampleText } from './client';

describe('LSP targetTable/tableView', function () {
  this.timeout(60000);
  let client: TestClient;

  before(async () => {
    client = await TestClient.start();
    await client.open(SAMPLE_URI, sampleText());
  });
  after(async () => {
    await client.stop();
  });

  it('answers with the section at the line, its tables and its problems, for the version it was made from', async () => {
    const v = await client.request<TableView>('targetTable/tableView', { uri: SAMPLE_URI, line: 470 });
    assert.equal(v.version, 1);
    assert.equal(v.sections!.length, 36);
    assert.equal(v.current, 0);
    assert.ok(v.firstLine <= 470 && 470 <= v.lastLine);
    assert.ok(v.blocks.some((b) => b.kind === 'table' && b.name === '年度目标1'));
    assert.ok(v.problems.length > 0);
    assert.ok(v.problems.every((p) => /^TT\d{3}$/.test(p.code) && p.message !== ''));
  });

  it('follows an edit: the view of the next version shows the typed text', async () => {
    const lines = sampleText().split('\n');
    const line = lines.indexOf('\t≥3项');
    assert.ok(line > 0);
    await client.notify('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version: 2 },
      contentChanges: [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '0' }],
    });
    const v = await client.request<TableView>('targetTable/tableView', { uri: SAMPLE_URI, line });
    assert.equal(v.version, 2);
    const texts = v.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells.map((c) => c.text)));
    assert.ok(texts.includes('≥30项'));
  });

  it('leaves the section list out while the client’s sectionsId names it, and sends it again when it changed', async () => {
    const first = await client.request<TableView>('targetTable/tableView', { uri: SAMPLE_URI, line: 470 });
    assert.equal(first.sections!.length, 36);
    const again = await client.request<TableView>('targetTable/tableView', { uri: SAMPLE_URI, line: 470, sectionsId: first.sectionsId });
    assert.equal(again.sections, undefined, 'the list the client has is not sent again');
    assert.equal(again.sectionsId, first.sectionsId);
    assert.equal(again.current, first.current);
    const stale = await client.request<TableView>('targetTable/tableView', { uri: SAMPLE_URI, line: 470, sectionsId: 'an older list' });
    assert.deepEqual(stale.sections, first.sections, 'a list the client does not have is sent whole');
  });

  it('answers null for a document that is not open', async () => {
    assert.equal(await client.request('targetTable/tableView', { uri: 'file:///not/open.txt', line: 0 }), null);
  });
});
