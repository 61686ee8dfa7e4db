/**
 * The pull-mode storm of issue 9 (part 6): `n` didChange notifications (typing a digit at the
 * end of a value line and deleting it again), each followed by a `textDocument/diagnostic` pull,
 * all to be written in one write. Shared by the short LSP test (./bursts.test.ts) and
 * `npm run bench:storm` (test/bench/storm-bench.ts), which runs the full 5,000 many times.
 */
import { parseDocument } from '../../server/src/core/parse/document';
import { documentProblems } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { RawServer } from './raw-client';

/** `n` edits that type a digit at the end of a value line and delete it again, alternately (even `n`: the text ends as it began). */
export function typingBurst(uri: string, text: string, n: number, firstVersion = 2): unknown[] {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines.findIndex((l, i) => i > 1000 && l.includes('≥'));
  const ch = lines[line].length;
  const out: unknown[] = [];
  for (let k = 0; k < n; k++) {
    const range =
      k % 2 === 0 ? { start: { line, character: ch }, end: { line, character: ch } } : { start: { line, character: ch }, end: { line, character: ch + 1 } };
    out.push({
      jsonrpc: '2.0',
      method: 'textDocument/didChange',
      params: { textDocument: { uri, version: firstVersion + k }, contentChanges: [{ range, text: k % 2 === 0 ? '7' : '' }] },
    });
  }
  return out;
}

export interface Storm {
  messages: unknown[];
  /** The ids of the pulls, in order. */
  pullIds: number[];
  /** How many problems the final text has (every one is sent with maxProblems 0). */
  expectedLast: number;
}

export function stormMessages(server: RawServer, uri: string, text: string, n: number): Storm {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines.findIndex((l, i) => i > 1000 && l.includes('≥'));
  const ch = lines[line].length;
  const messages: unknown[] = [];
  const pullIds: number[] = [];
  let finalText = text;
  for (let k = 0; k < n; k++) {
    const typing = k % 2 === 0;
    const range = typing
      ? { start: { line, character: ch }, end: { line, character: ch } }
      : { start: { line, character: ch }, end: { line, character: ch + 1 } };
    messages.push({
      jsonrpc: '2.0',
      method: 'textDocument/didChange',
      params: { textDocument: { uri, version: k + 2 }, contentChanges: [{ range, text: typing ? '7' : '' }] },
    });
    const pull = server.request('textDocument/diagnostic', { textDocument: { uri } });
    pullIds.push(pull.id);
    messages.push(pull.message);
    if (k === n - 1 && typing) {
      const ls = [...lines];
      ls[line] += '7';
      finalText = ls.join('\n');
    }
  }
  return { messages, pullIds, expectedLast: documentProblems(parseDocument(finalText), DEFAULT_SETTINGS).length };
}
