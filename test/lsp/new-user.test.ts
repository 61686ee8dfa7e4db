/**
 * What a new user tripped over (issue 12 part 8), through the real server over stdio: the
 * `targetTable.language` setting applied without a restart, diagnostics that name their department,
 * symbol names that do not depend on the language, and counts that agree (stats, published, CLI),
 * with nothing fixed on save that was not published.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver/node';
import { SAMPLE, SAMPLE_URI, TestClient, repoRoot, sampleText } from './client';

const CJK = /[\u4e00-\u9fff]/;

const message = (d: Diagnostic) => String(d.message);
/** The rule's message without the ` — 部门` the server adds. */
const ruleText = (d: Diagnostic) => message(d).slice(0, message(d).lastIndexOf(' — '));

function hoverText(h: Hover | null): string {
  assert.ok(h, 'no hover');
  return (h.contents as { value: string }).value;
}

function names(symbols: readonly DocumentSymbol[]): unknown[] {
  return symbols.map((s) => [s.name, names(s.children ?? [])]);
}

function overlaps(a: Range, b: Range): boolean {
  const le = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

/** The fix-on-save action's edits. */
async function fixOnSave(client: TestClient, uri: string): Promise<TextEdit[]> {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.strictEqual(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
  const dc = actions[0].edit!.documentChanges![0] as { edits: TextEdit[] };
  return dc.edits;
}

/** The CLI's problem count for the sample, as `target-table check --format json` reports it. */
function cliCount(): number {
  const r = spawnSync(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), 'check', '--format', 'json', SAMPLE], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.ok(r.stdout, r.stderr);
  return (JSON.parse(r.stdout) as unknown[]).length;
}

describe('LSP: what a new user tripped over (issue 12 part 8)', function () {
  let client: TestClient;
  let first: PublishDiagnosticsParams;
  const hoverLine = () => sampleText().split(/\r?\n/).indexOf('\t加强多渠道融合服务');

  /** Changes the settings as VS Code does (didChangeConfiguration, then workspace/configuration) and waits for the new publish. */
  async function configure(config: Record<string, unknown>): Promise<PublishDiagnosticsParams> {
    const mark = client.published.length;
    client.config = config;
    await client.notify('workspace/didChangeConfiguration', { settings: { targetTable: config } });
    return client.waitForDiagnostics(SAMPLE_URI, (p) => client.published.indexOf(p) >= mark);
  }

  before(async function () {
    // An editor whose display language is English (VS Code without the Chinese language pack).
    client = await TestClient.start({ initializationOptions: { locale: 'en' } });
    await client.open(SAMPLE_URI, sampleText());
    first = await client.waitForDiagnostics(SAMPLE_URI, (p) => p.version === 1);
  });

  after(async function () {
    if (client.proc.exitCode === null) await client.stop();
  });

  it('targetTable.language switches diagnostics and hovers without a restart, and back', async function () {
    assert.ok(
      first.diagnostics.every((d) => !CJK.test(ruleText(d)[0])),
      'auto: the client’s English',
    );
    const position = { line: hoverLine(), character: 1 };
    assert.match(hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position })), / › Long-term goal 2: /);

    const zh = await configure({ language: 'zh-cn' });
    assert.strictEqual(zh.diagnostics.length, first.diagnostics.length);
    assert.ok(
      zh.diagnostics.every((d) => CJK.test(ruleText(d))),
      'every message in Chinese',
    );
    assert.deepStrictEqual(
      zh.diagnostics.map((d) => [d.code, d.range]),
      first.diagnostics.map((d) => [d.code, d.range]),
    );
    assert.match(hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position })), / › 长期目标2：/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: SAMPLE_URI },
      range: zh.diagnostics.find((d) => d.code === 'TT201')!.range,
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.ok(actions.length > 0 && actions.every((a) => CJK.test(a.title)), JSON.stringify(actions.map((a) => a.title)));

    const en = await configure({ language: 'en' });
    assert.deepStrictEqual(en.diagnostics.map(message), first.diagnostics.map(message));
    const auto = await configure({});
    assert.deepStrictEqual(auto.diagnostics.map(message), first.diagnostics.map(message), 'auto: the client’s language again');
  });

  it('every diagnostic on the sample names its department, as the outline names it', async function () {
    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.strictEqual(outline.length, 36);
    const diagnostics = client.published.at(-1)!.diagnostics;
    const seen = new Set<string>();
    for (const d of diagnostics) {
      const dept = outline.find((s) => s.range.start.line <= d.range.start.line && d.range.start.line <= s.range.end.line);
      assert.ok(dept, `line ${d.range.start.line + 1} is in no department`);
      assert.ok(message(d).endsWith(` — ${dept.name}`), message(d));
      seen.add(dept.name);
    }
    // Filtering the Problems panel by a name finds every problem of that department (a substring of the message).
    for (const name of seen) {
      const ofDept = diagnostics.filter((d) => {
        const s = outline.find((o) => o.range.start.line <= d.range.start.line && d.range.start.line <= o.range.end.line)!;
        return s.name === name;
      });
      assert.ok(ofDept.every((d) => message(d).includes(name)));
    }
    assert.ok(seen.size > 30, `${seen.size} departments with problems`);
  });

  it('document symbols have the same names in zh and en', async function () {
    await configure({ language: 'en' });
    const en = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    await configure({ language: 'zh-cn' });
    const zh = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.deepStrictEqual(names(en), names(zh));
    const goal = (ss: DocumentSymbol[]) => ss[0].children!.find((c) => c.name === '长期目标1 — 武汉市东西湖区行政审批局')!;
    assert.match(goal(en).detail!, /^Long-term goal 1: /);
    assert.doesNotMatch(goal(zh).detail!, /Long-term/);
    await configure({});
  });

  it('stats count = published diagnostics = the CLI’s count (TT403 included)', async function () {
    const published = client.published.at(-1)!.diagnostics;
    const stats = await client.request<{ problems: number }>('targetTable/stats', { uri: SAMPLE_URI });
    assert.strictEqual(stats.problems, published.length);
    assert.strictEqual(cliCount(), published.length);
    assert.strictEqual(published.filter((d) => d.code === 'TT403').length, 169);
    assert.ok(
      published.every((d) => d.severity !== 4),
      'no hint: the Problems panel lists every one',
    );
  });

  it('fix-on-save edits only where a listed problem was published; a hint is neither counted nor fixed', async function () {
    const listed = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.severity !== 4);
    const shown = client.published.at(-1)!;
    const edits = await fixOnSave(client, SAMPLE_URI);
    assert.ok(edits.length > 100);
    for (const e of edits)
      assert.ok(
        listed(shown).some((d) => overlaps(d.range, e.range)),
        `an edit at line ${e.range.start.line + 1} touches no published problem`,
      );

    // TT403 made a hint by the user: published (a faint mark) but not listed, so not counted and not fixed.
    const hinted = await configure({ severity: { TT403: 'hint' } });
    const hints = hinted.diagnostics.filter((d) => d.code === 'TT403');
    assert.strictEqual(hints.length, 169);
    assert.ok(hints.every((d) => d.severity === 4));
    const stats = await client.request<{ problems: number }>('targetTable/stats', { uri: SAMPLE_URI });
    assert.strictEqual(stats.problems, listed(hinted).length);
    const hintEdits = await fixOnSave(client, SAMPLE_URI);
    for (const e of hintEdits) {
      assert.ok(!hints.some((d) => overlaps(d.range, e.range) && e.newText === '指标'), `fix-on-save fixed the hint at line ${e.range.start.line + 1}`);
      assert.ok(
        listed(hinted).some((d) => overlaps(d.range, e.range)),
        `an edit at line ${e.range.start.line + 1} touches no listed problem`,
      );
    }
    assert.strictEqual(hintEdits.length, edits.length - 169);
    await configure({});
  });
});
