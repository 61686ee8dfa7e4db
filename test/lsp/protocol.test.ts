/**
 * Protocol details (issue 9, part 7), through the real server process with raw frames (params
 * that vscode-jsonrpc's client never sends, several messages in one write):
 *  - missing or null params answer InvalidParams (-32602), and the server goes on;
 *  - requests after `shutdown` answer InvalidRequest (-32600), `exit` still exits with 0;
 *  - a request cancelled while still queued answers RequestCancelled (-32800) and is not handled;
 *    a response that waits behind a slow reader and is cancelled meanwhile is sent as -32800
 *    instead of the result;
 *  - closing a big document gives its memory back without another message.
 */
import * as assert from 'node:assert/strict';
import { SAMPLE_URI, sampleText, sleep } from './client';
import { RawServer, type RawMessage } from './raw-client';

const pos = { line: 3, character: 2 };
const range = { start: pos, end: pos };
const doc = { uri: SAMPLE_URI };

/** Every request the server handles, with good params. */
const REQUESTS: [string, unknown][] = [
  ['textDocument/hover', { textDocument: doc, position: pos }],
  ['textDocument/codeAction', { textDocument: doc, range, context: { diagnostics: [] } }],
  ['codeAction/resolve', { title: 'x', data: { uri: SAMPLE_URI } }],
  ['textDocument/documentSymbol', { textDocument: doc }],
  ['textDocument/foldingRange', { textDocument: doc }],
  ['textDocument/diagnostic', { textDocument: doc }],
  ['workspace/symbol', { query: '局' }],
  ['targetTable/stats', { uri: SAMPLE_URI }],
  ['targetTable/tableView', { uri: SAMPLE_URI, line: 0 }],
  ['textDocument/inlayHint', { textDocument: doc, range }],
  ['textDocument/definition', { textDocument: doc, position: pos }],
  ['textDocument/references', { textDocument: doc, position: pos, context: { includeDeclaration: true } }],
  ['textDocument/documentHighlight', { textDocument: doc, position: pos }],
  ['textDocument/codeLens', { textDocument: doc }],
  ['codeLens/resolve', { range, data: { uri: SAMPLE_URI, position: pos } }],
];

const openSample = {
  jsonrpc: '2.0',
  method: 'textDocument/didOpen',
  params: { textDocument: { uri: SAMPLE_URI, languageId: 'target-table', version: 1, text: sampleText() } },
};

