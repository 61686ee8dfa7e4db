/**
 * A file with more problems than `targetTable.maxProblems` (default 1000, VS Code's own per-file
 * limit): the server sends the problems of the departments around the last edit or cursor (at
 * most half the limit, with the summary: 500), and follows the cursor, in push and in pull mode.
 */
import * as assert from 'node:assert';
import type { Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FullDocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { parseDocument } from '../../server/src/core/parse/document';
import { cachedDiagnostics } from '../helpers/diagnostics';
import { documentOutline } from '../../server/src/features/document-symbols';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { TestClient, sampleText, sleep } from './client';

const URI = 'file:///tmp/target-table-test/三份样例绩效目标表.txt';
const text = () => [sampleText(), sampleText(), sampleText()].join('\n');
const model = parseDocument(text());
/** What the CLI would list: every problem of the file (absolute, Chinese). */
const ALL = cachedDiagnostics(model, URI, DEFAULT_SETTINGS, 'zh');
/** A line in the middle department of the third copy, and one in the first copy. */
const perCopy = model.sections.length / 3;
const far = model.sections[2 * perCopy + Math.floor(perCopy / 2)];
const farLine = far.startLine + 30;

function summaryOf(ds: Diagnostic[]): Diagnostic {
  const s = ds[0];
  assert.strictEqual(s.code, undefined, 'the summary comes first and has no rule code');
  assert.strictEqual(s.severity, 3);
  return s;
}

const lines = (ds: Diagnostic[]) => ds.slice(1).map((d) => d.range.start.line);
const sectionOf = (line: number) => {
  let k = 0;
  while (k + 1 < model.sections.length && model.sections[k + 1].startLine <= line) k++;
  return k;
};
/** Whether the departments sent include the one holding `line`. */
const covers = (ds: Diagnostic[], line: number) => {
  const ls = lines(ds);
  const k = sectionOf(line);
  return sectionOf(Math.min(...ls)) <= k && k <= sectionOf(Math.max(...ls));
};
/** The problems of the file that lie on the lines spanned by `ds` (the departments sent are whole). */
function expectedFor(ds: Diagnostic[]): Diagnostic[] {
  const ls = lines(ds);
  const a = sectionOf(Math.min(...ls));
  const b = sectionOf(Math.max(...ls));
  const from = model.sections[a].startLine;
  const to = b + 1 < model.sections.length ? model.sections[b + 1].startLine - 1 : model.lineCount - 1;
  return ALL.filter((d) => d.range.start.line >= from && d.range.start.line <= to);
}

describe('LSP server: a file over targetTable.maxProblems', function () {
  this.timeout(30000);

  it('push: sends at most 500 (half the limit), the departments around the cursor, and follows edits and the cursor', async function () {
    const client = await TestClient.start();
    try {
      assert.strictEqual(ALL.length, 2082);
      await client.open(URI, text());
      // 108 departments: checked around the cursor first, the rest in the background, then sent again.
      const early = (await client.waitForDiagnostics(URI, (p) => p.version === 1)).diagnostics;
      assert.match(summaryOf(early).message as string, /正在检查这个大文件.*其余 \d+ 个部门正在检查/);
      assert.ok(covers(early, 0) && early.length <= 500);
      assert.deepStrictEqual(early.slice(1), expectedFor(early), 'whole departments, already right');
      const first = (await client.waitForDiagnostics(URI, (p) => p.version === 1 && /本文件共有/.test(String(p.diagnostics[0]?.message)))).diagnostics;
      assert.ok(first.length <= 500 && first.length > 400, String(first.length));
      assert.match(summaryOf(first).message as string, /本文件共有 2,082 个问题/);
      assert.ok(covers(first, 0), 'at open the window is at the top of the file');
      assert.deepStrictEqual(first.slice(1), expectedFor(first));

      // The cursor goes to the third copy (VS Code asks for code actions there): a new publish.
      const before = client.published.length;
      await client.request('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: farLine, character: 0 }, end: { line: farLine, character: 0 } },
        context: { diagnostics: [] },
      });
      const moved = (await client.waitForDiagnostics(URI, (p) => client.published.indexOf(p) >= before)).diagnostics;
      assert.ok(covers(moved, farLine), 'problems around the cursor are sent');
      assert.deepStrictEqual(moved.slice(1), expectedFor(moved));

      // A cursor move inside the window sends nothing new.
      const count = client.published.length;
      await client.request('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: farLine + 1, character: 0 }, end: { line: farLine + 1, character: 0 } },
        context: { diagnostics: [] },
      });
      await sleep(300);
      assert.strictEqual(client.published.length, count);

      // An edit in the first copy moves the window there; the edited department's problems are in it.
      const editLine = model.sections[3].startLine + 10;
      await client.notify('textDocument/didChange', {
        textDocument: { uri: URI, version: 2 },
        contentChanges: [{ range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 0 } }, text: ' ' }],
      });
      const edited = (await client.waitForDiagnostics(URI, (p) => p.version === 2)).diagnostics;
      assert.ok(covers(edited, editLine));
      assert.ok(edited.length <= 500);

      // maxProblems 0: everything.
      client.config = { maxProblems: 0 };
      const n = client.published.length;
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const all = await client.waitForDiagnostics(URI, (p: PublishDiagnosticsParams) => client.published.indexOf(p) >= n);
      const editedLines = text().split('\n');
      editedLines[editLine] = ' ' + editedLines[editLine];
      const expected = cachedDiagnostics(parseDocument(editedLines.join('\n')), URI, DEFAULT_SETTINGS, 'zh');
      assert.deepStrictEqual(all.diagnostics, expected);
      assert.ok(
        all.diagnostics.every((d) => d.code !== undefined),
        'no summary when nothing is held back',
      );
    } finally {
      await client.stop();
    }
  });

  it('pull: the report is windowed the same way, unchanged when nothing moved, refreshed when the cursor leaves', async function () {
    const client = await TestClient.start({ pull: true, locale: 'en' });
    try {
      await client.open(URI, text());
      const pull = (previousResultId?: string) =>
        client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId });
      const r0 = (await pull()) as FullDocumentDiagnosticReport;
      assert.match(summaryOf(r0.items).message as string, /Checking this large file/);
      // the server asks the editor to pull again once every department is checked
      for (let i = 0; i < 250 && client.refreshes === 0; i++) await sleep(20);
      assert.strictEqual(client.refreshes, 1);
      const r1 = (await pull(r0.resultId)) as FullDocumentDiagnosticReport;
      assert.strictEqual(r1.kind, 'full');
      assert.ok(r1.items.length <= 500);
      assert.match(summaryOf(r1.items).message as string, /This file has 2,082 problems/);
      assert.ok(covers(r1.items, 0));
      assert.strictEqual((await pull(r1.resultId)).kind, 'unchanged');

      const refreshes = client.refreshes;
      await client.request('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: farLine, character: 0 }, end: { line: farLine, character: 0 } },
        context: { diagnostics: [] },
      });
      for (let i = 0; i < 50 && client.refreshes === refreshes; i++) await sleep(20);
      assert.strictEqual(client.refreshes, refreshes + 1, 'the server asks the editor to pull again');
      const r2 = (await pull(r1.resultId)) as FullDocumentDiagnosticReport;
      assert.strictEqual(r2.kind, 'full');
      assert.ok(covers(r2.items, farLine));
    } finally {
      await client.stop();
    }
  });

  it('outline: over targetTable.maxOutlineItems every department is listed, the one being edited in full', async function () {
    const client = await TestClient.start();
    try {
      await client.open(URI, text());
      const count = (ss: readonly DocumentSymbol[]): number => ss.reduce((n, x) => n + 1 + count(x.children ?? []), 0);
      const full = documentOutline(model, 'zh').symbols;
      // an edit in the third copy moves the focus there (a space typed and removed: same text)
      const at = { line: farLine, character: 0 };
      await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: ' ' }] });
      await client.notify('textDocument/didChange', {
        textDocument: { uri: URI, version: 3 },
        contentChanges: [{ range: { start: at, end: { line: farLine, character: 1 } }, text: '' }],
      });
      const limited = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.strictEqual(limited.length, full.length);
      assert.ok(count(limited) <= 5000, String(count(limited)));
      const k = full.findIndex((d) => d.range.start.line <= farLine && farLine <= d.range.end.line);
      assert.deepStrictEqual(limited[k], full[k]);
      client.config = { maxOutlineItems: 0 };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await sleep(100);
      assert.deepStrictEqual(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } }), full);
    } finally {
      await client.stop();
    }
  });
});
