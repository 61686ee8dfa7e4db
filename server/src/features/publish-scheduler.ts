/**
 * When push diagnostics are sent, per document:
 *
 *  1. a change (re)starts the debounce (`debounceMs`; 0 = none);
 *  2. when it is due, the publish waits until no input is waiting (./input-gauge.ts): all the
 *     messages already read are handled first, so a burst read at once ends in one publish for its
 *     newest version, whatever the debounce;
 *  3. at most one publish per document is being sent: `send` resolves when its message has been
 *     written to the transport, and a publish falling due before that is only remembered; when the
 *     send completes, one publish of the newest state follows (through step 2 again). Behind a
 *     client that reads slowly, publishes therefore do not pile up in the server: what waits is one
 *     flag per document, and the client receives the newest version as soon as it reads on.
 */
import type { InputGauge } from './input-gauge';

export class PublishScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Due, waiting for the input to be handled. */
  private readonly due = new Set<string>();
  /** A publish is being computed or written. */
  private readonly sending = new Set<string>();
  /** Fell due while sending: publish once more when the send completes. */
  private readonly again = new Set<string>();

  constructor(
    private readonly gauge: InputGauge,
    private readonly debounceMs: () => number,
    /** Computes and sends the document's diagnostics; resolves once written (never rejects). */
    private readonly send: (uri: string) => Promise<void>,
  ) {}

  /** The document changed (or its settings, or the problems to show): publish it. */
  schedule(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    const ms = this.debounceMs();
    if (ms > 0) {
      this.timers.set(
        uri,
        setTimeout(() => {
          this.timers.delete(uri);
          this.fallDue(uri);
        }, ms),
      );
    } else {
      this.timers.delete(uri);
      this.fallDue(uri);
    }
  }

  /** The document closed: nothing pending for it is sent (a send under way finds it closed). */
  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.due.delete(uri);
    this.again.delete(uri);
  }

  /** Whether anything is pending or being sent for `uri`. */
  busy(uri: string): boolean {
    return this.timers.has(uri) || this.due.has(uri) || this.sending.has(uri) || this.again.has(uri);
  }

  private fallDue(uri: string): void {
    if (this.sending.has(uri)) {
      this.again.add(uri);
      return;
    }
    if (this.due.has(uri)) return;
    this.due.add(uri);
    this.gauge.whenIdle(() => this.start(uri));
  }

  private start(uri: string): void {
    if (!this.due.delete(uri)) return; // cancelled meanwhile
    if (this.sending.has(uri)) {
      this.again.add(uri);
      return;
    }
    this.sending.add(uri);
    void this.send(uri).finally(() => {
      this.sending.delete(uri);
      if (this.again.delete(uri)) this.fallDue(uri);
    });
  }
}
