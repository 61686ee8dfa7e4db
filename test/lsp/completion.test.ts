/**
 * Completion and 插入指标行 over stdio, against the bundled server (dist/server.js): the 二级 names
 * of a row's 一级 in a 二级 cell (the sample, a header-driven template), the framework setting, and
 * `targetTable/insertRow` applied as an editor applies it.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, TextEdit } from 'vscode-languageserver/node';
import { INSERT_ROW_REQUEST, STATS_REQUEST, type InsertRowResult, type Stats } from '../../protocol';
import { applyEdits } from '../../server/src/core/fixes';
import { parseDocument } from '../../server/src/core/parse/document';
import { readTemplate, TEMPLATES } from '../helpers/export-rows';
import { SAMPLE_URI, TestClient, sampleText } from './client';

const items = (r: CompletionItem[] | CompletionList | null) => (r === null ? [] : Array.isArray(r) ? r : r.items);
const labels = (r: CompletionItem[] | CompletionList | null) => items(r).map((i) => i.label);

describe('LSP: completion and insert row', function () {
  let client: TestClient;

  before(async function () {
    client = await TestClient.start();
    await client.open(SAMPLE_URI, sampleText());
    await client.waitForDiagnostics(SAMPLE_URI, (p) => p.version === 1);
  });

  after(async function () {
    if (client.proc.exitCode === null) await client.stop();
  });

  const complete = (uri: string, line: number, character: number) =>
    client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

  it('announces completion', function () {
    assert.ok(client.initializeResult.capabilities.completionProvider);
  });

  it('a 二级 cell of the sample lists the 二级 names of its row’s 一级', async function () {
    // A 效益指标 row and a 满意度指标 row, found by the parser: their 二级 cell's line.
    const model = parseDocument(sampleText());
    const rows = model.sections.flatMap((s) => s.body.tables.flatMap((t) => t.rows.map((r) => ({ r, start: s.startLine }))));
    const benefit = rows.find(({ r }) => r.level1.text === '效益指标' && !r.level1.inherited && r.level2.text !== '')!;
    const cell = benefit.r.row.cells[2];
    const line = benefit.start + cell.range.start.line;
    const got = await complete(SAMPLE_URI, line, cell.range.end.character);
    assert.deepEqual(labels(got), ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']);
    const e = items(got)[0].textEdit as TextEdit;
    assert.deepEqual(e.range, { start: { line, character: 1 }, end: { line, character: sampleText().split('\n')[line].length } });
    // A row that inherits its 一级 from the merged cell above.
    const inherited = rows.find(({ r }) => r.level1.inherited && r.level1.text === '产出指标' && !r.level2.inherited)!;
    const c2 = inherited.r.row.cells[2];
    assert.deepEqual(labels(await complete(SAMPLE_URI, inherited.start + c2.range.start.line, 1)), ['数量指标', '质量指标', '时效指标']);
    // A title line: nothing.
    assert.deepEqual(labels(await complete(SAMPLE_URI, 0, 5)), []);
  });

  it('a header-driven template: by default (auto) the framework its tables follow (2015 here), else the settings’ (2021)', async function () {
    const file = '01-huangshi-dangxiao-zhutiban.txt';
    const text = readTemplate(file);
    const line = text.split('\n').indexOf('\t数量指标');
    const uri = 'file://' + path.join(TEMPLATES, file).split(path.sep).join('/');
    await client.open(uri, text);
    // 01 files 成本指标 under 产出指标 and has no 成本 一级: the 2015 framework.
    assert.deepEqual(labels(await complete(uri, line, 5)), ['数量指标', '质量指标', '时效指标', '成本指标']);
    assert.deepEqual(labels(await complete(uri, line - 1, 1)), ['产出指标', '效益指标', '满意度指标']);
    client.config = { framework: '2021' };
    const uri2021 = 'file:///tmp/target-table-test/framework-2021.txt';
    await client.open(uri2021, text);
    assert.deepEqual(labels(await complete(uri2021, line - 1, 1)), ['成本指标', '产出指标', '效益指标', '满意度指标']);
    assert.deepEqual(labels(await complete(uri2021, line, 5)), ['数量指标', '质量指标', '时效指标']);
    client.config = {};
  });

  it('targetTable/insertRow: applied as one edit, the document has one more indicator, the cursor on its name', async function () {
    const uri = 'file:///tmp/target-table-test/insert-row.txt';
    const text = sampleText();
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const before = await client.request<Stats>(STATS_REQUEST, { uri });
    const line = text.split('\n').indexOf('\t≥3项');
    const result = await client.request<InsertRowResult | null>(INSERT_ROW_REQUEST, { uri, version: 1, line });
    assert.ok(result);
    const edited = applyEdits(text, [result.edit]);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: result.edit.range, text: result.edit.newText }],
    });
    await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const after = await client.request<Stats>(STATS_REQUEST, { uri });
    assert.equal(after.indicators, before.indicators + 1);
    // The selection is the placeholder name, in the edited text; a hover there reads the new row.
    const selected = edited.split('\n')[result.selection.start.line].slice(result.selection.start.character, result.selection.end.character);
    assert.equal(selected, '新指标');
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: result.cursor });
    assert.match((h!.contents as { value: string }).value, /新指标/);
    // Its 二级 cell (two lines above the name) completes by the inherited 一级.
    const level2 = await complete(uri, result.cursor.line - 1, 1);
    assert.ok(labels(level2).length > 0 && labels(level2).length < 11, labels(level2).join(','));
    // A stale version, a line outside any table, an unknown document: null.
    assert.equal(await client.request(INSERT_ROW_REQUEST, { uri, version: 1, line }), null);
    assert.equal(await client.request(INSERT_ROW_REQUEST, { uri, line: 0 }), null);
    assert.equal(await client.request(INSERT_ROW_REQUEST, { uri: 'file:///not/open.txt', line }), null);
    // Unusable params: InvalidParams, as for every request (features/params.ts).
    for (const bad of [null, { uri, line: 'x' }, { uri, line: -1 }, { line: 3 }])
      await assert.rejects(client.request(INSERT_ROW_REQUEST, bad), (e: { code?: number }) => e.code === -32602, JSON.stringify(bad));
    await assert.rejects(client.request('textDocument/completion', { textDocument: { uri } }), (e: { code?: number }) => e.code === -32602);
  });
});