describe('LSP protocol details', function () {
  this.timeout(60000);
  let server: RawServer;

  afterEach(async function () {
    if (server) await server.stop();
  });

  it('missing, null or malformed params answer InvalidParams (-32602) for every request handled, and the server goes on', async function () {
    server = await RawServer.start({ pull: true });
    server.send(openSample);
    const sent: { id: number; what: string }[] = [];
    const messages: unknown[] = [];
    for (const [method, good] of REQUESTS) {
      for (const [what, params] of [
        ['missing', undefined],
        ['null', null],
        ['a number', 7],
        ['an empty object', {}],
      ] as [string, unknown][]) {
        const r = server.request(method, params);
        if (params === undefined) delete r.message.params;
        sent.push({ id: r.id, what: `${method} with ${what} params` });
        messages.push(r.message);
      }
      if (
        method !== 'workspace/symbol' &&
        method !== 'targetTable/stats' &&
        method !== 'targetTable/tableView' &&
        method !== 'codeAction/resolve' &&
        method !== 'codeLens/resolve'
      ) {
        const bad = server.request(method, { ...(good as object), textDocument: { uri: 42 } });
        sent.push({ id: bad.id, what: `${method} with a numeric uri` });
        messages.push(bad.message);
      }
    }
    // Notifications with bad params are dropped (no answer, no crash).
    messages.push({ jsonrpc: '2.0', method: 'textDocument/didChange', params: null });
    messages.push({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: SAMPLE_URI, version: 2 }, contentChanges: [null] } });
    messages.push({ jsonrpc: '2.0', method: 'textDocument/didOpen' });
    messages.push({ jsonrpc: '2.0', method: 'textDocument/didClose', params: null });
    server.send(...messages);
    for (const { id, what } of sent) {
      const r = await server.response(id);
      assert.equal(r.error?.code, -32602, `${what}: ${JSON.stringify(r.error ?? r.result)?.slice(0, 200)}`);
    }
    // The same requests with good params are answered with results.
    const good = REQUESTS.map(([method, params]) => server.request(method, params));
    server.send(...good.map((g) => g.message));
    for (const [i, g] of good.entries()) {
      const r = await server.response(g.id);
      assert.equal(r.error, undefined, `${REQUESTS[i][0]}: ${JSON.stringify(r.error)}`);
    }
    const symbols = (await server.response(good[3].id)).result as unknown[];
    assert.ok(symbols.length >= 36, 'the outline of the sample: the didChange with bad params changed nothing');
    assert.equal(server.proc.exitCode, null, server.stderr);
  });

  it('requests after shutdown answer InvalidRequest (-32600); exit still ends with code 0', async function () {
    server = await RawServer.start();
    server.send(openSample);
    const shutdown = server.request('shutdown');
    const after = REQUESTS.map(([method, params]) => server.request(method, params));
    const again = server.request('shutdown');
    server.send(shutdown.message, ...after.map((a) => a.message), again.message);
    assert.equal((await server.response(shutdown.id)).result, null);
    for (const [i, a] of after.entries()) {
      const r = await server.response(a.id);
      assert.equal(r.error?.code, -32600, `${REQUESTS[i][0]} after shutdown: ${JSON.stringify(r.error ?? r.result)?.slice(0, 200)}`);
    }
    assert.equal((await server.response(again.id)).error?.code, -32600, 'a second shutdown');
    server.send({ jsonrpc: '2.0', method: 'exit' });
    assert.deepEqual(await server.exited, { code: 0, signal: null });
  });

  it('a request cancelled while still queued answers RequestCancelled (-32800) and is not handled; the others are answered', async function () {
    server = await RawServer.start();
    server.send(openSample);
    await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics', 20000);
    // One small write (atomic in a pipe): requests and cancels are read together, before any is dispatched.
    const outline1 = server.request('textDocument/documentSymbol', { textDocument: doc });
    const hover = server.request('textDocument/hover', { textDocument: doc, position: pos });
    const outline2 = server.request('textDocument/documentSymbol', { textDocument: doc });
    const stats = server.request('targetTable/stats', { uri: SAMPLE_URI });
    const cancel = (id: number) => ({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
    server.send(outline1.message, cancel(outline1.id), hover.message, cancel(hover.id), outline2.message, stats.message, cancel(stats.id), cancel(9999));
    assert.equal((await server.response(outline1.id)).error?.code, -32800);
    assert.equal((await server.response(hover.id)).error?.code, -32800);
    assert.equal((await server.response(stats.id)).error?.code, -32800);
    const kept = await server.response(outline2.id);
    assert.ok(Array.isArray(kept.result) && kept.result.length >= 36, 'the request not cancelled is answered in full');
    // The cancelled ones answered before the one queued before them: they were never handled.
    const order = server.messages.filter((m) => m.id !== undefined && m.method === undefined).map((m) => m.id);
    assert.ok(order.indexOf(stats.id) < order.indexOf(outline2.id), `answer order ${order.join(',')}`);
  });

  it('a response waiting behind a slow reader is sent as RequestCancelled when its request is cancelled meanwhile', async function () {
    server = await RawServer.start();
    server.send(openSample);
    await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics', 20000);
    server.stopReading();
    // The first outline (about 1 MB of JSON) fills the pipe; the second waits in the server to be written.
    const first = server.request('textDocument/documentSymbol', { textDocument: doc });
    const second = server.request('textDocument/documentSymbol', { textDocument: doc });
    server.send(first.message, second.message);
    await server.whenQuiet(500);
    server.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: second.id } });
    await server.whenQuiet(500);
    const before = server.bytesRead;
    server.readAll();
    const r1 = await server.response(first.id);
    const r2 = await server.response(second.id);
    assert.ok(Array.isArray(r1.result) && r1.result.length >= 36, 'the first is answered in full');
    assert.equal(r2.error?.code, -32800, `the second: ${JSON.stringify(r2.error ?? 'a result')}`);
    const firstBytes = JSON.stringify(r1).length;
    assert.ok(server.bytesRead - before < firstBytes * 1.5, `${server.bytesRead - before} bytes read for one outline of ${firstBytes}`);
  });

  it('closing a big document gives its memory back without another message (idle collection after the close)', async function () {
    server = await RawServer.start();
    const big = Array.from({ length: 20 }, () => sampleText()).join('\n');
    const uri = 'untitled:big-x20';
    server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'target-table', version: 1, text: big } } });
    // Opened, checked in the background, and its complete list sent (not the window's first send, with its note).
    const full = (m: RawMessage) =>
      m.method === 'textDocument/publishDiagnostics' &&
      m.params.uri === uri &&
      !m.params.diagnostics.some((d: { message: string }) => /正在检查|checking/.test(d.message));
    await server.waitFor(full, 60000, 'the complete diagnostics of the ×20 sample');
    await server.whenQuiet(1000, 20000);
    const open = server.memory().rss;
    server.send({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri } } });
    // The idle wait (2 s) and the two collections (200 ms apart), with room for a busy machine. Measured:
    // ~35 MB less with the collection after the close, nothing less without it.
    const deadline = Date.now() + 15000;
    let closed = server.memory().rss;
    while (Date.now() < deadline && closed > open - 15) {
      await sleep(250);
      closed = server.memory().rss;
    }
    if (process.env.BURST_LOG) console.log(`      RSS ${open.toFixed(0)} MB open, ${closed.toFixed(0)} MB after the close`);
    assert.ok(closed <= open - 15, `RSS ${open.toFixed(0)} MB with the ×20 sample open, ${closed.toFixed(0)} MB after closing it`);
  });
});
