/**
 * When one document's push diagnostics are sent:
 *
 *  1. a change (re)starts the debounce (`debounceMs`; 0 = none);
 *  2. when it is due, the publish waits until no input is waiting (./input-gauge.ts): all the
 *     messages already read are handled first, so a burst read at once ends in one publish for its
 *     newest version, whatever the debounce;
 *  3. at most one publish is being sent: `send` resolves when its message has been written to the
 *     transport, and a publish falling due before that is only remembered; when the send completes,
 *     one publish of the newest state follows (through step 2 again). Behind a client that reads
 *     slowly, publishes therefore do not pile up in the server: what waits is one flag per document,
 *     and the client receives the newest version as soon as it reads on.
 */
import type { InputGauge } from './input-gauge';

export class PublishScheduler {
  #timer: NodeJS.Timeout | undefined = undefined;
  /** Due, waiting for the input to be handled. */
  #due = false;
  /** A publish is being computed or written. */
  #sending = false;
  /** Fell due while sending: publish once more when the send completes. */
  #again = false;

  constructor(
    private readonly gauge: InputGauge,
    private readonly debounceMs: () => number,
    /** Computes and sends the document's diagnostics; resolves once written (never rejects). */
    private readonly send: () => Promise<void>,
  ) {}

  /** The document changed (or its settings, or the problems to show): publish it. */
  schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const ms = this.debounceMs();
    if (ms > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.fallDue();
      }, ms);
    } else {
      this.fallDue();
    }
  }

  /** The document closed: nothing pending for it is sent (a send under way finds it closed). */
  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#due = false;
    this.#again = false;
  }

  private fallDue(): void {
    if (this.#sending) {
      this.#again = true;
      return;
    }
    if (this.#due) return;
    this.#due = true;
    this.gauge.whenIdle(() => this.start());
  }

  private start(): void {
    if (!this.#due) return; // cancelled meanwhile
    this.#due = false;
    if (this.#sending) {
      this.#again = true;
      return;
    }
    this.#sending = true;
    void this.send().finally(() => {
      this.#sending = false;
      if (this.#again) {
        this.#again = false;
        this.fallDue();
      }
    });
  }
}
