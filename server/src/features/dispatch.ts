/**
 * What happens to a message between the connection's queue and its handler (vscode-jsonrpc's
 * `messageStrategy` and `connectionStrategy`):
 *
 *  - every dispatch is counted for ./input-gauge.ts (whether input is waiting);
 *  - after `shutdown`, a request is answered InvalidRequest (-32600) without being handled, as the
 *    LSP specification asks (`exit` and responses still pass);
 *  - a request whose params are missing, null or malformed is answered InvalidParams (-32602), a
 *    document notification with such params is dropped (./params.ts);
 *  - a request cancelled while still queued is answered RequestCancelled (-32800) without being
 *    handled (`cancelUndispatched`, possible because our reader queues a chunk's messages at once);
 *  - a request cancelled after it was handled but before its response was encoded (a response
 *    waiting behind a slow reader) is answered RequestCancelled instead of the result (`RequestLog`,
 *    asked by the JSON encoder, ./publish-encoder.ts): the big outline of a cancelled
 *    documentSymbol is then neither encoded nor written.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  type ConnectionOptions,
  type Message,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { isCancelNotification, type InputGauge } from './input-gauge';
import { notificationParamsError, requestParamsError } from './params';

type Id = number | string;

function isRequest(m: unknown): m is RequestMessage & { id: Id } {
  const r = m as Partial<RequestMessage> | null;
  return typeof r === 'object' && r !== null && typeof r.method === 'string' && (typeof r.id === 'number' || typeof r.id === 'string');
}

function isNotification(m: unknown): m is { method: string; params?: unknown } {
  const n = m as { method?: unknown; id?: unknown } | null;
  return typeof n === 'object' && n !== null && typeof n.method === 'string' && n.id === undefined;
}

/** Requests handled and not yet answered, and which of them the client cancelled. */
export class RequestLog {
  private readonly open = new Set<Id>();
  private readonly cancelled = new Set<Id>();

  /** A request is being dispatched to its handler. */
  started(id: Id): void {
    this.open.add(id);
  }

  /** The reader saw `$/cancelRequest` for `id`. Only requests being handled are remembered (the queue handles the others). */
  cancel(id: unknown): void {
    if ((typeof id === 'number' || typeof id === 'string') && this.open.has(id)) this.cancelled.add(id);
  }

  /** The response for `id` is being encoded: whether its request was cancelled meanwhile. Forgets the request. */
  answered(id: unknown): boolean {
    if (typeof id !== 'number' && typeof id !== 'string') return false;
    this.open.delete(id);
    return this.cancelled.delete(id);
  }

  get size(): number {
    return this.open.size;
  }
}

export interface DispatchOptions {
  gauge: InputGauge;
  writer: MessageWriter;
  /** Given for stream transports only (the JSON encoder answers it; node-ipc encodes without it). */
  requests?: RequestLog;
  log: (message: string) => void;
}

export function dispatchStrategy({ gauge, writer, requests, log }: DispatchOptions): ConnectionOptions & { shutdownReceived(): boolean } {
  let shutdown = false;
  const reply = (id: Id, code: number, message: string): Promise<void> =>
    writer.write({ jsonrpc: '2.0', id, error: { code, message } } as ResponseMessage).catch(() => undefined);
  return {
    shutdownReceived: () => shutdown,
    messageStrategy: {
      handleMessage(message: Message, next: (m: Message) => void | Promise<void>): void | Promise<void> {
        gauge.dispatch(message);
        if (isRequest(message)) {
          if (shutdown) return reply(message.id, ErrorCodes.InvalidRequest, `${message.method} after shutdown`);
          const bad = requestParamsError(message.method, message.params);
          if (bad) return reply(message.id, ErrorCodes.InvalidParams, `${message.method}: ${bad}`);
          if (message.method === 'shutdown') shutdown = true;
          requests?.started(message.id);
        } else if (isNotification(message) && !isCancelNotification(message)) {
          const bad = notificationParamsError(message.method, message.params);
          if (bad) {
            log(`${message.method} ignored: ${bad}`);
            return undefined;
          }
        }
        // The handler's promise, when it returns one: the connection waits on it only for its parallelism limit (none here).
        return next(message);
      },
    },
    connectionStrategy: {
      cancelUndispatched(message: Message): ResponseMessage | undefined {
        if (!isRequest(message)) return undefined;
        gauge.dispatchedWithoutHandler();
        return {
          jsonrpc: '2.0',
          id: message.id,
          error: { code: LSPErrorCodes.RequestCancelled, message: `${message.method} cancelled before it was handled` },
        };
      },
    },
  };
}
