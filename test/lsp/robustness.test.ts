/**
 * The server never falls over (issue #5): hostile input through the protocol, against the real
 * bundled server (dist/server.js) over stdio. Huge files (50 MB: limited, with a warning to the
 * user and in the log), a 1 MB single line, binary data, 1,000 edits a second, closing a file
 * while it is being checked, requests about documents never opened, malformed JSON-RPC; and CRLF
 * files answer at the same positions as LF ones. After each, the server answers a normal request,
 * and no publishDiagnostics is ever for a stale version.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver/node';
import { parseDocument } from '../../server/src/core/parse/document';
import { splitLines } from '../../server/src/core/parse/lines';
import { documentProblems } from '../../server/src/features/diagnostics';
import { applyEdits } from '../../server/src/core/fixes';
import { MAX_DOCUMENT_CHARS, limitFor } from '../../server/src/features/limits';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { SAMPLE_URI, TestClient, repoRoot, sampleText, sleep } from './client';

const uri = (name: string) => `file:///tmp/robustness/${encodeURIComponent(name)}`;

interface Messages {
  shown: { type: number; message: string }[];
  logged: { type: number; message: string }[];
}

/** Records window/showMessage and window/logMessage (the client's own handler ignores them). */
function listen(client: TestClient): Messages {
  const m: Messages = { shown: [], logged: [] };
  client.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => void m.shown.push(p));
  client.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => void m.logged.push(p));
  return m;
}

/** The server is alive and answers a normal request. */
async function assertAlive(client: TestClient): Promise<void> {
  assert.equal(client.proc.exitCode, null, `server exited\n${client.stderr}`);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
  assert.ok(symbols.length > 30, 'the sample outline still answers');
}

/** Publishes for a URI never go back in version; returns them. */
function assertMonotonic(client: TestClient, u: string): PublishDiagnosticsParams[] {
  const ps = client.published.filter((p) => p.uri === u && p.version !== undefined);
  for (let i = 1; i < ps.length; i++) assert.ok(ps[i].version! >= ps[i - 1].version!, `stale publish: version ${ps[i].version} after ${ps[i - 1].version}`);
  return ps;
}

