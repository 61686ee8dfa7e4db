/**
 * Work done in slices between messages: a big file's remaining departments are checked after its
 * first problems were sent (./diagnostics.ts, `checkPending`). Each slice runs for a few
 * milliseconds and then yields to the event loop (setImmediate), so an edit, a hover or a code
 * action that arrives meanwhile is answered after at most one slice, not after the whole file.
 */

/** How long one slice may run. Short enough that a keystroke waits at most this long. */
export const SLICE_MS = 8;

export class BackgroundTasks {
  private readonly running = new Set<string>();
  private readonly cancelled = new Set<string>();

  /**
   * Runs `step` repeatedly (one call per slice) while it resolves to true, then calls `done`.
   * At most one task per key: starting a running key does nothing.
   */
  start(key: string, step: () => Promise<boolean> | boolean, done: () => void, onError: (e: unknown) => void): void {
    if (this.running.has(key)) {
      // Stopped and started again before its next slice (a file closed and reopened): it goes on.
      this.cancelled.delete(key);
      return;
    }
    this.running.add(key);
    this.cancelled.delete(key);
    const tick = async (): Promise<void> => {
      try {
        if (this.cancelled.has(key)) return this.finish(key);
        if (await step()) {
          setImmediate(() => void tick());
          return;
        }
        this.finish(key);
        if (!this.cancelled.has(key)) done();
      } catch (e) {
        this.finish(key);
        onError(e);
      }
    };
    setImmediate(() => void tick());
  }

  /** Stops the task of `key` before its next slice. */
  stop(key: string): void {
    if (this.running.has(key)) this.cancelled.add(key);
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  private finish(key: string): void {
    this.running.delete(key);
  }
}

let fullGc: (() => void) | null | undefined;

/**
 * A full garbage collection, when the runtime allows one: after a big file's background check,
 * whose ~100 MB of short-lived trees (sample ×10) V8 would otherwise keep as heap for a while
 * (the server's RSS right after opening the ×10 sample varied between ~120 and ~180 MB with it,
 * depending on when V8 last collected). One pause of a few tens of milliseconds, once per big open.
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
  // single collection left ~75 MB of old space committed for ~24 MB in use about one time in four.
  setTimeout(() => fullGc?.(), 200).unref();
}
