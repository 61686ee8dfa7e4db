/**
 * One open document and everything the server keeps for it: its text and model, its settings, where
 * the user works in it, what its diagnostics remember between sends, its pull result id, its push
 * debounce, its background check and the problems code actions read. Each piece has this one owner,
 * so closing a document is one call (`DocumentSessions.close`), and a request handler looks the
 * session up and asks it. What is not per document (the connection, the client's capabilities, the
 * input gauge, memory policy) the session reaches through its `SessionHost`.
 *
 * Push or pull: with push diagnostics a change schedules a publish (./publish-scheduler.ts); with
 * pull diagnostics the client asks after each change, and the session only asks the client to pull
 * again when something changed without an edit (a big file's background check ended, the cursor
 * left the problems sent, new settings).
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { documentLength, type TextChange } from '../core/parse/document';
import type { DocumentProblem } from '../core/rules/index';
import { resolveLocale, type Locale } from '../core/locale';
import { BackgroundTask, SLICE_MS, type IdleCollector } from './background-check';
import { DiagnosticsMemory, checkPending, documentProblems, sentDiagnostics, type DiagnosticsContext, type SentDiagnostics } from './diagnostics';
import { changeDocument, openDocument, releaseDocument, type StoredDocument } from './document-store';
import type { InputGauge } from './input-gauge';
import { MAX_DOCUMENT_CHARS, type DocumentLimit } from './limits';
import { Focus } from './problem-window';
import { PublishScheduler } from './publish-scheduler';
import { PullResult } from './pull-results';
import { withEncodingDiagnostic } from './encoding-check';
import { settingsKey, type Settings } from '../core/settings';

/** What a session needs from the server around it. */
export interface SessionHost {
  /** The client's locale (initialize): what `targetTable.language: auto` speaks. */
  readonly locale: Locale;
  /** The client pulls diagnostics (textDocument/diagnostic) instead of receiving pushes. */
  readonly pullDiagnostics: boolean;
  /** Messages read and not yet handled: a publish waits for them (./input-gauge.ts). */
  readonly gauge: InputGauge;
  /** Memory given back after big work (./background-check.ts). */
  readonly idle: IdleCollector;
  /** The push debounce in milliseconds. */
  debounceMs(): number;
  /** The document's settings, as the client has them for it. */
  fetchSettings(uri: string): Promise<Settings>;
  /** Writes a publishDiagnostics message; resolves once written, never rejects. */
  sendDiagnostics(doc: StoredDocument, sent: SentDiagnostics | null): Promise<void>;
  /** Asks the client to pull diagnostics again, when it can be asked. */
  refreshDiagnostics(): void;
  /** Asks the client to ask for code lenses again (their problem counts), when it can be asked. */
  refreshCodeLenses(): void;
  /** The document crossed the size limit, one way or the other (./limits.ts). */
  limitChanged(before: DocumentLimit | null, doc: StoredDocument): void;
  logError(what: string, e: unknown): void;
}

/** A document and its settings, as a request handler works on them once the settings are known. */
export interface SessionState {
  /** The document now (after the wait for its settings). */
  doc: StoredDocument;
  settings: Settings;
  /** Whether the document changed while its settings were fetched. */
  changed: boolean;
}

