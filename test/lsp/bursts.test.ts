/**
 * The server under bursts (issue 9, part 6), through the real server process: edits written to
 * its stdin in ONE write, with `debounceMs: 0`, and its stdout read fast, slowly or not at all.
 *
 *  - all the input read is handled before a publish: 200 edits in one write (under the 64 KB a
 *    pipe holds, so the server reads them in one or a few reads) are a handful of publishes, not 200;
 *  - at most one publish per document waits behind a slow reader: 5,000 edits while the client
 *    reads nothing, then slowly: the diagnostics of the last version arrive within seconds, the
 *    publishes are a few (the server had one in the pipe when the burst was handled, and sends
 *    the newest state when it has been read), and the server's peak RSS stays under 300 MB;
 *  - the pull-mode storm (didChange + textDocument/diagnostic, `maxProblems: 0`), short version:
 *    the server stays up and answers every pull (the long one is `npm run bench:storm`).
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/core/parse/document';
import { documentProblems } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { SAMPLE_URI, sampleText } from './client';
import { RawServer, type RawMessage } from './raw-client';
import { stormMessages, typingBurst } from './storm';

const open = (uri: string, text: string) => ({
  jsonrpc: '2.0',
  method: 'textDocument/didOpen',
  params: { textDocument: { uri, languageId: 'target-table', version: 1, text } },
});

function versions(ps: RawMessage[]): number[] {
  return ps.map((p) => p.params.version as number);
}

describe('LSP server under bursts (debounceMs 0, edits in one write)', function () {
  this.timeout(90000);
  let server: RawServer;
  const expectedCount = documentProblems(parseDocument(sampleText()), DEFAULT_SETTINGS).length;

  beforeEach(async function () {
    server = await RawServer.start({ initializationOptions: { debounceMs: 0 } });
    server.send(open(SAMPLE_URI, sampleText()));
    await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 1, 20000, 'the first publish');
  });

  afterEach(async function () {
    const end = await server.stop();
    assert.deepEqual(end, { code: 0, signal: null }, `the server ended with ${JSON.stringify(end)}\n${server.stderr}`);
  });

  it('200 edits read at once are handled before publishing: a handful of publishes, the last for the last version', async function () {
    const burst = typingBurst(SAMPLE_URI, sampleText(), 200);
    server.send(...burst);
    const last = await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 201, 20000, 'the publish of version 201');
    await server.whenQuiet();
    const ps = server.publishes(SAMPLE_URI).slice(1);
    if (process.env.BURST_LOG) console.log(`      200: ${ps.length} publishes, versions ${versions(ps).join(',')}`);
    assert.ok(ps.length <= 10, `${ps.length} publishes for 200 edits read in one write (versions ${versions(ps).join(',')})`);
    assert.equal(ps[ps.length - 1], last, 'nothing after the last version');
    assert.equal(last.params.diagnostics.length, expectedCount, 'the diagnostics of the final text (it equals the opened one)');
  });

  it('5,000 edits in one write, then 10 writes of 100, while the client does not read; then it reads slowly: 2 publishes, the last version within seconds, RSS under 300 MB', async function () {
    const first = server.publishes(SAMPLE_URI)[0];
    const publishBytes = Buffer.byteLength(JSON.stringify(first));
    // What makes a publish wait for the reader: more than the pipe (64 KB) and the client's stream buffer hold.
    assert.ok(publishBytes > 150 * 1024, `a publish of the sample is ${publishBytes} bytes`);
    server.stopReading();
    server.send(...typingBurst(SAMPLE_URI, sampleText(), 5000));
    // Until the server has handled all 5,000 (it uses no CPU for a while). Its publish of them is
    // stuck in the pipe meanwhile: the client does not read.
    await server.whenQuiet(500, 60000);
    // After each of these small bursts the server is idle, and a publish falls due while the first one is still unread.
    for (let b = 0; b < 10; b++) {
      server.send(...typingBurst(SAMPLE_URI, sampleText(), 100, 5002 + b * 100));
      await server.whenQuiet(200, 10000);
    }
    const during = server.memory();
    server.readSlowly(16 * 1024, 10); // 1.6 MB/s: a publish of the sample takes ~0.15 s to read
    const t0 = Date.now();
    const last = await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 6001, 30000, 'the publish of version 6001');
    const ms = Date.now() - t0;
    server.readAll();
    await server.whenQuiet();
    const ps = server.publishes(SAMPLE_URI).slice(1);
    const vs = versions(ps);
    if (process.env.BURST_LOG)
      console.log(
        `      6000: ${ps.length} publishes, versions ${vs.join(',')}, ${ms} ms, hwm ${server.memory().hwm.toFixed(0)} MB, rss while unread ${during.rss.toFixed(0)} MB`,
      );
    for (let i = 1; i < vs.length; i++) assert.ok(vs[i] > vs[i - 1], `versions go up: ${vs.join(',')}`);
    // One publish was waiting in the pipe; everything after it was one flag, sent as the newest state once it was read.
    assert.ok(ps.length <= 3, `${ps.length} publishes for 6,000 edits (versions ${vs.join(',')})`);
    assert.equal(ps[ps.length - 1], last, 'nothing after the last version');
    assert.equal(last.params.diagnostics.length, expectedCount);
    assert.ok(ms < 15000, `the last version arrived ${ms} ms after the client started reading`);
    const mem = server.memory();
    assert.ok(mem.hwm < 300, `peak RSS ${mem.hwm.toFixed(0)} MB (${during.rss.toFixed(0)} MB while the client did not read)`);
  });
});

describe('LSP server: a pull-mode storm (didChange + textDocument/diagnostic, maxProblems 0), short', function () {
  this.timeout(90000);

  it('500 edits and 500 pulls in one write: the server stays up and answers every pull, the last one for the last text', async function () {
    const server = await RawServer.start({ pull: true, settings: { maxProblems: 0 } });
    const storm = stormMessages(server, SAMPLE_URI, sampleText(), 500);
    server.send(open(SAMPLE_URI, sampleText()), ...storm.messages);
    const lastPull = await server.response(storm.pullIds[storm.pullIds.length - 1], 60000);
    for (const id of storm.pullIds) {
      const r = server.messages.find((m) => m.id === id);
      assert.ok(r && (r.result || r.error?.code === -32802), `pull ${id} answered: ${JSON.stringify(r?.error)}`);
    }
    assert.equal(lastPull.result.kind, 'full');
    assert.equal(lastPull.result.items.length, storm.expectedLast, 'every problem of the final text (maxProblems 0)');
    const end = await server.stop();
    assert.deepEqual(end, { code: 0, signal: null }, `the server ended with ${JSON.stringify(end)}\n${server.stderr}`);
  });
});
