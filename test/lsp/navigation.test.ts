/**
 * Goal navigation through the real server (dist/server.js over stdio), as an editor asks for it:
 * definition (links and plain locations), references, document highlights, code lenses and their
 * resolve, the setting that turns lenses off and the refresh asked for when settings change. On the
 * sample (§3) and on a header-driven template.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, DocumentHighlight, Location, LocationLink } from 'vscode-languageserver/node';
import { SHOW_REFERENCES_COMMAND } from '../../protocol';
import { SAMPLE_URI, TestClient, repoRoot, sampleText, sleep } from './client';

const lines = sampleText().split(/\r\n|\r|\n/);
const lineOf = (text: string, from = 0) => {
  const i = lines.findIndex((l, k) => k >= from && l === text);
  assert.ok(i >= 0, text);
  return i;
};
// The first department: 长期 goal 2 (its overview cell) and the table 长期目标2.
const GOAL2 = lines.findIndex((l) => l.startsWith('\t目标2：政务服务。'));
const TABLE2 = lineOf('\t长期目标2：');
const doc = { uri: SAMPLE_URI };

describe('LSP goal navigation', function () {
  this.timeout(60000);
  let client: TestClient;

  afterEach(async function () {
    if (client) await client.stop();
  });

  it('announces definition, references, highlights and resolvable code lenses', async function () {
    client = await TestClient.start();
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.definitionProvider && caps.referencesProvider && caps.documentHighlightProvider);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: true });
  });

  it('definition: goal → its table header and back, as links for a client that takes them, else locations', async function () {
    client = await TestClient.start({ more: { textDocument: { definition: { linkSupport: true } } } });
    await client.open(SAMPLE_URI, sampleText());
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: doc, position: { line: GOAL2, character: 3 } });
    assert.equal(links.length, 1);
    assert.equal(links[0].targetUri, SAMPLE_URI);
    assert.equal(links[0].targetSelectionRange.start.line, TABLE2);
    assert.equal(links[0].originSelectionRange!.start.line, GOAL2);
    const back = await client.request<LocationLink[]>('textDocument/definition', { textDocument: doc, position: { line: TABLE2, character: 1 } });
    assert.deepEqual(
      back.map((l) => l.targetSelectionRange.start.line),
      [GOAL2],
    );
    await client.stop();

    client = await TestClient.start();
    await client.open(SAMPLE_URI, sampleText());
    const plain = await client.request<Location[]>('textDocument/definition', { textDocument: doc, position: { line: GOAL2, character: 3 } });
    assert.deepEqual(
      plain.map((l) => [l.uri, l.range.start.line]),
      [[SAMPLE_URI, TABLE2]],
    );
    // Nothing on an indicator row, nothing for a document the server does not have.
    const row = lineOf('\t≥3项');
    assert.equal(await client.request('textDocument/definition', { textDocument: doc, position: { line: row, character: 1 } }), null);
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri: 'file:///nope.txt' }, position: { line: 0, character: 0 } }), null);
  });

  it('references (with and without the declaration) and highlights', async function () {
    client = await TestClient.start();
    await client.open(SAMPLE_URI, sampleText());
    const params = (includeDeclaration: boolean) => ({ textDocument: doc, position: { line: TABLE2, character: 1 }, context: { includeDeclaration } });
    const all = await client.request<Location[]>('textDocument/references', params(true));
    assert.deepEqual(
      all.map((l) => l.range.start.line),
      [GOAL2, TABLE2],
    );
    const tablesOnly = await client.request<Location[]>('textDocument/references', params(false));
    assert.deepEqual(
      tablesOnly.map((l) => l.range.start.line),
      [TABLE2],
    );
    const hl = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: doc, position: { line: GOAL2, character: 2 } });
    assert.deepEqual(
      hl.map((h) => [h.range.start.line, h.kind]),
      [
        [GOAL2, 3],
        [TABLE2, 2],
      ],
    );
  });

  it('code lenses: unresolved first, resolved with their counts and the showReferences command; in English too', async function () {
    client = await TestClient.start({ locale: 'en' });
    await client.open(SAMPLE_URI, sampleText());
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc });
    // 158 + 158 overview goals and 319 tables (test/fixtures/sample-counts.md).
    assert.equal(lenses.length, 158 * 2 + 319);
    assert.ok(lenses.every((l) => l.command === undefined && l.data));
    const goalLens = lenses.find((l) => l.range.start.line === GOAL2)!;
    const r = await client.request<CodeLens>('codeLens/resolve', goalLens);
    assert.match(r.command!.title, /^1 table · 11 indicators · \d+ problems?$/);
    assert.equal(r.command!.command, SHOW_REFERENCES_COMMAND);
    const [uri, position, locations] = r.command!.arguments as [string, { line: number }, Location[]];
    assert.equal(uri, SAMPLE_URI);
    assert.equal(position.line, GOAL2);
    assert.deepEqual(
      locations.map((l) => l.range.start.line),
      [TABLE2],
    );
    const tableLens = await client.request<CodeLens>(
      'codeLens/resolve',
      lenses.find((l) => l.range.start.line === TABLE2)!,
    );
    assert.match(tableLens.command!.title, /^11 indicators · \d+ problems?$/);
  });

  it('a header-driven template: goal ↔ table, and its lenses', async function () {
    client = await TestClient.start();
    const uri = 'file:///05.txt';
    const text = fs.readFileSync(path.join(repoRoot(), 'test/fixtures/templates/05-xiangtan-wupaoche-2024.txt'), 'utf8');
    await client.open(uri, text);
    // Line 49: the 年度目标 cell; line 51: the table's header 年度绩效指标.
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 48, character: 2 } });
    assert.deepEqual(
      defs.map((l) => l.range.start.line),
      [50],
    );
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = await Promise.all(lenses.map(async (l) => (await client.request<CodeLens>('codeLens/resolve', l)).command!.title));
    assert.equal(titles.length, 3);
    assert.equal(titles[0], '0 张表 · 0 个指标 · 0 个问题'); // the 长期 goal: no 长期 table
    assert.match(titles[1], /^1 张表 · 7 个指标 · \d+ 个问题$/);
    assert.match(titles[2], /^7 个指标 · \d+ 个问题$/);
  });

  it('targetTable.codeLens.enabled: false gives no lenses; new settings ask the editor to refresh its lenses', async function () {
    client = await TestClient.start({ more: { workspace: { codeLens: { refreshSupport: true } } } });
    let refreshes = 0;
    client.conn.onRequest('workspace/codeLens/refresh', () => {
      refreshes++;
      return null;
    });
    await client.open(SAMPLE_URI, sampleText());
    assert.ok((await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc })).length > 0);
    client.config = { codeLens: { enabled: false } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    for (let i = 0; i < 50 && refreshes === 0; i++) await sleep(20);
    assert.equal(refreshes, 1);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: doc }), []);
    client.config = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.ok((await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc })).length > 0);
  });

  it('after an edit, a resolve counts on the new text', async function () {
    client = await TestClient.start();
    await client.open(SAMPLE_URI, sampleText());
    const before = await client.request<CodeLens>('codeLens/resolve', (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc }))[0]);
    // Make a value of 长期目标1's table non-standard: one more problem in it (TT201 ≧).
    const value = lines.findIndex((l, i) => i > TABLE2 - 70 && i < TABLE2 && /^\t≥/.test(l));
    assert.ok(value > 0);
    await client.notify('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version: 2 },
      contentChanges: [{ range: { start: { line: value, character: 1 }, end: { line: value, character: 2 } }, text: '≧' }],
    });
    const after = await client.request<CodeLens>('codeLens/resolve', (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc }))[0]);
    const count = (l: CodeLens) => Number(/(\d+) 个问题$/.exec(l.command!.title)![1]);
    assert.equal(count(after), count(before) + 1, `${before.command!.title} → ${after.command!.title}`);
  });
});
