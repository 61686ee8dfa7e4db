/**
 * End-to-end tests of the bundled language server (dist/server.js, built by `npm run build`),
 * spoken to over stdio as an editor would. Tests marked [rules] need the rule set
 * (TT201 = non-standard comparator ≧ → ≥, fixable and safe) to be registered.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  CodeAction,
  Diagnostic,
  DocumentDiagnosticReport,
  FullDocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
  TextEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver/node';
import { SymbolKind } from 'vscode-languageserver/node';
import { applyEdits } from '../../server/src/core/fixes';
import { RULES } from '../../server/src/core/rules/index';
import { SAMPLE_URI, TestClient, sampleText, sleep } from './client';

const CJK = /[\u4e00-\u9fff]/;
const lines = () => sampleText().split(/\r\n|\r|\n/);

function lineOf(text: string, needle: string): number {
  const i = lines().findIndex((l) => l === needle);
  assert.ok(i >= 0, `line ${JSON.stringify(needle)} not in the sample`);
  return i;
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'no hover');
  const c = h.contents as { kind: string; value: string };
  assert.strictEqual(c.kind, 'markdown');
  return c.value;
}

function editsOf(a: CodeAction, uri: string): TextEdit[] {
  const e = a.edit!;
  if (e.documentChanges) {
    const dc = e.documentChanges[0] as { textDocument: { uri: string }; edits: TextEdit[] };
    assert.strictEqual(dc.textDocument.uri, uri);
    return dc.edits;
  }
  return e.changes![uri];
}

function inside(outer: Range, inner: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** didChange with edits given against the current text (applied from the end backwards). */
function changesFor(edits: TextEdit[]) {
  return [...edits]
    .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
    .map((e) => ({ range: e.range, text: e.newText }));
}

