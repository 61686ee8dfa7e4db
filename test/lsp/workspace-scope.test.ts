/**
 * `targetTable.scope: "workspace"` against the bundled server (dist/server.js): a temporary folder of
 * target-table files, none of them opened. The server lists the problems of every file its patterns
 * take (published, or reported by the workspace diagnostic long poll for a pulling client), leaves out
 * what it must (node_modules, a non-matching name), checks a file again when it changes on disk, clears
 * a deleted one, follows open / close, reports its progress, and clears everything when the scope is
 * "open" again.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { WorkspaceDiagnosticRequest } from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { parseDocument } from '../../server/src/core/parse/document';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { documentProblems } from '../../server/src/features/diagnostics';
import { CONFIG_WATCH_GLOB } from '../../server/src/features/review-config';
import { fileUri } from '../../server/src/features/workspace-files';
import type { WorkspaceProgress } from '../../protocol';
import { WORKSPACE_PROGRESS_NOTIFICATION } from '../../protocol';
import { TestClient, sleep } from './client';
import { FIXTURES } from '../helpers/fixtures';

const TEMPLATES = path.join(FIXTURES, 'templates');
const templateText = (name: string) => fs.readFileSync(path.join(TEMPLATES, name), 'utf8');

/** What the Problems panel would list for `text` opened: code and range of each problem. */
function expectedProblems(text: string): string[] {
  return documentProblems(parseDocument(text), DEFAULT_SETTINGS).map((p) => `${p.code}@${p.range.start.line}:${p.range.start.character}`);
}

