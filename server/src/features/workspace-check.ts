/**
 * `targetTable.scope: "workspace"`: every target-table file of the workspace folders (./workspace-files.ts)
 * is checked in the background and its problems listed in the Problems panel without being opened.
 *
 * How the problems reach the editor:
 *  - **workspace diagnostics** (`workspace/diagnostic`) where the client pulls and can register a provider
 *    dynamically (VS Code): a second diagnostic provider, `target-table-workspace`, is registered while the
 *    scope is on, with a document selector that matches no document, so it never pulls open documents and
 *    never changes what closing a document does in the "open" scope (vscode-languageclient pulls a closed
 *    document once more when the provider has workspace diagnostics). Its request is answered as a long
 *    poll: every file whose result changed since the client's `previousResultIds` is reported as it is
 *    checked (partial results), the request ends when the round is done, and the next one waits until a
 *    file changes. An open document is reported empty there (its own session's diagnostics show it) and
 *    reported again from disk once it closes.
 *  - **publishDiagnostics** for the files not open, for every other client.
 *
 * Low priority: a file is read asynchronously, parsed in one go and checked a department at a time in
 * slices of `SLICE_MS`; before each slice the work waits until no input is waiting (the input gauge) and
 * until `QUIET_MS` after the last edit or request of an open document (`activity`), so a keystroke waits at
 * most one slice, and a burst of typing pauses the scan. Nothing of a checked file is kept but its
 * diagnostics: the model and its trees are dropped.
 */