describe('LSP server over stdio: push diagnostics, Chinese, workspace/configuration', function () {
  let client: TestClient;
  let first: Diagnostic[];

  before(async function () {
    client = await TestClient.start();
    await client.open(SAMPLE_URI, sampleText());
    first = (await client.waitForDiagnostics(SAMPLE_URI, (p) => p.version === 1)).diagnostics;
  });

  after(async function () {
    if (client.proc.exitCode === null) await client.stop();
  });

  it('announces incremental sync and the features', function () {
    const caps = client.initializeResult.capabilities;
    assert.deepStrictEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.hoverProvider && caps.documentSymbolProvider && caps.foldingRangeProvider && caps.workspaceSymbolProvider);
    assert.deepStrictEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.targetTable']);
    assert.strictEqual((caps.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, false, 'no resolve for a client without resolveSupport');
    assert.strictEqual(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client without the capability');
  });

  it('asks for the targetTable settings', function () {
    assert.ok(client.configRequests > 0);
  });

  it('[rules] publishes diagnostics with version, source, code, rule link and Chinese messages', function () {
    assert.ok(first.length > 0, 'the sample has problems');
    for (const d of first) {
      assert.strictEqual(d.source, 'target-table');
      assert.match(String(d.code), /^TT\d{3}$/);
      // The rule's page beside the spawned dist/server.js (../docs/rules), a file that exists: it opens offline.
      const page = path.resolve(__dirname, '..', '..', '..', 'docs', 'rules', `${String(d.code)}.md`);
      assert.strictEqual(d.codeDescription?.href, pathToFileURL(page).href);
      assert.ok(fs.existsSync(fileURLToPath(d.codeDescription.href)), d.codeDescription.href);
      assert.ok(d.severity! >= 1 && d.severity! <= 4);
      assert.match(d.message as string, CJK, d.message as string);
    }
  });

  it('hover on an indicator row shows the path and the value', async function () {
    const line = lineOf(sampleText(), '\t加强多渠道融合服务');
    for (const l of [line, line + 2]) {
      const v = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: l, character: 2 } }));
      assert.match(v, /^\*\*武汉市东西湖区行政审批局\*\* › 长期目标2：政务服务。.*… › 产出指标.* › 数量指标.* › \*\*加强多渠道融合服务\*\*/);
      assert.match(v, /指标值：100%/);
    }
  });

  it('hover on an annual row reads back 前年 / 上年 / 当年', async function () {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    const annual = symbols[0].children!.find((s) => s.name.startsWith('年度目标'))!;
    const row = annual.children![0];
    const v = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: row.selectionRange.start }));
    assert.match(v, / › 年度目标1：/);
    assert.match(v, /- 前年：/);
    assert.match(v, /- 上年：/);
    assert.match(v, /- 当年目标：/);
  });

  it('hover on an overview goal lists its table; on a table header shows the overview goal', async function () {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    const ov = symbols[0].children!.find((s) => s.name === '整体绩效总目标 — 武汉市东西湖区行政审批局')!;
    const goal = ov.children![0];
    const g = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: goal.selectionRange.start }));
    assert.match(g, /实现该目标的表：\n- 长期目标1：.*（8 个指标，按编号匹配/);
    const table = symbols[0].children!.find((s) => s.name === '长期目标1 — 武汉市东西湖区行政审批局')!;
    const t = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: table.selectionRange.start }));
    assert.match(t, /整体绩效总目标中的对应目标/);
    assert.match(t, /> 目标1：行政审批。/);
  });

  it('[rules] offers a preferred quick fix for TT201 that replaces ≧ with ≥ at the exact range', async function () {
    const text = lines();
    const d = first.find((x) => x.code === 'TT201' && text[x.range.start.line].slice(x.range.start.character, x.range.end.character) === '≧');
    assert.ok(d, 'a TT201 diagnostic on ≧');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: SAMPLE_URI },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions));
    assert.strictEqual(fix.kind, 'quickfix');
    assert.strictEqual(fix.diagnostics?.[0].code, 'TT201');
    assert.deepStrictEqual(editsOf(fix, SAMPLE_URI), [{ range: d.range, newText: '≥' }]);
    // "fix all TT201 problems in this file" comes with it, and no source action was asked for.
    const all = actions.find((a) => !a.isPreferred && /TT201/.test(a.title));
    assert.ok(all, 'fix-all-of-kind action');
    assert.ok(editsOf(all, SAMPLE_URI).length > 1);
    assert.ok(editsOf(all, SAMPLE_URI).every((e) => e.newText === '≥' || e.newText === '≤' || e.newText === '>' || e.newText === '<' || e.newText === '='));
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
  });

  it('documentSymbol: 36 departments, each block containing its children', async function () {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.strictEqual(symbols.length, 36);
    assert.strictEqual(symbols[0].name, '武汉市东西湖区行政审批局');
    let tables = 0;
    let indicators = 0;
    const walk = (s: DocumentSymbol) => {
      assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection outside range`);
      for (const c of s.children ?? []) {
        assert.ok(inside(s.range, c.range), `${c.name} outside ${s.name}`);
        walk(c);
      }
    };
    for (const dep of symbols) {
      assert.strictEqual(dep.kind, SymbolKind.File, 'a section is a File (a page: one form)');
      walk(dep);
      for (const c of dep.children ?? []) {
        if (/^(长期|年度)目标/.test(c.name)) {
          tables++;
          indicators += c.children?.length ?? 0;
        }
      }
    }
    assert.strictEqual(tables, 319);
    assert.strictEqual(indicators, 3044);
    // Departments tile the document: each starts where the previous one ended.
    for (let i = 1; i < symbols.length; i++) assert.strictEqual(symbols[i].range.start.line, symbols[i - 1].range.end.line + 1);
  });

  it('folding ranges for departments, overviews and tables', async function () {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: SAMPLE_URI } });
    assert.strictEqual(folds.length, 36 + 36 + 319);
    assert.ok(folds.every((f) => f.endLine > f.startLine));
  });

  it('selection ranges grow from a cell to its row, table and department', async function () {
    assert.ok(client.initializeResult.capabilities.selectionRangeProvider);
    const [s] = await client.request<{ range: { start: { line: number } }; parent?: unknown }[]>('textDocument/selectionRange', {
      textDocument: { uri: SAMPLE_URI },
      positions: [{ line: 20, character: 1 }],
    });
    let depth = 0;
    for (let r: { parent?: unknown } | undefined = s; r; r = r.parent as { parent?: unknown } | undefined) depth++;
    assert.ok(depth >= 3, `depth ${depth}`);
  });

  it('workspace symbols find departments and goals', async function () {
    const found = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '行政审批局' });
    assert.ok(found.some((s) => s.name === '武汉市东西湖区行政审批局' && s.kind === SymbolKind.File));
    const goals = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '优化营商环境' });
    assert.ok(goals.some((s) => s.name.includes('优化营商环境') && s.containerName?.startsWith('武汉市东西湖区行政审批局')));
  });

  it('targetTable/stats summarises the document', async function () {
    const s = await client.request<Record<string, number>>('targetTable/stats', { uri: SAMPLE_URI });
    assert.deepStrictEqual(s, { departments: 36, goals: 316, tables: 319, indicators: 3044, problems: first.length });
    assert.strictEqual(await client.request('targetTable/stats', { uri: 'file:///not/open.txt' }), null);
  });

  it('[rules] source.fixAll.targetTable applies every safe fix; a second run finds nothing', async function () {
    const uri = 'file:///tmp/target-table-test/fixall.txt';
    const text = sampleText();
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.strictEqual(actions.length, 1);
    assert.strictEqual(actions[0].kind, 'source.fixAll.targetTable');
    const edits = editsOf(actions[0], uri);
    assert.ok(edits.length > 0);
    const fixed = applyEdits(text, edits);
    assert.doesNotMatch(fixed, /^\t≧\d/m);
    // Send the fix to the server as an editor applying the workspace edit would.
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changesFor(edits) });
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'TT201'), 'no TT201 left');
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.targetTable'] },
    });
    assert.deepStrictEqual(again, []);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  describe('incremental edits', function () {
    const uri = 'file:///tmp/target-table-test/edit.txt';
    let text = '';
    const valueLine = () => lineOf(text, '\t加强多渠道融合服务') + 1; // its 指标值 `100%`

    before(async function () {
      text = sampleText();
      await client.open(uri, text);
      await client.waitForDiagnostics(uri, (p) => p.version === 1);
    });

    it('inserting ≧ into a value updates hover and (with rules) diagnostics of the new version', async function () {
      const line = valueLine();
      assert.strictEqual(lines()[line], '\t100%');
      const range = { start: { line, character: 1 }, end: { line, character: 1 } };
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: '≧' }] });
      const v = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } }));
      assert.match(v, /指标值：≥ 100%，下限/);
      const p = await client.waitForDiagnostics(uri, (x) => x.version === 2);
      assert.ok(
        p.diagnostics.some((d) => d.code === 'TT201' && d.range.start.line === line && d.range.start.character === 1 && d.range.end.character === 2),
        '[rules] TT201 on the inserted ≧',
      );
    });

    it('drops stale versions: two quick edits publish only the last one', async function () {
      const mark = client.published.length;
      const line = valueLine();
      // v3 removes the ≧ again, v4 puts a line break at the very start (every section moves down).
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [{ range: { start: { line, character: 1 }, end: { line, character: 2 } }, text: '' }],
      });
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version: 4 },
        contentChanges: [{ range: { start: { line: 1182, character: 0 }, end: { line: 1182, character: 0 } }, text: '\n' }],
      });
      await client.waitForDiagnostics(uri, (x) => x.version === 4);
      await sleep(150);
      const versions = client.published
        .slice(mark)
        .filter((x) => x.uri === uri)
        .map((x) => x.version);
      assert.deepStrictEqual(versions, [4]);
    });

    it('the edited document equals a fresh open of the same text (symbols, diagnostics)', async function () {
      const all = lines();
      all.splice(1182, 0, '');
      const fresh = 'file:///tmp/target-table-test/fresh.txt';
      // The sample's line breaks are \n.
      await client.open(fresh, all.join('\n'));
      const a = await client.waitForDiagnostics(uri, (x) => x.version === 4);
      const b = await client.waitForDiagnostics(fresh, (x) => x.version === 1);
      const strip = (ds: Diagnostic[]) =>
        ds.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: '' } })) }));
      assert.deepStrictEqual(strip(a.diagnostics), strip(b.diagnostics));
      const sa = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const sb = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fresh } });
      assert.deepStrictEqual(sa, sb);
      assert.strictEqual(sa[1].range.start.line, 1183, 'the second department moved down by one line');
    });
  });

  describe('settings and shutdown (last: they change the session)', function () {
    it('[rules] a severity set to off in workspace/configuration removes those diagnostics live', async function () {
      assert.ok(first.some((d) => d.code === 'TT201'));
      const mark = client.published.length;
      client.config = { severity: { TT201: 'off' } };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const p = await client.waitForDiagnostics(SAMPLE_URI, (x) => client.published.indexOf(x) >= mark);
      assert.strictEqual(p.version, 1);
      assert.ok(!p.diagnostics.some((d) => d.code === 'TT201'));
      assert.strictEqual(p.diagnostics.length, first.filter((d) => d.code !== 'TT201').length);
    });

    it('[rules] targetTable.rules.TTxxx turns a rule off, and wins over the deprecated object', async function () {
      assert.ok(first.some((d) => d.code === 'TT202') && first.some((d) => d.code === 'TT403'));
      const mark = client.published.length;
      // As VS Code sends the section: every rule entry, at its default unless set; the old object beside it.
      const rules = Object.fromEntries(RULES.map((r) => [r.code, r.code === 'TT202' ? 'off' : r.defaultSeverity]));
      client.config = { rules, severity: { TT202: 'error', TT403: 'off' } };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const p = await client.waitForDiagnostics(SAMPLE_URI, (x) => client.published.indexOf(x) >= mark);
      assert.ok(!p.diagnostics.some((d) => d.code === 'TT202'), 'targetTable.rules.TT202 = off wins over severity.TT202 = error');
      assert.ok(!p.diagnostics.some((d) => d.code === 'TT403'), 'severity.TT403 = off applies: its own entry is at the default');
      assert.ok(
        p.diagnostics.some((d) => d.code === 'TT201'),
        'TT201 is back: the earlier severity.TT201 = off is no longer set',
      );
    });

    it('shuts down and exits with code 0', async function () {
      assert.strictEqual(await client.stop(), 0);
    });
  });
});

describe('LSP server: English locale, no configuration capability', function () {
  let client: TestClient;

  before(async function () {
    client = await TestClient.start({ locale: 'en-US', configuration: false });
    await client.open(SAMPLE_URI, sampleText());
  });

  after(async function () {
    if (client.proc.exitCode === null) await client.stop();
  });

  it('hover labels are English', async function () {
    const line = lineOf(sampleText(), '\t加强多渠道融合服务');
    const v = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line, character: 1 } }));
    assert.match(v, / › Long-term goal 2: /);
    assert.match(v, /Target value: 100%, target value \(no comparator\)/);
  });

  it('[rules] diagnostic messages are English', async function () {
    const p = await client.waitForDiagnostics(SAMPLE_URI, (x) => x.version === 1);
    assert.ok(p.diagnostics.length > 0);
    for (const d of p.diagnostics) assert.match(d.message as string, /^[\x20-\x7e]/, d.message as string);
  });

  it('[rules] settings from didChangeConfiguration apply without workspace/configuration', async function () {
    const mark = client.published.length;
    await client.notify('workspace/didChangeConfiguration', { settings: { targetTable: { severity: { TT201: 'off' } } } });
    const p = await client.waitForDiagnostics(SAMPLE_URI, (x) => client.published.indexOf(x) >= mark);
    assert.ok(p.diagnostics.length > 0);
    assert.ok(!p.diagnostics.some((d) => d.code === 'TT201'));
    assert.strictEqual(client.configRequests, 0);
  });

  it('initializationOptions.locale selects English too', async function () {
    const other = await TestClient.start({ initializationOptions: { locale: 'en' } });
    try {
      await other.open(SAMPLE_URI, sampleText());
      const symbols = await other.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
      // Names are the document's words in every language; the English is in the detail.
      assert.ok(symbols[0].children!.some((s) => s.name === '整体绩效总目标 — 武汉市东西湖区行政审批局' && s.detail === 'Overall targets'));
      assert.ok(symbols[0].children!.some((s) => s.name === '长期目标1 — 武汉市东西湖区行政审批局' && s.detail?.startsWith('Long-term goal 1: ')));
    } finally {
      assert.strictEqual(await other.stop(), 0);
    }
  });
});

describe('LSP server: pull diagnostics', function () {
  let client: TestClient;

  before(async function () {
    client = await TestClient.start({ pull: true });
  });

  after(async function () {
    if (client.proc.exitCode === null) await client.stop();
  });

  it('announces a diagnostic provider and does not push', async function () {
    const dp = client.initializeResult.capabilities.diagnosticProvider as { interFileDependencies: boolean; workspaceDiagnostics: boolean };
    assert.ok(dp);
    assert.strictEqual(dp.interFileDependencies, false);
    await client.open(SAMPLE_URI, sampleText());
    await sleep(300);
    assert.strictEqual(client.published.length, 0);
  });

  it('answers textDocument/diagnostic, then "unchanged" for the same result id', async function () {
    const r1 = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: SAMPLE_URI } });
    assert.strictEqual(r1.kind, 'full');
    const full = r1 as { kind: 'full'; resultId?: string; items: Diagnostic[] };
    assert.ok(typeof full.resultId === 'string');
    assert.ok(full.items.every((d) => d.source === 'target-table'));
    const r2 = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: SAMPLE_URI },
      previousResultId: full.resultId,
    });
    assert.strictEqual(r2.kind, 'unchanged');
    await client.notify('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
    });
    const r3 = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: SAMPLE_URI },
      previousResultId: full.resultId,
    });
    assert.strictEqual(r3.kind, 'unchanged', 'a new version with the same problems: nothing to send');
  });

  it('typing that changes no problem is "unchanged"; one that does gives the full list', async function () {
    const r1 = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: SAMPLE_URI },
    })) as FullDocumentDiagnosticReport;
    // a letter typed at the end of a 指标值确定依据 cell (计划数据 → 计划数据x)
    const line = lines().indexOf('\t计划数据');
    assert.ok(line > 0);
    await client.notify('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version: 3 },
      contentChanges: [{ range: { start: { line, character: 5 }, end: { line, character: 5 } }, text: 'x' }],
    });
    const r2 = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: SAMPLE_URI }, previousResultId: r1.resultId });
    assert.strictEqual(r2.kind, 'unchanged');
    // a ≥ typed as ≧ (TT201) on the first value line
    const valueLine = lines().findIndex((l) => /^\t≥\d/.test(l));
    await client.notify('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version: 4 },
      contentChanges: [{ range: { start: { line: valueLine, character: 1 }, end: { line: valueLine, character: 2 } }, text: '≧' }],
    });
    const r3 = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: SAMPLE_URI },
      previousResultId: r1.resultId,
    })) as FullDocumentDiagnosticReport;
    assert.strictEqual(r3.kind, 'full');
    assert.strictEqual(r3.items.length, r1.items.length + 1);
    assert.ok(r3.items.some((d) => d.code === 'TT201' && d.range.start.line === valueLine));
  });

  it('[rules] pulled diagnostics carry codes', async function () {
    const r = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: SAMPLE_URI } })) as { items: Diagnostic[] };
    assert.ok(r.items.length > 0);
    assert.ok(r.items.every((d) => /^TT\d{3}$/.test(String(d.code))));
  });
});

describe('LSP server: process', function () {
  it('exits on exit without shutdown with code 1 (LSP spec)', async function () {
    const client = await TestClient.start();
    await client.notify('exit', null);
    const code = await client.exited;
    client.conn.dispose();
    assert.strictEqual(code, 1);
  });
});

describe('LSP server: code actions resolved lazily (codeAction.resolveSupport, as VS Code declares)', function () {
  let client: TestClient;
  before(async function () {
    client = await TestClient.start({ resolve: true });
  });
  after(async function () {
    await client.stop();
  });

  it('[rules] fix-all-of-kind comes without its edit and resolves to the same edits an eager client gets', async function () {
    assert.strictEqual((client.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
    await client.open(SAMPLE_URI, sampleText());
    const ds = (await client.waitForDiagnostics(SAMPLE_URI, (p) => p.version === 1)).diagnostics;
    const text = lines();
    const d = ds.find((x) => x.code === 'TT201' && text[x.range.start.line].slice(x.range.start.character, x.range.end.character) === '≧')!;
    const params = { textDocument: { uri: SAMPLE_URI }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', params);
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.deepStrictEqual(editsOf(preferred, SAMPLE_URI), [{ range: d.range, newText: '≥' }], 'a single fix keeps its edit');
    const all = actions.find((a) => !a.isPreferred && /TT201/.test(a.title))!;
    assert.strictEqual(all.edit, undefined, 'sent without its edit');
    assert.ok(all.data);
    const resolved = await client.request<CodeAction>('codeAction/resolve', all);
    assert.strictEqual(resolved.title, all.title);
    const edits = editsOf(resolved, SAMPLE_URI);
    assert.strictEqual(edits.length, Number(/全部 (\d+) 处/.exec(all.title)![1]), 'as many edits as the title says');

    // The same action from a client without resolve support carries exactly these edits.
    const eager = await TestClient.start();
    try {
      await eager.open(SAMPLE_URI, sampleText());
      await eager.waitForDiagnostics(SAMPLE_URI, (p) => p.version === 1);
      const e = (await eager.request<CodeAction[]>('textDocument/codeAction', params)).find((a) => a.title === all.title)!;
      assert.deepStrictEqual(editsOf(e, SAMPLE_URI), edits);
    } finally {
      await eager.stop();
    }
    // Unknown data comes back as it was.
    const other = { title: 'x', data: { something: 1 } };
    assert.deepStrictEqual(await client.request('codeAction/resolve', other), other);
  });
});
