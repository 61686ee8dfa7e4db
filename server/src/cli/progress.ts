/**
 * `已检查 12/140 checked` on stderr while `check` works through many files, rewritten in place
 * with `\r` and cleared at the end. Only when stderr is a terminal: a log file or a pipe (CI, a
 * redirect) gets no progress, and stdout (the report, JSON or SARIF) never does.
 */

/** What the line is written to: `process.stderr`, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): boolean;
}

/** Redraws at most this often: a terminal redrawn per file of a thousand is slower than the check. */
const MIN_INTERVAL_MS = 100;

export class Progress {
  private shown = false;
  private lastDraw = -Infinity;
  private readonly active: boolean;

  constructor(
    private readonly stream: ProgressStream,
    /** How many files there are; one file has no progress to watch. */
    total: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.active = stream.isTTY === true && total >= 2;
  }

  /** `done` of `total` files checked; the last one is always drawn. */
  update(done: number, total: number): void {
    if (!this.active) return;
    const t = this.now();
    if (done < total && t - this.lastDraw < MIN_INTERVAL_MS) return;
    this.lastDraw = t;
    this.stream.write(`\r已检查 ${done}/${total} checked\x1b[K`);
    this.shown = true;
  }

  /** Erases the line, so what follows (messages, the report) starts on a clean line. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
