/**
 * Push diagnostics without re-encoding the whole file's diagnostics on every keystroke.
 *
 * `publishDiagnostics` must carry every diagnostic of the document each time, and vscode-jsonrpc
 * encodes a message with one `JSON.stringify` of the whole object, which on a big file, with the
 * UTF-8 conversion and the garbage, was the dearest part of a keystroke. Here a publish carries, next to its ordinary `diagnostics`
 * (kept for tracing and any other writer), the per-section UTF-8 pieces cached by
 * `sentDiagnostics` (./diagnostics.ts); the JSON encoder installed below concatenates them instead of
 * serialising. Every other message goes through the library's own encoder unchanged.
 *
 * The outline works the same way: a documentSymbol result array can carry one pre-encoded piece
 * per department (./document-symbols.ts), and the response is written by joining them.
 *
 * Only stream transports (--stdio, --socket, --pipe) encode through this encoder; node-ipc
 * hands the object to process.send, which serialises it itself.
 *
 * The encoder also asks, for each response, whether its request was cancelled since it was handled
 * (`answered`, ./dispatch.ts `RequestLog`): a response is encoded when the writer gets to it, so one
 * that waited behind a slow reader and was cancelled meanwhile is written as RequestCancelled.
 */
import { RAL } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

const PIECES = Symbol('target-table.diagnosticsJson');

type WithPieces = PublishDiagnosticsParams & { [PIECES]?: Buffer[] };

/** Attaches the pre-encoded diagnostics (exactly `params.diagnostics` as JSON, see above) to the params. */
export function withEncodedDiagnostics(params: PublishDiagnosticsParams, pieces: Buffer[]): PublishDiagnosticsParams {
  Object.defineProperty(params, PIECES, { value: pieces, enumerable: false });
  return params;
}

/** Attaches the pre-encoded items (exactly `items` as JSON, without brackets, one piece per item or group) to a result array. */
export function withEncodedItems<T extends unknown[]>(items: T, pieces: Buffer[]): T {
  Object.defineProperty(items, PIECES, { value: pieces, enumerable: false });
  return items;
}

const COMMA = Buffer.from(',');

function encodeResult(msg: { jsonrpc: string; id: number | string | null }, pieces: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"id":${JSON.stringify(msg.id)},"result":[`, 'utf8')];
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(pieces[i]);
  }
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

function encodePublish(msg: { jsonrpc: string; method: string; params: WithPieces }, pieces: Buffer[]): Buffer {
  const { uri, version } = msg.params;
  const head = `{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":${JSON.stringify(msg.method)},"params":{"uri":${JSON.stringify(uri)},${
    version === undefined || version === null ? '' : `"version":${JSON.stringify(version)},`
  }"diagnostics":[`;
  const parts: Buffer[] = [Buffer.from(head, 'utf8')];
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(pieces[i]);
  }
  parts.push(Buffer.from(']}}'));
  return Buffer.concat(parts);
}

let installed = false;

const CANCELLED = -32800; // LSPErrorCodes.RequestCancelled

/** Wraps the runtime's JSON encoder; call before `createConnection`. `answered(id)` says whether a response's request was cancelled. */
export function installPublishEncoder(answered?: (id: number | string | null) => boolean): void {
  if (installed) return;
  installed = true;
  const ral = RAL();
  const base = ral.applicationJson.encoder;
  RAL.install({
    ...ral,
    applicationJson: {
      ...ral.applicationJson,
      encoder: {
        name: base.name,
        encode(msg, options) {
          const m = msg as { jsonrpc: string; method?: string; params?: WithPieces; id?: number | string | null; result?: unknown };
          if (answered && m.method === undefined && m.id !== undefined && answered(m.id) && !('error' in m)) {
            return base.encode({ jsonrpc: m.jsonrpc, id: m.id, error: { code: CANCELLED, message: 'request cancelled' } } as typeof msg, options);
          }
          if (options.charset !== 'utf-8') return base.encode(msg, options);
          try {
            const pieces = m.method === 'textDocument/publishDiagnostics' ? m.params?.[PIECES] : undefined;
            if (pieces) return Promise.resolve(encodePublish(m as { jsonrpc: string; method: string; params: WithPieces }, pieces));
            const items = Array.isArray(m.result) ? (m.result as unknown as { [PIECES]?: Buffer[] })[PIECES] : undefined;
            if (items && m.id !== undefined && !('error' in m))
              return Promise.resolve(encodeResult(m as { jsonrpc: string; id: number | string | null }, items));
          } catch (e) {
            return Promise.reject(e);
          }
          return base.encode(msg, options);
        },
      },
    },
  });
}