const key = (d: { range: Diagnostic['range']; code?: unknown }) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`;

describe('LSP robustness: the server never falls over', function () {
  this.timeout(60000);
  let client: TestClient;
  let messages: Messages;

  before(async function () {
    client = await TestClient.start();
    messages = listen(client);
    await client.open(SAMPLE_URI, sampleText());
    await client.waitForDiagnostics(SAMPLE_URI, (p) => p.version === 1);
  });

  after(async function () {
    if (client.proc.exitCode === null) await client.stop();
  });

  afterEach(async function () {
    await assertAlive(client);
    assertMonotonic(client, SAMPLE_URI);
  });

  it('malformed JSON-RPC: garbage body, JSON that is not JSON-RPC, unknown method (MethodNotFound)', async function () {
    const raw = (body: string) => {
      const b = Buffer.from(body, 'utf8');
      client.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]));
    };
    raw('{garbage!! not json');
    raw('\u0000\u0001\u00ff binary');
    raw('{"hello":1}');
    raw('[1,2,3]');
    raw('null');
    raw('42');
    raw('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":null}');
    raw('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{}}}');
    await assert.rejects(client.request('targetTable/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
    // malformed params of a known request: a JSON-RPC error, not a crash
    await assert.rejects(client.request('textDocument/hover', null), (e: { code?: number }) => typeof e.code === 'number');
  });

  it('requests about a document never opened: empty or null results', async function () {
    const u = uri('never-opened.txt');
    const td = { textDocument: { uri: u } };
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 1 } };
    assert.equal(await client.request('textDocument/hover', { ...td, position: { line: 5, character: 2 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', td), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { ...td, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { ...td, range, context: { diagnostics: [], only: ['source.fixAll.targetTable'] } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', td), []);
    assert.equal(await client.request('targetTable/stats', { uri: u }), null);
    // edits and closes of an unknown document are ignored
    await client.notify('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ range, text: 'x' }] });
    await client.notify('textDocument/didClose', td);
    await sleep(100);
    assert.ok(client.published.filter((p) => p.uri === u).every((p) => p.diagnostics.length === 0));
  });

  it('binary data (random bytes as latin1 and UTF-8, NULs) and a 1 MB single line', async function () {
    const bytes = crypto.randomBytes(2_000_000);
    const texts = {
      'latin1.txt': bytes.toString('latin1'),
      'utf8.txt': bytes.toString('utf8'),
      'nul.txt': '\u0000'.repeat(100_000) + '\n\t\u0000≧1项\u0000\n',
      'one-line.txt': '\t≧1项'.repeat(250_000), // 1 MB, no line break
    };
    for (const [name, text] of Object.entries(texts)) {
      const u = uri(name);
      const t0 = Date.now();
      await client.open(u, text);
      const p = await client.waitForDiagnostics(u, (x) => x.version === 1, 20000);
      const ms = Date.now() - t0;
      const lines = splitLines(text).lines;
      for (const d of p.diagnostics) {
        assert.ok(d.range.end.line < lines.length && d.range.end.character <= lines[d.range.end.line].length, `${name}: diagnostic outside the text`);
      }
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: Math.floor(lines[0].length / 2) } });
      await client.request('textDocument/foldingRange', { textDocument: { uri: u } });
      await client.request('textDocument/codeAction', {
        textDocument: { uri: u },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
        context: { diagnostics: p.diagnostics },
      });
      assert.ok(ms < 15000, `${name}: first diagnostics after ${ms} ms`);
      await client.notify('textDocument/didClose', { textDocument: { uri: u } });
    }
  });

  it('1,000 edits in about a second: the final diagnostics are for the final version only, and correct', async function () {
    const u = uri('fast-edits.txt');
    const parts = parseDocument(sampleText())
      .sections.slice(1, 4)
      .map((s) => s.body.lines.map((l, i) => l + s.body.eols[i]).join(''));
    let text = parts.join('');
    await client.open(u, text);
    const model = parseDocument(text);
    const valueLines = model.sections.flatMap((s) => s.body.tables.flatMap((t) => t.rows.map((r) => s.startLine + r.target.range.start.line)));
    let version = 1;
    const t0 = Date.now();
    for (let k = 0; k < 1000; k++) {
      const line = valueLines[(k * 7) % valueLines.length];
      const cur = splitLines(text).lines;
      const ch = Math.min(1, cur[line].length);
      // type ≧ (a TT201 problem) or delete the character typed at the same place before
      const insert = k % 3 !== 2;
      const range = insert
        ? { start: { line, character: ch }, end: { line, character: ch } }
        : { start: { line, character: ch }, end: { line, character: Math.min(ch + 1, cur[line].length) } };
      text = applyEdits(text, [{ range, newText: insert ? '≧' : '' }]);
      version++;
      void client.notify('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: [{ range, text: insert ? '≧' : '' }] });
      if (k % 10 === 9) await sleep(Math.max(0, t0 + k - Date.now()));
    }
    const final = await client.waitForDiagnostics(u, (p) => p.version === version, 20000);
    await sleep(300);
    const ps = assertMonotonic(client, u);
    assert.equal(ps[ps.length - 1].version, version, 'the last publish is for the last version');
    assert.ok(ps.length < 200, `debounced: ${ps.length} publishes for 1,000 edits`);
    const expected = documentProblems(parseDocument(text), DEFAULT_SETTINGS).map(key).sort();
    assert.deepEqual(final.diagnostics.map(key).sort(), expected, 'diagnostics of the final text');
    await client.notify('textDocument/didClose', { textDocument: { uri: u } });
  });

  it('closing a file while it is being checked: nothing but an empty clear after the close', async function () {
    const u = uri('closed-early.txt');
    const big = sampleText().repeat(3);
    for (let round = 0; round < 3; round++) {
      const from = client.published.length;
      await client.open(u, big, 1);
      if (round > 0)
        await client.notify('textDocument/didChange', {
          textDocument: { uri: u, version: 2 },
          contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '≧' }],
        });
      if (round === 2) await sleep(40); // close while the debounced check may be running
      await client.notify('textDocument/didClose', { textDocument: { uri: u } });
      const closed = Date.now();
      while (!client.published.slice(from).some((p) => p.uri === u && p.diagnostics.length === 0) && Date.now() - closed < 10000) await sleep(20);
      await sleep(round === 2 ? 1500 : 300); // anything late would arrive now
      const after = client.published.slice(from).filter((p) => p.uri === u);
      assert.ok(after.length >= 1, 'the close clears the diagnostics');
      const last = after[after.length - 1];
      assert.equal(last.diagnostics.length, 0, 'the last publish after a close is an empty clear');
      if (round < 2)
        assert.ok(
          after.every((p) => p.diagnostics.length === 0),
          'no diagnostics for a closed file',
        );
    }
  });

  it('a 50 MB file is limited: a warning to the user and in the log, the outline still works; back under the limit, all returns', async function () {
    this.timeout(120000);
    const u = uri('XX区50MB绩效目标表.txt');
    const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(sampleText()));
    const huge = sampleText().repeat(copies);
    assert.ok(huge.length > MAX_DOCUMENT_CHARS);
    const shown = messages.shown.length;
    await client.open(u, huge);
    const p = await client.waitForDiagnostics(u, (x) => x.version === 1, 60000);
    assert.deepEqual(p.diagnostics, [], 'a limited file has no diagnostics');
    const warning = messages.shown.slice(shown).find((m) => m.type === 2);
    assert.ok(warning, 'window/showMessage warning');
    assert.match(warning.message, /文件过大.*已停止对此文件的检查.*仍提供部门大纲/s);
    assert.ok(
      messages.logged.some((m) => /too large, analysis limited/.test(m.message) && m.message.includes(u)),
      'logged',
    );
    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.equal(outline.length, copies * 36, 'the department outline');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 100, character: 2 } }), null);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: u } }), []);
    // an edit keeps the text in sync but still no analysis
    await client.notify('textDocument/didChange', {
      textDocument: { uri: u, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
    });
    // replaced by the sample: fully served again, with a log line
    await client.notify('textDocument/didChange', { textDocument: { uri: u, version: 3 }, contentChanges: [{ text: sampleText() }] });
    const back = await client.waitForDiagnostics(u, (x) => x.version === 3, 20000);
    const sample = client.published.find((x) => x.uri === SAMPLE_URI && x.version === 1)!;
    assert.equal(back.diagnostics.length, sample.diagnostics.length);
    assert.ok(messages.logged.some((m) => /back under the size limit/.test(m.message)));
    assert.equal(messages.shown.slice(shown).length, 1, 'one warning');
    await client.notify('textDocument/didClose', { textDocument: { uri: u } });
  });

  it('the English warning for an English client', async function () {
    this.timeout(120000);
    const en = await TestClient.start({ locale: 'en' });
    try {
      const m = listen(en);
      const u = uri('big.txt');
      await en.open(u, 'x'.repeat(MAX_DOCUMENT_CHARS + 1));
      await en.waitForDiagnostics(u, (x) => x.version === 1, 30000);
      assert.match(m.shown[0]?.message ?? '', /is too large .*Diagnostics, hover, quick fixes and folding are off.*outline still works/s);
    } finally {
      await en.stop();
    }
  });

  it('the ×50 sample (19 MB) is under the limit and fully served; ×135 (50 MB) is limited', function () {
    assert.equal(limitFor(sampleText().repeat(50)), null);
    assert.ok(limitFor(sampleText().repeat(135)));
  });
});

describe('CRLF files answer at the same positions as LF ones, and fixes keep CRLF', function () {
  this.timeout(60000);
  let client: TestClient;
  const lf = sampleText();
  const crlf = lf.replace(/\n/g, '\r\n');
  const LF = uri('lf.txt');
  const CRLF = uri('crlf.txt');
  let dl: Diagnostic[];
  let dc: Diagnostic[];

  before(async function () {
    client = await TestClient.start();
    await client.open(LF, lf);
    await client.open(CRLF, crlf);
    dl = (await client.waitForDiagnostics(LF, (p) => p.version === 1)).diagnostics;
    dc = (await client.waitForDiagnostics(CRLF, (p) => p.version === 1)).diagnostics;
  });

  after(async function () {
    await client.stop();
  });

  it('diagnostics: same ranges, codes and messages', function () {
    assert.ok(dl.length > 100);
    assert.deepEqual(JSON.parse(JSON.stringify(dc).split(CRLF).join(LF)), dl);
  });

  it('hover: same answers at the start of every 10th diagnostic', async function () {
    for (const d of dl.filter((_, i) => i % 10 === 0)) {
      const at = { position: d.range.start };
      const a = await client.request('textDocument/hover', { textDocument: { uri: LF }, ...at });
      const b = await client.request('textDocument/hover', { textDocument: { uri: CRLF }, ...at });
      assert.deepEqual(b, a);
    }
  });

  it('quick fixes and fix-all: same edits; applying them keeps every line break CRLF', async function () {
    const whole = { start: { line: 0, character: 0 }, end: { line: 40000, character: 0 } };
    const ask = (u: string, diagnostics: Diagnostic[], only?: string[]) =>
      client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: u },
        range: diagnostics[0]?.range ?? whole,
        context: { diagnostics, only },
      });
    for (const d of dl.filter((_, i) => i % 7 === 0)) {
      const a = await ask(LF, [d]);
      const b = await ask(CRLF, [d]);
      assert.deepEqual(JSON.parse(JSON.stringify(b).split(CRLF).join(LF)), a);
    }
    const fixAll = async (u: string) => {
      const [action] = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: u },
        range: whole,
        context: { diagnostics: [], only: ['source.fixAll.targetTable'] },
      });
      const e = action.edit!;
      return (e.documentChanges?.[0] as { edits: TextEdit[] } | undefined)?.edits ?? e.changes![u];
    };
    const el = await fixAll(LF);
    const ec = await fixAll(CRLF);
    assert.ok(el.length > 10);
    assert.deepEqual(ec, el);
    const fixed = applyEdits(crlf, ec);
    const { eols } = splitLines(fixed);
    assert.ok(
      eols.slice(0, -1).every((e) => e === '\r\n'),
      'every line break is still CRLF',
    );
    assert.equal(fixed.replace(/\r\n/g, '\n'), applyEdits(lf, el));
  });

  it('`target-table check --fix` keeps CRLF and the BOM', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-crlf-'));
    try {
      const file = path.join(dir, 'XX局绩效目标表.txt');
      fs.writeFileSync(file, '\ufeff' + crlf, 'utf8');
      const r = spawnSync(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), 'check', '--fix', file], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const out = fs.readFileSync(file);
      assert.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
      const text = out.toString('utf8').slice(1);
      assert.notEqual(text, crlf, 'something was fixed');
      assert.equal(text.split('\r\n').length, crlf.split('\r\n').length, 'same number of CRLF line breaks');
      assert.ok(!/[^\r]\n|\r(?!\n)/.test(text), 'no bare LF or CR');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
