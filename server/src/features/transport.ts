/**
 * The server's transport, chosen from argv as vscode-languageserver chooses it (`--stdio`,
 * `--node-ipc`, `--socket=N`, `--pipe=NAME`), but with our own reader for streams.
 *
 * Why our own reader: vscode-jsonrpc's stream reader decodes one framed message per turn of the
 * event loop (a semaphore with setImmediate between messages), and the connection dispatches one
 * queued message per turn too. So a burst that arrived in one read sits in the reader as undecoded
 * bodies, where nothing can see it: the connection's queue holds at most a message or two, a
 * `$/cancelRequest` is decoded only after the request it cancels was dispatched (so
 * `cancelUndispatched` never fires), and code that wants to know whether input is waiting cannot.
 * `EagerStreamMessageReader` decodes every complete message of a chunk at once and hands them to
 * the connection in order: the backlog is then in the connection's queue, counted
 * (./input-gauge.ts), cancellable before dispatch, and dispatched one per turn as before.
 */
import * as net from 'node:net';
import { inspect } from 'node:util';
import {
  AbstractMessageReader,
  IPCMessageReader,
  IPCMessageWriter,
  RAL,
  SocketMessageWriter,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** Reads Content-Length framed JSON-RPC from a Node stream, decoding each chunk's messages synchronously. */
export class EagerStreamMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly buffer = RAL().messageBuffer.create('utf-8');
  private nextLength = -1;

  constructor(private readonly readable: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, callback);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    this.readable.on('end', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('close', onClose);
        this.readable.off('end', onClose);
      },
    };
  }

  private onData(data: Uint8Array, callback: DataCallback): void {
    this.buffer.append(data);
    for (;;) {
      if (this.nextLength === -1) {
        let headers: Map<string, string> | undefined;
        try {
          headers = this.buffer.tryReadHeaders(true);
        } catch (e) {
          this.fireError(e);
          return;
        }
        if (!headers) return;
        const length = parseInt(headers.get('content-length') ?? '', 10);
        if (Number.isNaN(length)) {
          // As vscode-jsonrpc's reader: the stream cannot be resynchronised, report and stop reading it.
          this.fireError(new Error(`Header must provide a numeric Content-Length property: ${JSON.stringify(Object.fromEntries(headers))}`));
          return;
        }
        this.nextLength = length;
      }
      const body = this.buffer.tryReadBody(this.nextLength);
      if (body === undefined) return;
      this.nextLength = -1;
      let message: Message;
      try {
        message = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')) as Message;
      } catch (e) {
        // A body that is not JSON is reported (the connection logs it) and the next message is read.
        this.fireError(e);
        continue;
      }
      callback(message);
    }
  }
}

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** Whether messages are written as bytes by the JSON encoder (./publish-encoder.ts); node-ipc serialises itself. */
  stream: boolean;
  /** The input stream whose end means the client is gone (stdio), as vscode-languageserver watches it. */
  input?: NodeJS.ReadableStream;
}

/** The transport argv asks for, or undefined when it names none. */
export function transportFromArgv(argv: readonly string[]): Transport | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--node-ipc') return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stream: false };
    if (arg === '--stdio')
      return { reader: new EagerStreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stream: true, input: process.stdin };
    const [name, value] = arg.split('=', 2);
    if (name === '--socket' || name === '--pipe') {
      const target = value ?? argv[i + 1];
      const socket = name === '--socket' ? net.createConnection(parseInt(target, 10), '127.0.0.1') : net.createConnection(target);
      return { reader: new EagerStreamMessageReader(socket), writer: new SocketMessageWriter(socket), stream: true };
    }
  }
  return undefined;
}

/**
 * Over stdio, stdout is the protocol: console output goes to the client's log instead (as
 * vscode-languageserver does for the stdio connections it creates itself).
 */
export function redirectConsole(remote: { log(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void }): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...a: unknown[]) => remote.log(text(a));
  console.debug = (...a: unknown[]) => remote.log(text(a));
  console.info = (...a: unknown[]) => remote.info(text(a));
  console.warn = (...a: unknown[]) => remote.warn(text(a));
  console.error = (...a: unknown[]) => remote.error(text(a));
}