const listed = (ds: readonly Diagnostic[]) => ds.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`);

interface Folder {
  dir: string;
  uri: string;
  files: Record<string, string>;
  path(name: string): string;
  uriOf(name: string): string;
}

/** A temporary workspace: four target-table files (one GBK), one that is not one, one under node_modules. */
function makeFolder(): Folder {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-ws-'));
  const files: Record<string, string> = {
    'a.ttable': templateText('01-huangshi-dangxiao-zhutiban.txt'),
    '乙局绩效目标表.txt': templateText('04-huaibei-wenlv-songxi.txt'),
    'sub/丙项目绩效自评表.txt': templateText('13-qingshen-fagai-gongzi-ziping.txt'),
    'sub/丁单位绩效目标表.txt': templateText('05-xiangtan-wupaoche-2024.txt'), // written as GBK below
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), name.startsWith('sub/丁') ? iconv.encode(text, 'gbk') : text);
  }
  fs.writeFileSync(path.join(dir, 'notes.txt'), templateText('07-qingshanqu-jiaoyu-jijian.txt'));
  fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'x.ttable'), templateText('07-qingshanqu-jiaoyu-jijian.txt'));
  const p = (name: string) => path.join(dir, ...name.split('/'));
  return { dir, uri: fileUri(dir), files, path: p, uriOf: (name) => fileUri(p(name)) };
}

/** The newest publish for `uri`. */
function lastPublish(c: TestClient, uri: string): PublishDiagnosticsParams | undefined {
  for (let i = c.published.length - 1; i >= 0; i--) if (c.published[i].uri === uri) return c.published[i];
  return undefined;
}

function progress(c: TestClient): WorkspaceProgress[] {
  return c.notifications.filter((n) => n.method === WORKSPACE_PROGRESS_NOTIFICATION).map((n) => n.params as WorkspaceProgress);
}

const WATCH = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };

/** The file watchers of the workspace scope (the review config's own watcher, features/review-config.ts, is always there). */
function scopeWatchers(c: TestClient) {
  return c.registrations.filter(
    (r) =>
      r.method === 'workspace/didChangeWatchedFiles' &&
      !(r.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.every((w) => w.globPattern === CONFIG_WATCH_GLOB),
  );
}

describe('LSP: targetTable.scope "workspace"', function () {
  this.timeout(30000);
  let folder: Folder;
  let client: TestClient | undefined;

  beforeEach(() => {
    folder = makeFolder();
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(folder.dir, { recursive: true, force: true });
  });

  async function start(opts: { pull?: boolean; scope?: string } = {}): Promise<TestClient> {
    const more = opts.pull ? { workspace: WATCH.workspace, textDocument: { diagnostic: { dynamicRegistration: true } } } : WATCH;
    const c = await TestClient.start({ workspaceFolders: [folder.uri], pull: opts.pull, more });
    c.config = { scope: opts.scope ?? 'workspace' };
    client = c;
    return c;
  }

  it('"open" (the default) reads nothing from disk and lists nothing', async () => {
    const c = await TestClient.start({ workspaceFolders: [folder.uri], more: WATCH });
    client = c;
    await sleep(1500);
    assert.deepEqual(c.published, []);
    assert.deepEqual(scopeWatchers(c), []);
  });

  it('publishes the problems of every file never opened, as opening it would list them, and reports progress', async () => {
    const c = await start();
    const names = Object.keys(folder.files);
    await c.waitFor(() => names.every((n) => lastPublish(c, folder.uriOf(n))), 'a publish for each file');
    for (const name of names) {
      const sent = lastPublish(c, folder.uriOf(name))!;
      assert.strictEqual(sent.version, undefined, 'a file not open has no version');
      const expected = expectedProblems(folder.files[name]);
      assert.ok(expected.length > 0, `${name} has problems`);
      assert.deepEqual(listed(sent.diagnostics), expected, name);
    }
    // The GBK file was read as GB18030: the same problems as its UTF-8 text, no encoding message.
    assert.ok(!lastPublish(c, folder.uriOf('sub/丁单位绩效目标表.txt'))!.diagnostics.some((d) => d.code === 'encoding'));
    // Not taken: a name the patterns do not match, and node_modules.
    assert.ok(!c.published.some((p) => p.uri === folder.uriOf('notes.txt')));
    assert.ok(!c.published.some((p) => p.uri.includes('node_modules')));
    // Watchers registered for the language's patterns.
    const watch = scopeWatchers(c)[0];
    assert.ok(watch, 'file watchers registered');
    const globs = (watch.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/*.ttable') && globs.includes('**/*绩效目标表*.txt'), globs.join(', '));
    // Progress: ends with every file checked, and counts the problems.
    await c.waitFor(() => progress(c).some((p) => p.active && p.total === 4 && p.checked === 4), 'the final progress');
    const end = progress(c)
      .filter((p) => p.total === 4 && p.checked === 4)
      .pop()!;
    const total = names.reduce((n, name) => n + expectedProblems(folder.files[name]).length, 0);
    assert.strictEqual(end.filesWithProblems, 4);
    assert.ok(end.problems > 0 && end.problems <= total, `${end.problems} of ${total}`);
  });

  it('checks a file again when it changes on disk, a created one, and clears a deleted one', async () => {
    const c = await start();
    const a = folder.uriOf('a.ttable');
    const b = folder.uriOf('乙局绩效目标表.txt');
    await c.waitFor(() => !!lastPublish(c, a) && !!lastPublish(c, b), 'the first publishes');
    const before = lastPublish(c, a)!;
    // a.ttable now holds another template's text: other problems.
    const other = templateText('10-fuliang-linye-zhengti.txt');
    fs.writeFileSync(folder.path('a.ttable'), other);
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a, type: 2 }] });
    await c.waitFor(() => lastPublish(c, a) !== before, 'a publish after the change');
    assert.deepEqual(listed(lastPublish(c, a)!.diagnostics), expectedProblems(other));

    fs.writeFileSync(folder.path('新建绩效目标表.txt'), other);
    const created = folder.uriOf('新建绩效目标表.txt');
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: created, type: 1 }] });
    await c.waitFor(() => !!lastPublish(c, created), 'a publish for the created file');
    assert.deepEqual(listed(lastPublish(c, created)!.diagnostics), expectedProblems(other));

    fs.rmSync(folder.path('乙局绩效目标表.txt'));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 3 }] });
    await c.waitFor(() => lastPublish(c, b)!.diagnostics.length === 0, 'the deleted file cleared');
  });

  it('an opened file is its session’s; closed, its problems stay (as on disk)', async () => {
    const c = await start();
    const a = folder.uriOf('a.ttable');
    await c.waitFor(() => !!lastPublish(c, a), 'the workspace publish');
    const onDisk = listed(lastPublish(c, a)!.diagnostics);
    // Opened with an edit that is not saved: the session publishes the open text's problems (with a version).
    await c.notify('textDocument/didOpen', { textDocument: { uri: a, languageId: 'target-table', version: 1, text: folder.files['a.ttable'] + '\n' } });
    await c.waitFor(() => lastPublish(c, a)!.version === 1, 'the session publish');
    const n = c.published.length;
    await c.notify('textDocument/didClose', { textDocument: { uri: a } });
    await c.waitFor(() => c.published.slice(n).some((p) => p.uri === a && p.version === undefined && p.diagnostics.length > 0), 'the disk problems again');
    assert.deepEqual(listed(lastPublish(c, a)!.diagnostics), onDisk);
  });

  it('scope back to "open": the listed files are cleared and the watchers go', async () => {
    const c = await start();
    const names = Object.keys(folder.files);
    await c.waitFor(() => names.every((n) => lastPublish(c, folder.uriOf(n))), 'a publish for each file');
    c.config = { scope: 'open' };
    await c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.waitFor(() => names.every((n) => lastPublish(c, folder.uriOf(n))!.diagnostics.length === 0), 'every file cleared');
    await c.waitFor(() => scopeWatchers(c).length === 0, 'the watchers unregistered');
    await c.waitFor(() => progress(c).length > 0 && !progress(c)[progress(c).length - 1].active, 'progress inactive');
  });

  it('a pulling client: a workspace provider is registered and workspace/diagnostic is a long poll with partial results', async () => {
    const c = await start({ pull: true });
    await c.waitFor(() => c.registrations.some((r) => r.method === 'textDocument/diagnostic'), 'the workspace provider');
    const reg = c.registrations.find((r) => r.method === 'textDocument/diagnostic')!;
    const opts = reg.registerOptions as { identifier: string; workspaceDiagnostics: boolean; documentSelector: { scheme?: string }[] };
    assert.strictEqual(opts.identifier, 'target-table-workspace');
    assert.strictEqual(opts.workspaceDiagnostics, true);
    assert.ok(
      opts.documentSelector.every((s) => s.scheme === 'target-table-workspace-only'),
      'it pulls no open document',
    );
    assert.ok(!c.published.some((p) => p.diagnostics.length > 0), 'nothing is pushed');

    const names = Object.keys(folder.files);
    const partials: WorkspaceDocumentDiagnosticReport[] = [];
    const token = 'partial-1';
    const progressed = c.conn.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (p) => {
      partials.push(...p.items);
    });
    const first = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', {
      identifier: 'target-table-workspace',
      previousResultIds: [],
      partialResultToken: token,
    });
    progressed.dispose();
    assert.ok(partials.length > 0, 'reported as partial results');
    const reports = [...partials, ...first.items];
    for (const name of names) {
      const r = reports.filter((x) => x.uri === folder.uriOf(name)).pop();
      assert.ok(r && r.kind === 'full', `${name} reported`);
      assert.deepEqual(listed(r.items), expectedProblems(folder.files[name]), name);
    }
    // With every result id known, the next request waits (long poll) until a file changes.
    const previousResultIds = names.map((name) => ({ uri: folder.uriOf(name), value: reports.filter((x) => x.uri === folder.uriOf(name)).pop()!.resultId! }));
    let answered: WorkspaceDiagnosticReport | undefined;
    const second = c
      .request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'target-table-workspace', previousResultIds })
      .then((r) => (answered = r));
    await sleep(800);
    assert.strictEqual(answered, undefined, 'nothing changed: no answer yet');
    fs.rmSync(folder.path('a.ttable'));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: folder.uriOf('a.ttable'), type: 3 }] });
    const r = await second;
    assert.deepEqual(
      r.items.map((i) => [i.uri, i.kind === 'full' ? i.items.length : -1]),
      [[folder.uriOf('a.ttable'), 0]],
      'only the deleted file, reported empty',
    );
  });

  it('a pulling client: an opened file is reported empty by the workspace provider, and from disk again once closed', async () => {
    const c = await start({ pull: true });
    await c.waitFor(() => c.registrations.some((r) => r.method === 'textDocument/diagnostic'), 'the workspace provider');
    const a = folder.uriOf('a.ttable');
    const pull = (previousResultIds: { uri: string; value: string }[]) =>
      c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'target-table-workspace', previousResultIds });
    const first = await pull([]);
    const ids = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    const fromDisk = first.items.find((i) => i.uri === a)!;
    assert.ok(fromDisk.kind === 'full' && fromDisk.items.length > 0);
    // Opened: its session has it; the workspace list for it is emptied.
    const opened = pull(ids);
    await c.notify('textDocument/didOpen', { textDocument: { uri: a, languageId: 'target-table', version: 1, text: folder.files['a.ttable'] } });
    const whileOpen = await opened;
    assert.deepEqual(
      whileOpen.items.map((i) => [i.uri, i.kind === 'full' ? i.items.length : -1]),
      [[a, 0]],
    );
    // Closed: its problems are listed again, as the file on disk has them.
    const ids2 = ids.map((r) => (r.uri === a ? { uri: a, value: whileOpen.items[0].resultId! } : r));
    const closed = pull(ids2);
    await c.notify('textDocument/didClose', { textDocument: { uri: a } });
    const afterClose = await closed;
    const again = afterClose.items.find((i) => i.uri === a);
    assert.ok(again && again.kind === 'full');
    assert.deepEqual(listed(again.items), listed(fromDisk.items));
  });

  it('unit: the server’s URIs are VS Code’s (Uri.file(p).toString())', () => {
    assert.strictEqual(fileUri('/tmp/a b/绩效(1).txt'), 'file:///tmp/a%20b/%E7%BB%A9%E6%95%88%281%29.txt');
  });
});

describe('LSP: a document decoded with the wrong encoding', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('gets one diagnostic at its first U+FFFD, first in the list, and its quick fix reopens it as GB18030', async () => {
    const c = (client = await TestClient.start());
    // What VS Code shows for a GBK export read as UTF-8.
    const text = new TextDecoder('utf-8').decode(iconv.encode(templateText('04-huaibei-wenlv-songxi.txt'), 'gbk'));
    const uri = 'file:///tmp/gbk-read-as-utf8.ttable';
    await c.open(uri, text);
    const sent = await c.waitForDiagnostics(uri);
    const enc = sent.diagnostics.filter((d) => d.code === 'encoding');
    assert.strictEqual(enc.length, 1, 'one per file');
    assert.strictEqual(sent.diagnostics[0].code, 'encoding', 'listed first');
    const first = text.split('\n').findIndex((l) => l.includes('\uFFFD'));
    assert.strictEqual(enc[0].range.start.line, first);
    const actions = await c.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: enc[0].range,
      context: { diagnostics: [enc[0]] },
    });
    const reopen = actions.find((a) => a.command?.command === 'targetTable.reopenWithEncoding');
    assert.ok(reopen, actions.map((a) => a.title).join(', '));
    assert.deepEqual(reopen.command!.arguments, [uri, 'gb18030']);
    // Reopened right (the client sends the new text): the message is gone.
    await c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: templateText('04-huaibei-wenlv-songxi.txt') }] });
    const after = await c.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'encoding'));
  });
});
