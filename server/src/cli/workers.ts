/**
 * Checking many files: spread over worker threads (`--workers N`, default the machine's
 * `os.availableParallelism()`), each of which reads, decodes, parses and checks one file at a time
 * and sends back its `FileOutcome` (plain data: no model crosses a thread). Jobs are handed out one
 * at a time as workers finish, so a few big files do not leave the other workers idle; the outcomes
 * are put back in input order, so the report is the same whatever the number of workers.
 *
 * The worker's code is check-worker.ts: compiled beside this file in out/ and bundled beside
 * dist/cli.js as dist/check-worker.js (scripts/build.mjs), so `__dirname` finds it in both. Without
 * it (a bundle copied on its own) files are checked in this thread.
 *
 * `--fix` runs in this thread (`fixFiles`): every file is read before any is written (nothing is
 * written unless every file could be read), and io.ts `writeInPlace` needs the bytes read; keeping
 * that in one thread keeps its guarantees as they were.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Locale } from '../core/locale';
import type { DocumentProblem } from '../core/rules/index';
import { checkText, sortedProblems } from './check';
import { NO_REVIEW, ReviewRun, type ReviewOptions } from './config-use';
import { CliError, EXIT, readInputFile, readStdin, writeInPlace, type InputFile } from './io';
import type { InputSpec } from './inputs';
import { outcomeProblems, type Complaint, type FileOutcome } from './output';

/** What a worker is started with. */
export interface WorkerConfig {
  kind: typeof WORKER_KIND;
  locale: Locale;
  /** The review config options (`--config`, `--no-config`…): each thread finds and reads a file's config itself. */
  review: ReviewOptions;
}

/** One file for a worker. */
export interface CheckJob {
  index: number;
  name: string;
}

type WorkerReply = { index: number; outcome: FileOutcome } | { index: number; crash: string };

const WORKER_KIND = 'target-table-check';

/** The worker's script, beside this file (out/server/src/cli/ or dist/). */
export const WORKER_FILE = path.join(__dirname, 'check-worker.js');

export function defaultWorkers(): number {
  return os.availableParallelism();
}

export interface CheckFilesOptions {
  /** Most worker threads; 1 checks in this thread. */
  workers: number;
  locale: Locale;
  /** The review config this run uses (this thread's; workers make their own from its options). Default: none. */
  review?: ReviewRun;
  /** Called after each file with how many are done. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads and checks one file (no fix), turning what cannot be read into a complaint. */
export function checkNamedFile(name: string, review: ReviewRun, locale: Locale): FileOutcome {
  let input: InputFile;
  try {
    input = readInputFile(name);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return unreadable(name, e);
  }
  return checkedOutcome(input, false, review, locale).outcome;
}

function unreadable(name: string, e: CliError): FileOutcome {
  return {
    name,
    checked: false,
    encoding: null,
    bytes: 0,
    problems: [],
    fixed: 0,
    complaints: [{ message: e.message, exitCode: e.exitCode }],
    suppressed: [],
    used: [],
  };
}

/** Checks a file read (fixing it with `fix`): its outcome, and the fixed text when a fix changed it. */
function checkedOutcome(
  input: InputFile,
  fix: boolean,
  review: ReviewRun,
  locale: Locale,
): { outcome: FileOutcome; fixedText: string | null; original: () => Pick<FileOutcome, 'problems' | 'suppressed' | 'used'> } {
  const name = input.name;
  // --fix leaves suppressed problems as they are (fixSettingsOf filters them out of the fixes);
  // the report then splits the problems left with the plain settings, so they are counted apart.
  const r = checkText(input.text, fix, fix ? review.fixSettingsOf(name) : review.settingsOf(name));
  const parts = (problems: DocumentProblem[]) => {
    const p = review.outcomeParts(name, problems);
    return { problems: outcomeProblems(p.shown, locale), suppressed: p.suppressed, used: p.used };
  };
  const complaints: Complaint[] = [];
  if (!r.hasTable) complaints.push({ message: `文件中没有绩效目标表 no target table found in ${name}`, exitCode: EXIT.noTable });
  return {
    outcome: {
      name,
      checked: true,
      encoding: input.encoding,
      bytes: input.bytes.length,
      ...parts(fix ? sortedProblems(r.model, review.settingsOf(name)) : r.problems),
      fixed: r.fixed,
      complaints,
    },
    fixedText: r.fixed > 0 ? r.text : null,
    original: () => parts(sortedProblems(r.original, review.settingsOf(name))),
  };
}

/**
 * Checks every file, in worker threads when there are several files and more than one worker
 * (standard input is read and checked in this thread). The outcomes are in the order of `specs`.
 */
export async function checkFiles(specs: readonly InputSpec[], options: CheckFilesOptions): Promise<FileOutcome[]> {
  const review = options.review ?? NO_REVIEW;
  const outcomes: FileOutcome[] = new Array<FileOutcome>(specs.length);
  const total = specs.length;
  let done = 0;
  const finished = (i: number, o: FileOutcome) => {
    outcomes[i] = o;
    options.onProgress?.(++done, total);
  };
  const files: number[] = [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    if (spec.path !== null) files.push(i);
    else finished(i, await checkStdin(review, options.locale));
  }
  const workers = Math.min(options.workers, files.length);
  if (workers <= 1 || !fs.existsSync(WORKER_FILE)) {
    for (const i of files) finished(i, checkNamedFile(specs[i].name, review, options.locale));
    return outcomes;
  }
  const jobs = largestFirst(files.map((i): CheckJob => ({ index: i, name: specs[i].name })));
  await runPool(jobs, workers, { kind: WORKER_KIND, locale: options.locale, review: review.options }, (i, o) => {
    for (const u of o.used) review.markUsed(u.config, u.index);
    finished(i, o);
  });
  return outcomes;
}

async function checkStdin(review: ReviewRun, locale: Locale): Promise<FileOutcome> {
  let input: InputFile;
  try {
    input = await readStdin();
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return unreadable('<stdin>', e);
  }
  return checkedOutcome(input, false, review, locale).outcome;
}

/**
 * The jobs, largest file first: the last job to start then is a small one, so the workers finish
 * together instead of one checking a large file alone at the end. A file that cannot be stat'ed
 * counts as empty (its worker reports why it cannot be read).
 */
function largestFirst(jobs: CheckJob[]): CheckJob[] {
  const size = new Map<CheckJob, number>();
  for (const j of jobs) {
    try {
      size.set(j, fs.statSync(j.name).size);
    } catch {
      size.set(j, 0);
    }
  }
  return jobs.sort((a, b) => size.get(b)! - size.get(a)! || a.index - b.index);
}

/**
 * Jobs sent to a worker ahead of the one it is on: with one job at a time, a worker waited for
 * the main thread to receive each outcome and send the next name, and sat idle a tenth of the run.
 */
const JOBS_IN_FLIGHT = 2;

/** Hands the jobs to `count` workers, a few ahead each; ends when all are answered. A worker that crashes is an internal error. */
function runPool(jobs: CheckJob[], count: number, config: WorkerConfig, finished: (index: number, outcome: FileOutcome) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let answered = 0;
    let failed = false;
    const pool: Worker[] = [];
    const stopAll = () => {
      for (const w of pool) void w.terminate();
    };
    const feed = (w: Worker) => {
      if (next < jobs.length) w.postMessage(jobs[next++]);
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(WORKER_FILE, { workerData: config });
      pool.push(w);
      w.on('message', (reply: WorkerReply) => {
        if (failed) return;
        if ('crash' in reply) {
          failed = true;
          stopAll();
          reject(new Error(`${jobs.find((j) => j.index === reply.index)?.name ?? ''}: ${reply.crash}`));
          return;
        }
        finished(reply.index, reply.outcome);
        if (++answered === jobs.length) {
          stopAll();
          resolve();
        } else feed(w);
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        stopAll();
        reject(e);
      });
      for (let k = 0; k < JOBS_IN_FLIGHT; k++) feed(w);
    }
  });
}

