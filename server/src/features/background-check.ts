/**
 * Work done in slices between messages: a big file's remaining departments are checked after its
 * first problems were sent (./diagnostics.ts, `checkPending`). Each slice runs for a few
 * milliseconds and then yields to the event loop (setImmediate), so an edit, a hover or a code
 * action that arrives meanwhile is answered after at most one slice, not after the whole file.
 */

/** How long one slice may run. Short enough that a keystroke waits at most this long. */
export const SLICE_MS = 8;

/** One document's background work: at most one task at a time. */
export class BackgroundTask {
  #running = false;
  #cancelled = false;

  /**
   * Runs `step` repeatedly (one call per slice) while it resolves to true, then calls `done`.
   * Starting while a task runs does nothing (that task goes on, and un-stopped if it was stopped).
   */
  start(step: () => Promise<boolean> | boolean, done: () => void, onError: (e: unknown) => void): void {
    this.#cancelled = false;
    if (this.#running) return;
    this.#running = true;
    const tick = async (): Promise<void> => {
      try {
        if (this.#cancelled) {
          this.#running = false;
          return;
        }
        if (await step()) {
          setImmediate(() => void tick());
          return;
        }
        this.#running = false;
        if (!this.#cancelled) done();
      } catch (e) {
        this.#running = false;
        onError(e);
      }
    };
    setImmediate(() => void tick());
  }

  /** Stops the task before its next slice. */
  stop(): void {
    if (this.#running) this.#cancelled = true;
  }
}

/** How long after a big file's background check its garbage is collected. */
const GC_AFTER_CHECK_MS = 100;

let fullGc: (() => void) | null | undefined;

/**
 * A full garbage collection, when the runtime allows one: after a big file's background check,
 * whose short-lived trees V8 would otherwise keep as heap for a while, so that what the server
 * holds after an open does not depend on when V8 last collected. One short pause, once per big open.
 */
export function collectGarbage(): void {
  if (fullGc === undefined) {
    fullGc = null;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('node:v8').setFlagsFromString('--expose-gc');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fullGc = require('node:vm').runInNewContext('gc') as () => void;
    } catch {
      fullGc = null;
    }
  }
  if (!fullGc) return;
  fullGc();
  // The pages this collection frees are swept concurrently and given back at the next one: a
  // single collection often left old space committed for memory no longer in use.
  setTimeout(() => fullGc?.(), 200).unref();
}

/**
 * Gives memory back after a burst of edits. Every keystroke re-parses a department and leaves its
 * old tree and results as garbage; V8 grows the heap for it and does not shrink it again by itself
 * while the server is idle (docs/performance.md, 'Memory and GC'). So two seconds after the last
 * edit, if the heap has grown by more than `growthBytes` over what the last full collection left,
 * one runs (a short pause, while nobody types). Edits, opens, code actions and outlines (what
 * allocates) restart the wait.
 */
/** A closed document at least this long (UTF-16 units) is worth a collection once idle: a big file's heap stays committed otherwise. */
export const RELEASE_CHARS = 1_000_000;

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private baseline = process.memoryUsage().heapUsed;
  private force = false;

  constructor(
    private readonly delayMs = 2000,
    private readonly growthBytes = 32 * 1048576,
  ) {}

  /** Call on every edit, open, code action and outline request: restarts the idle timer. */
  activity(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collectIfGrown(), this.delayMs);
    this.timer.unref();
  }

  /**
   * A document of `chars` UTF-16 units was closed. Its model is garbage, but the heap V8 took for it
   * stays committed, and the growth test above does not see it (the baseline was measured with the
   * document in it): after closing a big one, the next idle wait ends in a collection whatever
   * the growth, or the memory would stay taken until the next keystroke's collection.
   */
  released(chars: number): void {
    if (chars < RELEASE_CHARS) return;
    this.force = true;
    this.activity();
  }

  /**
   * A big file's background check is done: its short-lived trees are collected shortly after, once
   * the complete list is out (a publish is sent on the next turn of the event loop), not before it:
   * the collection is a pause long enough to delay that publish.
   */
  afterBackgroundCheck(): void {
    setTimeout(() => {
      collectGarbage();
      this.collected();
    }, GC_AFTER_CHECK_MS).unref();
  }

  /** After a full collection made elsewhere: what the heap holds now is the new baseline. */
  collected(): void {
    this.baseline = process.memoryUsage().heapUsed;
  }

  private collectIfGrown(): void {
    this.timer = undefined;
    // Committed heap, not used heap: between collections the heap V8 has taken for garbage is what
    // the process holds, and the used heap is a small part of it.
    if (!this.force && process.memoryUsage().heapTotal - this.baseline <= this.growthBytes) return;
    this.force = false;
    collectGarbage();
    this.collected();
  }
}
