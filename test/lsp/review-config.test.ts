/**
 * The review config in the editor, over the protocol: the server watches `**\/.target-table.json`, the
 * code action "在审核配置中忽略此问题" creates the config (CreateFile + its text) and the problem is gone
 * once the file is there; an open config's unsaved text applies at once, its own problems are shown on
 * it, and the next suppression is written into it with its comments kept.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { parse } from 'jsonc-parser';
import { TestClient } from './client';
import { department } from '../helpers/fixtures';

/** LSP text edits applied to a text (non-overlapping, any order). */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const tt101 = (d: Diagnostic[]) => d.filter((x) => x.code === 'TT101');

describe('LSP: review config', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-review-'));
    client = await TestClient.start({
      workspaceFolders: [pathToFileURL(dir).href],
      more: {
        workspace: {
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
      },
    });
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('watches the config files, writes a suppression through the code action and the problem disappears; an open config applies unsaved', async () => {
    const sub = path.join(dir, '2026');
    fs.mkdirSync(sub);
    const file = path.join(sub, '测试局.txt');
    const text = department().replace('≥2场', '≥2');
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    await client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, (p) => tt101(p.diagnostics).length === 1);
    const problem = tt101(first.diagnostics)[0];

    assert.ok(
      client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions).includes('**/.target-table.json')),
      'the config files are watched',
    );

    // No config yet: the action creates one in the workspace folder.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: problem.range,
      context: { diagnostics: [problem] },
    });
    const ignore = actions.find((a) => a.title === '在审核配置中忽略此问题（TT101）');
    assert.ok(ignore, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === '在审核配置中对此文件忽略规则 TT101'));
    const changes = ignore.edit!.documentChanges!;
    const configPath = path.join(dir, '.target-table.json');
    const configUri = pathToFileURL(configPath).href;
    assert.deepEqual((changes[0] as CreateFile).kind, 'create');
    assert.equal((changes[0] as CreateFile).uri, configUri);
    const written = applyTextEdits('', (changes[1] as TextDocumentEdit).edits as TextEdit[]);
    const json = parse(written) as { suppressions: Record<string, string>[] };
    // 培训场次 is in both the 长期 and the 年度 table: the categories and the goal tell this one apart.
    assert.deepEqual(json.suppressions, [
      {
        rule: 'TT101',
        file: '2026/测试局.txt',
        section: '武汉市东西湖区测试局',
        indicator: '培训场次',
        level1: '产出指标',
        level2: '数量指标',
        goal: '长期目标甲。',
      },
    ]);

    // The editor applies it (here: the file is written) and says so; the problem is no longer published.
    fs.writeFileSync(configPath, written);
    const before = client.published.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= before && tt101(p.diagnostics).length === 0);

    // The config opened and edited, not saved: its text applies at once, and its own mistakes are shown on it.
    const edited = '// 2026 年审核\n{\n  "suppressions": [],\n  "colour": 1\n}\n';
    await client.notify('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'json', version: 1, text: edited } });
    const configDiags = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 1);
    assert.equal(configDiags.diagnostics[0].range.start.line, 3);
    assert.match(String(configDiags.diagnostics[0].message), /未知的设置项 "colour"/);
    const back = await client.waitForDiagnostics(
      uri,
      (p) => client.published.indexOf(p) > client.published.indexOf(configDiags) && tt101(p.diagnostics).length === 1,
    );

    // The next suppression goes into the open config, as an edit of its version, comments kept.
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: tt101(back.diagnostics)[0].range,
      context: { diagnostics: tt101(back.diagnostics) },
    });
    const forFile = again.find((a) => a.title === '在审核配置中对此文件忽略规则 TT101')!;
    const edit = forFile.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri: configUri, version: 1 });
    const next = applyTextEdits(edited, edit.edits as TextEdit[]);
    assert.ok(next.startsWith('// 2026 年审核\n{'), next);
    assert.deepEqual((parse(next) as { suppressions: unknown[] }).suppressions, [{ rule: 'TT101', file: '2026/测试局.txt' }]);
    const mark = client.published.length;
    await client.notify('textDocument/didChange', { textDocument: { uri: configUri, version: 2 }, contentChanges: [{ text: next }] });
    await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= mark && tt101(p.diagnostics).length === 0);

    // Closed without saving: the file on disk (the first suppression) applies again.
    await client.notify('textDocument/didClose', { textDocument: { uri: configUri } });
    await client.waitForDiagnostics(configUri, (p) => client.published.indexOf(p) >= mark && p.diagnostics.length === 0);
  });

  it('English titles; no action for a document that is not a file', async () => {
    await client.stop();
    client = await TestClient.start({ locale: 'en', workspaceFolders: [pathToFileURL(dir).href] });
    const text = department().replace('≥2场', '≥2');
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, text);
    fs.writeFileSync(path.join(dir, '.target-table.json'), '{ "rules": { "TT101": "error" } }');
    const uri = pathToFileURL(file).href;
    await client.open(uri, text);
    const d = await client.waitForDiagnostics(uri, (p) => tt101(p.diagnostics).length === 1);
    assert.equal(tt101(d.diagnostics)[0].severity, 1, 'the config’s severity wins over the settings');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: tt101(d.diagnostics)[0].range,
      context: { diagnostics: [] },
    });
    assert.ok(actions.some((a) => a.title === 'Ignore this problem in the review config (TT101)'));
    assert.ok(actions.some((a) => a.title === 'Ignore rule TT101 for this file in the review config'));
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, text);
    const u = await client.waitForDiagnostics(untitled, (p) => tt101(p.diagnostics).length === 1);
    assert.equal(tt101(u.diagnostics)[0].severity, 2, 'no config for an untitled document');
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: untitled },
      range: tt101(u.diagnostics)[0].range,
      context: { diagnostics: [] },
    });
    assert.ok(!none.some((a) => /review config/.test(a.title)));
  });

  it('a folder added to the workspace after start is where a new config for its files goes; a removed one no longer is', async () => {
    await client.stop();
    const first = path.join(dir, '甲');
    const added = path.join(dir, '乙');
    const sub = path.join(added, '2026');
    fs.mkdirSync(first);
    fs.mkdirSync(sub, { recursive: true });
    client = await TestClient.start({
      workspaceFolders: [pathToFileURL(first).href],
      more: { workspace: { workspaceFolders: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    });
    const text = department().replace('≥2场', '≥2');
    const file = path.join(sub, '测试局.txt');
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const configAt = async (): Promise<string> => {
      const d = await client.waitForDiagnostics(uri, (p) => tt101(p.diagnostics).length === 1);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: tt101(d.diagnostics)[0].range,
        context: { diagnostics: tt101(d.diagnostics) },
      });
      const ignore = actions.find((a) => a.title === '在审核配置中忽略此问题（TT101）')!;
      return (ignore.edit!.documentChanges![0] as CreateFile).uri;
    };
    await client.open(uri, text);
    // Outside every workspace folder: the config goes beside the file.
    assert.equal(await configAt(), pathToFileURL(path.join(sub, '.target-table.json')).href);
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(added).href, name: '乙' }], removed: [] } });
    assert.equal(await configAt(), pathToFileURL(path.join(added, '.target-table.json')).href);
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(added).href, name: '乙' }] } });
    assert.equal(await configAt(), pathToFileURL(path.join(sub, '.target-table.json')).href);
  });
});
