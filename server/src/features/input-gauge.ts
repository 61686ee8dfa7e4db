/**
 * Whether input is waiting: messages the reader handed to the connection minus messages the
 * connection dispatched (./dispatch.ts counts those). A publish that falls due while input is
 * waiting waits until it is handled (./publish-scheduler.ts), whatever the debounce: a burst of
 * 5,000 edits read at once is one publish, not 5,000.
 *
 * Why counting and not "publish on the next turn": the connection dispatches one queued message per
 * turn of the event loop, so a publish set up on the next turn ran between every two messages of a
 * burst. Why the reader's count is exact: our reader (./transport.ts) decodes a chunk's messages at
 * once, so everything read is in the connection's queue and counted.
 *
 * `$/cancelRequest` is counted on neither side (the connection handles it in the reader callback
 * and queues it only sometimes); a request it removes from the queue unanswered counts as
 * dispatched (`dispatchedWithoutHandler`). Should the counts still disagree (the queue is keyed by
 * request id, so a client reusing an id replaces a queued message), the check below notices that
 * nothing was dispatched for two turns although input seems to wait — the connection dispatches
 * one message every turn while its queue is not empty — and takes the count as settled.
 */
import type { DataCallback, Disposable, Message, MessageReader } from 'vscode-languageserver/node';

export function isCancelNotification(m: unknown): m is { method: '$/cancelRequest'; params?: { id?: number | string } } {
  return typeof m === 'object' && m !== null && (m as { method?: unknown }).method === '$/cancelRequest';
}

export class InputGauge {
  private received = 0;
  private dispatched = 0;
  private waiters: (() => void)[] = [];
  private armed = false;
  private lastSeen = 0;
  private idleTurns = 0;

  /** Messages read and not yet dispatched. */
  get pending(): number {
    return this.received - this.dispatched;
  }

  /** The reader handed a message to the connection. */
  read(message: unknown): void {
    if (!isCancelNotification(message)) this.received++;
  }

  /** The connection dispatched a message (called by the message strategy, before the handler runs). */
  dispatch(message: unknown): void {
    if (!isCancelNotification(message)) this.dispatched++;
  }

  /** A queued message left the queue without being dispatched (a request cancelled before it ran). */
  dispatchedWithoutHandler(): void {
    this.dispatched++;
  }

  /** Runs `fn` on a turn of the event loop when no input is waiting (the earliest: the next turn). */
  whenIdle(fn: () => void): void {
    this.waiters.push(fn);
    this.arm();
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    this.lastSeen = this.dispatched;
    this.idleTurns = 0;
    setImmediate(this.check);
  }

  private readonly check = (): void => {
    this.armed = false;
    if (this.pending > 0) {
      if (this.dispatched !== this.lastSeen) this.idleTurns = 0;
      else this.idleTurns++;
      // One turn without a dispatch can be this check running before the connection's turn; two cannot.
      if (this.idleTurns < 2) {
        this.lastSeen = this.dispatched;
        this.armed = true;
        setImmediate(this.check);
        return;
      }
      this.received = this.dispatched;
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const fn of waiters) fn();
  };
}

/** Makes `reader` count what it hands on (and tell `onMessage` first, for cancellation tracking); returns it. */
export function countingReader(reader: MessageReader, gauge: InputGauge, onMessage?: (m: Message) => void): MessageReader {
  const listen = reader.listen.bind(reader);
  reader.listen = (callback: DataCallback): Disposable =>
    listen((message) => {
      gauge.read(message);
      onMessage?.(message);
      callback(message);
    });
  return reader;
}