import * as path from 'node:path';
import {
  DiagnosticSeverity,
  type CancellationToken,
  type Diagnostic,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { parseDocument } from '../core/parse/document';
import { retireTree } from '../core/parse/section';
import { isListed } from '../core/rules/index';
import { msg, type Locale } from '../core/locale';
import type { Settings } from '../core/settings';
import type { WorkspaceProgress } from '../../../protocol';
import { SLICE_MS } from './background-check';
import { SOURCE, sectionProblems, toDiagnostic } from './diagnostics';
import { withEncodingDiagnostic } from './encoding-check';
import type { InputGauge } from './input-gauge';
import { MAX_DOCUMENT_CHARS } from './limits';
import { decodeFile, readWorkspaceFile, fileMatcher, fileUri, inSkippedDir, listFiles, uriPath, watchGlobs } from './workspace-files';

export type Scope = 'open' | 'workspace';

/** `targetTable.scope` as a client sends it: anything but "workspace" is today's behaviour. */
export function scopeOf(value: unknown): Scope {
  return value === 'workspace' ? 'workspace' : 'open';
}

/** After an edit or request of an open document, background work waits this long (a burst of typing pauses it). */
export const QUIET_MS = 150;

/** The identifier of the workspace diagnostic provider (the document one is `target-table`). */
export const WORKSPACE_PROVIDER_ID = 'target-table-workspace';

/** A file larger than this is not read: over the size limit the server would not check it open either. */
const MAX_FILE_BYTES = MAX_DOCUMENT_CHARS * 3;

/** Progress is sent at most this often while a round runs (and at its start and end). */
const PROGRESS_EVERY_MS = 200;

/** What the workspace check needs from the server around it. */
export interface WorkspaceHost {
  readonly gauge: InputGauge;
  /** The client takes workspace diagnostics (pull, with dynamic registration); otherwise they are pushed. */
  readonly pullWorkspace: boolean;
  /** The client lists pulled document diagnostics apart from pushed ones (a pushed list must then be emptied when the file opens). */
  readonly pullDocuments: boolean;
  /** The settings of a file (the client's for its URI; the lead's config file wins where there is one). */
  settingsFor(uri: string): Promise<Settings>;
  locale(settings: Settings): Locale;
  /** Files (absolute paths) the scope leaves out: the config's ignore globs. */
  ignored(filePath: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  progress(p: WorkspaceProgress): void;
  /** Turns the workspace provider and the file watchers on (globs) or off (null). */
  enable(globs: string[] | null): void;
  logError(what: string, e: unknown): void;
}

interface FileState {
  path: string;
  uri: string;
  /** Names the diagnostics' content (a re-check that finds the same problems keeps it). */
  resultId: string;
  diagnostics: Diagnostic[];
  /** Listed problems (hints left out), for the progress line. */
  problems: number;
  /** Gone from disk (or out of the scope): reported empty once, then forgotten. */
  deleted: boolean;
  /** The JSON of `diagnostics`, to see whether a re-check changed anything. */
  json: string;
  /** Pushed to the client (push mode): what it shows for the file now. */
  pushed: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class WorkspaceCheck {
  /** Workspace folders (absolute paths) whose scope is "workspace". */
  #roots: string[] = [];
  #patterns: string[];
  #matches: (filePath: string) => boolean;
  readonly #files = new Map<string, FileState>();
  /** Paths open in the editor (their sessions report them). */
  readonly #open = new Set<string>();
  /** Files to check, in order; a path at most once. */
  #queue: string[] = [];
  readonly #queued = new Set<string>();
  /** Bumped per path when it must be checked again: a check that finishes with an older one is dropped. */
  readonly #generation = new Map<string, number>();
  #running = false;
  #listing = 0;
  #quietUntil = 0;
  #ids = 0;
  #round = { checked: 0, total: 0 };
  #lastProgress = 0;
  /** Long-poll requests waiting for something to report. */
  #waiters = new Set<() => void>();
  /** Set while a configure() is replaced by a newer one. */
  #epoch = 0;

  constructor(
    private readonly host: WorkspaceHost,
    patterns: readonly string[],
  ) {
    this.#patterns = [...patterns];
    this.#matches = fileMatcher(this.#patterns);
  }

  get active(): boolean {
    return this.#roots.length > 0;
  }

  /** Whether files are still being listed or checked. */
  get busy(): boolean {
    return this.#running || this.#listing > 0 || this.#queue.length > 0;
  }

  /** The roots whose scope is "workspace" (folders' paths); every file of them is listed and checked. */
  async configure(roots: readonly string[]): Promise<void> {
    const epoch = ++this.#epoch;
    const next = [...new Set(roots)].sort();
    const was = this.#roots;
    this.#roots = next;
    if (next.length === 0) {
      if (was.length > 0) this.stop();
      return;
    }
    this.host.enable(watchGlobs(this.#patterns));
    // Files of folders no longer in the scope go.
    for (const s of this.#files.values()) if (!this.inRoots(s.path)) this.remove(s);
    await this.listAll(epoch);
  }

  /** The language's file patterns changed (files.associations): list again. */
  async setPatterns(patterns: readonly string[]): Promise<void> {
    this.#patterns = [...patterns];
    this.#matches = fileMatcher(this.#patterns);
    if (!this.active) return;
    this.host.enable(watchGlobs(this.#patterns));
    for (const s of this.#files.values()) if (!this.#matches(s.path)) this.remove(s);
    await this.listAll(++this.#epoch);
  }

  /** An edit, an open, a request of an open document: background work waits a little. */
  activity(): void {
    this.#quietUntil = performance.now() + QUIET_MS;
  }

  opened(uri: string): void {
    const p = uriPath(uri);
    if (p === null) return;
    this.#open.add(p);
    const s = this.#files.get(p);
    if (!s) return;
    // Its session reports it now; what the workspace showed for it goes.
    if (this.host.pullWorkspace) this.wake();
    else if (this.host.pullDocuments && s.pushed) {
      this.host.publish(s.uri, []);
      s.pushed = false;
    }
  }

  /** A document closed: its problems stay listed, as the file on disk has them (its unsaved edits are gone). */
  closed(uri: string): void {
    const p = uriPath(uri);
    if (p === null) return;
    this.#open.delete(p);
    if (!this.active || !this.inRoots(p) || !this.#matches(p) || this.host.ignored(p)) return;
    const s = this.#files.get(p);
    if (s) s.pushed = false; // the session's close emptied the pushed list
    this.enqueue(p, true);
  }

  /** workspace/didChangeWatchedFiles: 1 created, 2 changed, 3 deleted. */
  filesChanged(changes: readonly { uri: string; type: number }[]): void {
    if (!this.active) return;
    for (const c of changes) {
      const p = uriPath(c.uri);
      if (p === null || !this.inRoots(p)) continue;
      if (c.type === 3) {
        const s = this.#files.get(p);
        const gone = s ? [s] : [...this.#files.values()].filter((f) => f.path.startsWith(p + path.sep)); // a deleted folder: its files went with it
        for (const f of gone) this.remove(f);
        this.#round.total = Math.max(this.#round.checked, this.#round.total - gone.length);
        this.sendProgress(true);
        continue;
      }
      if (!this.#matches(p) || this.host.ignored(p) || this.rootOf(p) === null || inSkippedDir(p, this.rootOf(p)!)) continue;
      if (!this.#files.has(p) && !this.#queued.has(p)) this.#round.total++;
      this.enqueue(p, true);
    }
  }

  /**
   * Answers workspace/diagnostic (long poll): reports every file whose result id the client does not
   * have, as partial results while the round runs, and returns when the round is done and something was
   * reported; with nothing to report it waits until something changes (or the client cancels).
   */
  async workspaceDiagnostics(
    previousResultIds: readonly { uri: string; value: string }[],
    token: CancellationToken,
    partial: ((items: WorkspaceDocumentDiagnosticReport[]) => void) | undefined,
  ): Promise<WorkspaceDiagnosticReport> {
    const known = new Map<string, string>();
    for (const r of previousResultIds) {
      const p = uriPath(r.uri);
      if (p !== null) known.set(p, r.value);
    }
    const collected: WorkspaceDocumentDiagnosticReport[] = [];
    let reported = false;
    while (!token.isCancellationRequested) {
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const s of [...this.#files.values()]) {
        // An open file is reported empty here: its session's list shows it.
        const id = this.#open.has(s.path) ? `open:${s.resultId}` : s.resultId;
        if (known.get(s.path) === id) {
          if (s.deleted) this.#files.delete(s.path);
          continue;
        }
        known.set(s.path, id);
        items.push({ kind: 'full', uri: s.uri, version: null, resultId: id, items: this.#open.has(s.path) || s.deleted ? [] : s.diagnostics });
        if (s.deleted) this.#files.delete(s.path);
      }
      if (items.length > 0) {
        reported = true;
        if (partial) partial(items);
        else for (const i of items) collected.push(i);
      }
      if (reported && !this.busy) break;
      await this.changeOrCancel(token);
    }
    return { items: collected };
  }

  /** The scope is "open" again: everything listed goes from the Problems panel, and the watchers with it. */
  private stop(): void {
    this.#queue = [];
    this.#queued.clear();
    for (const s of this.#files.values()) {
      this.#generation.set(s.path, (this.#generation.get(s.path) ?? 0) + 1);
      if (!this.host.pullWorkspace && s.pushed && !this.#open.has(s.path)) this.host.publish(s.uri, []);
    }
    this.#files.clear();
    this.#round = { checked: 0, total: 0 };
    // Unregistering the workspace provider disposes its list in the client (pull); the pushed lists were emptied above.
    this.host.enable(null);
    this.sendProgress(true);
    this.wake();
  }

  private remove(s: FileState): void {
    this.#queued.delete(s.path);
    this.#generation.set(s.path, (this.#generation.get(s.path) ?? 0) + 1);
    if (this.host.pullWorkspace) {
      s.deleted = true;
      s.diagnostics = [];
      s.resultId = String(++this.#ids);
      this.wake();
    } else {
      if (s.pushed && !this.#open.has(s.path)) this.host.publish(s.uri, []);
      this.#files.delete(s.path);
    }
  }

  private inRoots(p: string): boolean {
    return this.rootOf(p) !== null;
  }

  private rootOf(p: string): string | null {
    for (const r of this.#roots) if (p === r || p.startsWith(r.endsWith(path.sep) ? r : r + path.sep)) return r;
    return null;
  }

  private async listAll(epoch: number): Promise<void> {
    this.#listing++;
    this.#round = { checked: 0, total: 0 };
    this.sendProgress(true);
    try {
      const seen = new Set<string>();
      for (const root of this.#roots) {
        const files = await listFiles(
          root,
          this.#matches,
          (p) => this.host.ignored(p),
          undefined,
          () => epoch !== this.#epoch,
        );
        if (epoch !== this.#epoch) return;
        for (const f of files) {
          if (seen.has(f)) continue;
          seen.add(f);
          this.#round.total++;
          this.enqueue(f, false);
        }
      }
      // Files that were listed before and are not any more (ignored now, or gone while nobody watched).
      for (const s of [...this.#files.values()]) if (!seen.has(s.path) && !this.#queued.has(s.path)) this.remove(s);
    } catch (e) {
      this.host.logError('listing the workspace files failed', e);
    } finally {
      this.#listing--;
      this.sendProgress(true);
      this.run();
    }
  }

  private enqueue(p: string, first: boolean): void {
    this.#generation.set(p, (this.#generation.get(p) ?? 0) + 1);
    if (this.#queued.has(p)) {
      if (first) {
        this.#queue = this.#queue.filter((q) => q !== p);
        this.#queue.unshift(p);
      }
    } else {
      this.#queued.add(p);
      if (first) this.#queue.unshift(p);
      else this.#queue.push(p);
    }
    this.run();
  }

  private run(): void {
    if (this.#running) return;
    this.#running = true;
    void this.loop().finally(() => {
      this.#running = false;
      this.sendProgress(true);
      this.wake();
    });
  }

  private async loop(): Promise<void> {
    while (this.#queue.length > 0) {
      await this.turn();
      const p = this.#queue.shift();
      if (p === undefined) break;
      this.#queued.delete(p);
      if (!this.active) continue;
      try {
        await this.checkFile(p, this.#generation.get(p) ?? 0);
      } catch (e) {
        this.host.logError(`checking ${p} failed`, e);
      }
      this.#round.checked = Math.min(this.#round.checked + 1, Math.max(this.#round.total, this.#round.checked + 1));
      this.sendProgress(false);
    }
  }

  /** Waits until background work may run: no input waiting and no edit in the last `QUIET_MS`. */
  private async turn(): Promise<void> {
    for (;;) {
      const wait = this.#quietUntil - performance.now();
      if (wait > 0) {
        await sleep(Math.ceil(wait));
        continue;
      }
      await new Promise<void>((resolve) => this.host.gauge.whenIdle(resolve));
      if (this.#quietUntil <= performance.now()) return;
    }
  }

  private async checkFile(p: string, generation: number): Promise<void> {
    const uri = this.#files.get(p)?.uri ?? fileUri(p);
    const stale = () => (this.#generation.get(p) ?? 0) !== generation || !this.active;
    if (this.#open.has(p)) {
      // Its session reports it; it is checked from disk when it closes.
      return;
    }
    const bytes = await readWorkspaceFile(p, MAX_FILE_BYTES);
    if (bytes === null) {
      const s = this.#files.get(p);
      if (s && !stale()) this.remove(s);
      return;
    }
    if (bytes === 'too-large') {
      this.store(p, uri, [], 0);
      return;
    }
    if (stale()) return;
    await this.turn();
    const { text } = decodeFile(bytes);
    if (text.length > MAX_DOCUMENT_CHARS) {
      this.store(p, uri, [], 0);
      return;
    }
    const model = parseDocument(text);
    const settings = await this.host.settingsFor(uri);
    // The settings came back on a later turn: the user may be typing again.
    await this.turn();
    if (stale() || this.#open.has(p)) return;
    const locale = this.host.locale(settings);
    const out: Diagnostic[] = [];
    let problems = 0;
    try {
      let deadline = performance.now() + SLICE_MS;
      for (const ref of model.sections) {
        if (performance.now() >= deadline) {
          await this.turn();
          if (stale() || this.#open.has(p)) return;
          deadline = performance.now() + SLICE_MS;
        }
        for (const problem of sectionProblems(ref, settings)) {
          if (isListed(problem.severity)) problems++;
          out.push(toDiagnostic(problem, uri, locale));
        }
        retireTree(ref.body);
      }
    } finally {
      for (const ref of model.sections) retireTree(ref.body);
    }
    if (stale() || this.#open.has(p)) return;
    let diagnostics = capped(out, settings.maxProblems, locale);
    diagnostics = withEncodingDiagnostic({ diagnostics, pieces: [] }, model, locale, false).diagnostics;
    this.store(p, uri, diagnostics, problems + (diagnostics.length > 0 && diagnostics[0].code === 'encoding' ? 1 : 0));
  }

  private store(p: string, uri: string, diagnostics: Diagnostic[], problems: number): void {
    const json = JSON.stringify(diagnostics);
    let s = this.#files.get(p);
    if (s && !s.deleted && s.json === json && (s.pushed || this.host.pullWorkspace)) return;
    if (!s || s.deleted) {
      s = { path: p, uri, resultId: '', diagnostics, problems, deleted: false, json, pushed: false };
      this.#files.set(p, s);
    }
    s.diagnostics = diagnostics;
    s.problems = problems;
    s.json = json;
    s.resultId = String(++this.#ids);
    if (this.host.pullWorkspace) this.wake();
    else if (!this.#open.has(p)) {
      this.host.publish(uri, diagnostics);
      s.pushed = true;
    }
  }

  private sendProgress(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.#lastProgress < PROGRESS_EVERY_MS && this.#round.checked < this.#round.total) return;
    this.#lastProgress = now;
    let filesWithProblems = 0;
    let problems = 0;
    for (const s of this.#files.values()) {
      if (s.deleted || s.problems === 0) continue;
      filesWithProblems++;
      problems += s.problems;
    }
    const checked = this.busy ? Math.min(this.#round.checked, this.#round.total) : this.#round.total;
    this.host.progress({ checked, total: this.#round.total, active: this.active, filesWithProblems, problems });
  }

  private wake(): void {
    const waiters = this.#waiters;
    this.#waiters = new Set();
    for (const w of waiters) w();
  }

  /** Resolves at the next change (`wake`) or when the request is cancelled (vscode-jsonrpc calls back a cancelled token's listener on a later turn). */
  private changeOrCancel(token: CancellationToken): Promise<void> {
    return new Promise<void>((resolve) => {
      let settled = false;
      const done = (): void => {
        if (settled) return;
        settled = true;
        this.#waiters.delete(done);
        sub.dispose();
        resolve();
      };
      this.#waiters.add(done);
      const sub = token.onCancellationRequested(done);
    });
  }
}

const CAPPED = {
  zh: (shown: number, total: number) => `此文件有 ${total} 个问题，未打开时只列出前 ${shown} 个（targetTable.maxProblems）；打开文件查看全部。`,
  en: (shown: number, total: number) =>
    `This file has ${total} problems; while it is not open only the first ${shown} are listed (targetTable.maxProblems). Open it to see them all.`,
};

/** A file not open lists at most `maxProblems` (0: all), after one line that says how many there are. */
function capped(diagnostics: Diagnostic[], maxProblems: number, locale: Locale): Diagnostic[] {
  if (maxProblems <= 0 || diagnostics.length <= maxProblems) return diagnostics;
  const shown = Math.max(maxProblems - 1, 0);
  const summary: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: msg({ zh: CAPPED.zh(shown, diagnostics.length), en: CAPPED.en(shown, diagnostics.length) }, locale),
  };
  return [summary, ...diagnostics.slice(0, shown)];
}