/** The worker's loop (check-worker.ts): one job in, one outcome out. A bug is sent back, not thrown, so the main thread names the file. */
export function serveWorker(port: MessagePort, config: WorkerConfig): void {
  if (config?.kind !== WORKER_KIND) throw new Error('check-worker started without its configuration');
  // The main thread has said what is wrong with a config; this thread only applies it.
  const review = new ReviewRun(config.review, () => undefined, config.locale);
  port.on('message', (job: CheckJob) => {
    let reply: WorkerReply;
    try {
      reply = { index: job.index, outcome: checkNamedFile(job.name, review, config.locale) };
    } catch (e) {
      reply = { index: job.index, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
  });
}

/**
 * `--fix`, in this thread: every file is read first, and fixed only when all of them could be
 * read (else `notFixed`); then each is checked, fixed and written back in place, and reported as it
 * is afterwards (as it still is when its write failed).
 */
export async function fixFiles(
  specs: readonly InputSpec[],
  options: Omit<CheckFilesOptions, 'workers'>,
): Promise<{ outcomes: FileOutcome[]; notFixed: boolean }> {
  const review = options.review ?? NO_REVIEW;
  // Each file read, or the outcome of one that could not be.
  const read: ({ input: InputFile } | { failed: FileOutcome })[] = [];
  for (const spec of specs) {
    try {
      read.push({ input: spec.path === null ? await readStdin() : readInputFile(spec.name) });
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      read.push({ failed: unreadable(spec.path === null ? '<stdin>' : spec.name, e) });
    }
  }
  const fix = read.every((r) => 'input' in r);
  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < read.length; i++) {
    const r = read[i];
    if ('failed' in r) {
      outcomes.push(r.failed);
    } else {
      const c = checkedOutcome(r.input, fix, review, options.locale);
      const outcome = c.outcome;
      if (c.fixedText !== null) {
        try {
          if (!writeInPlace(r.input, c.fixedText)) outcome.fixed = 0; // the fixes gave back the same bytes
        } catch (e) {
          if (!(e instanceof CliError)) throw e;
          // Not written: report the file as it still is; the write's failure comes before "no table".
          outcome.complaints.unshift({ message: e.message, exitCode: e.exitCode });
          Object.assign(outcome, c.original());
          outcome.fixed = 0;
        }
      }
      outcomes.push(outcome);
    }
    options.onProgress?.(i + 1, read.length);
  }
  return { outcomes, notFixed: !fix && specs.length > 0 };
}