/** Work not yet done for a cancelled request is not done. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

export class DocumentSession {
  #doc: StoredDocument;
  #closed = false;
  #settings: Promise<Settings> | undefined = undefined;
  /** All problems for one model and settings (code actions, stats); the array code actions index by identity. */
  #problems: { model: StoredDocument['model']; key: string; problems: DocumentProblem[] } | undefined = undefined;
  readonly #focus = new Focus();
  readonly #memory = new DiagnosticsMemory();
  readonly #pull = new PullResult();
  readonly #background = new BackgroundTask();
  readonly #publisher: PublishScheduler;

  constructor(
    private readonly host: SessionHost,
    doc: StoredDocument,
  ) {
    this.#doc = doc;
    this.#publisher = new PublishScheduler(
      host.gauge,
      () => host.debounceMs(),
      () => this.publish(),
    );
    host.limitChanged(null, doc);
    this.diagnosticsChanged();
  }

  get uri(): string {
    return this.#doc.uri;
  }

  get doc(): StoredDocument {
    return this.#doc;
  }

  get model(): StoredDocument['model'] {
    return this.#doc.model;
  }

  /** Where the user works: the last edit's line, or the cursor's as code-action requests show it. */
  get focusLine(): number {
    return this.#focus.line;
  }

  /** Applies LSP content changes in order; the last change's line becomes the focus. */
  change(version: number, changes: readonly TextChange[]): void {
    const before = this.#doc.limited;
    this.#doc = changeDocument(this.#doc, version, changes);
    const last = changes[changes.length - 1];
    if (last && last.range) this.#focus.edited(last.range.start.line);
    this.host.limitChanged(before, this.#doc);
    this.diagnosticsChanged();
  }

  /** The cursor is at `line` (VS Code asks for code actions wherever it goes): when it left the problems sent, send those around it. */
  cursorAt(line: number): void {
    if (this.#focus.moved(line)) this.followFocus();
  }

  /** The document's settings, asked of the client once until they change. */
  settings(): Promise<Settings> {
    return (this.#settings ??= this.host.fetchSettings(this.uri));
  }

  /** The settings changed: asked again on next use. */
  settingsChanged(): void {
    this.#settings = undefined;
  }

  /** The document and its settings once they are known; throws RequestCancelled if `token` was cancelled meanwhile. */
  async state(token?: CancellationToken): Promise<SessionState> {
    throwIfCancelled(token);
    const asked = this.#doc;
    const settings = await this.settings();
    throwIfCancelled(token);
    return { doc: this.#doc, settings, changed: this.#doc !== asked };
  }

  /**
   * The language the document's features speak with `settings`: `targetTable.language`, else the
   * client's. A document setting, so a change arrives as new settings (didChangeConfiguration) and the
   * diagnostics are sent again in the new language (their cache key has the locale) without a restart;
   * hovers, code actions and the outline ask for it per request.
   */
  locale(settings: Settings): Locale {
    return resolveLocale(settings.language, this.host.locale);
  }

  /** Every problem of the document for `settings` (code actions, stats), computed once per model and settings. */
  problems(doc: StoredDocument, settings: Settings): DocumentProblem[] {
    const key = settingsKey(settings);
    const hit = this.#problems;
    if (hit && hit.model === doc.model && hit.key === key) return hit.problems;
    const problems = documentProblems(doc.model, settings);
    this.#problems = { model: doc.model, key, problems };
    return problems;
  }

  /** Something the diagnostics depend on changed (an edit, the settings): push them (pull clients ask by themselves after an edit). */
  diagnosticsChanged(): void {
    if (!this.host.pullDiagnostics) this.#publisher.schedule();
  }

  /** Answers textDocument/diagnostic: the diagnostics to show now, or `unchanged` when they are the bytes sent last. */
  async pull(previousResultId: string | undefined, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    const { doc, settings, changed } = await this.state(token);
    // The text changed (or closed) while settings were fetched: drop this work and let the client ask again.
    if (changed || this.#closed) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
    const sent = this.diagnosticsToSend(doc, settings);
    const resultId = this.#pull.resultId(sent.pieces);
    if (previousResultId === resultId) return { kind: 'unchanged', resultId };
    return { kind: 'full', resultId, items: sent.diagnostics };
  }

  /** The document closed: nothing more is sent or checked for it, and its memory goes back. */
  close(): void {
    this.#closed = true;
    this.#background.stop();
    this.#publisher.cancel();
    releaseDocument(this.#doc);
    // A big file's memory is given back once things are quiet, not at the next keystroke.
    this.host.idle.released(this.#doc.limited ? MAX_DOCUMENT_CHARS : documentLength(this.#doc.model));
    if (!this.host.pullDiagnostics) void this.host.sendDiagnostics(this.#doc, null);
  }

  /** Sends the newest diagnostics; resolves when the message is written (./publish-scheduler.ts). */
  private async publish(): Promise<void> {
    try {
      const { doc, settings, changed } = await this.state();
      // Dropped when the document changed or closed meanwhile: the newer version has its own publish.
      if (changed || this.#closed) return;
      await this.host.sendDiagnostics(doc, this.diagnosticsToSend(doc, settings));
    } catch (e) {
      this.host.logError(`diagnostics for ${this.uri} failed`, e);
    }
  }

  private context(doc: StoredDocument, settings: Settings): DiagnosticsContext {
    return { model: doc.model, uri: doc.uri, settings, locale: this.locale(settings), focusLine: this.#focus.line, memory: this.#memory };
  }

  /** What is sent now (push or pull); remembers the window sent and starts the background check a big file needs. */
  private diagnosticsToSend(doc: StoredDocument, settings: Settings): SentDiagnostics {
    // A wrongly decoded text (U+FFFD) says so once, first (./encoding-check.ts).
    const sent = withEncodingDiagnostic(sentDiagnostics(this.context(doc, settings)), doc.model, this.locale(settings));
    this.#focus.sent(sent.window);
    if (sent.pending > 0) this.checkInBackground();
    return sent;
  }

  /**
   * Checks the departments a progressive send left unchecked, a slice at a time, then sends the
   * diagnostics again (push) or asks the editor to pull them (pull).
   */
  private checkInBackground(): void {
    this.#background.start(
      async () => {
        const settings = await this.settings();
        if (this.#closed) return false;
        return checkPending(this.context(this.#doc, settings), performance.now() + SLICE_MS);
      },
      () => {
        if (!this.#closed) this.followFocus();
        this.host.idle.afterBackgroundCheck();
      },
      (e) => this.host.logError(`checking ${this.uri} failed`, e),
    );
  }

  /** The problems to show changed without an edit: send them (push) or have the editor pull them. */
  private followFocus(): void {
    if (this.host.pullDiagnostics) this.host.refreshDiagnostics();
    else this.#publisher.schedule();
  }
}

/** The open documents' sessions, by URI. */
export class DocumentSessions {
  readonly #sessions = new Map<string, DocumentSession>();

  constructor(private readonly host: SessionHost) {}

  /** Opens a document (a second open of the same URI replaces the first). */
  open(uri: string, languageId: string, version: number, text: string): DocumentSession {
    this.#sessions.get(uri)?.close();
    const session = new DocumentSession(this.host, openDocument(uri, languageId, version, text));
    this.#sessions.set(uri, session);
    return session;
  }

  get(uri: string): DocumentSession | undefined {
    return this.#sessions.get(uri);
  }

  close(uri: string): void {
    this.#sessions.get(uri)?.close();
    this.#sessions.delete(uri);
  }

  all(): DocumentSession[] {
    return [...this.#sessions.values()];
  }

  /** The settings changed: every document asks for its own again and is checked with them. */
  settingsChanged(): void {
    for (const s of this.#sessions.values()) s.settingsChanged();
    if (this.host.pullDiagnostics) this.host.refreshDiagnostics();
    else for (const s of this.#sessions.values()) s.diagnosticsChanged();
    // The lenses count problems (and can be switched off): an edit makes the editor ask again by itself, new settings do not.
    this.host.refreshCodeLenses();
  }
}
