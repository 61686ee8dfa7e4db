/**
 * The target-table language server. This file only wires: connection, open documents,
 * settings and the features (each a VS Code-free function in ./features/).
 * Transport comes from argv (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`), as vscode-languageserver
 * reads it, with our own stream reader (./features/transport.ts). Between the connection's queue and the
 * handlers: input counting, shutdown, params and cancellation (./features/dispatch.ts).
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  MessageType,
  type CancellationToken,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  createConnection,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { DocumentProblem } from './core/rules/index';
import { FIX_ALL_KIND, codeActions, resolveCodeAction, type FixAllOfKindData } from './features/code-actions';
import { BackgroundTasks, IdleCollector, SLICE_MS, collectGarbage } from './features/background-check';
import { checkPending, documentProblems, forgetSent, sentDiagnostics, type SentDiagnostics } from './features/diagnostics';
import { documentLength } from './core/parse/document';
import { RequestLog, dispatchStrategy } from './features/dispatch';
import { InputGauge, countingReader, isCancelNotification } from './features/input-gauge';
import { PublishScheduler } from './features/publish-scheduler';
import { redirectConsole, transportFromArgv } from './features/transport';
import { DocumentStore, storedText, type StoredDocument } from './features/document-store';
import { MAX_DOCUMENT_CHARS, limitLogMessage, limitMessage, limitedOutline, unlimitedLogMessage, type DocumentLimit } from './features/limits';
import { documentOutline } from './features/document-symbols';
import { foldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { FocusTracker } from './features/problem-window';
import { PullResults } from './features/pull-results';
import { installPublishEncoder, withEncodedDiagnostics, withEncodedItems } from './features/publish-encoder';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, normalizeSettings, settingsKey, type ServerSettings } from './features/settings';
import { STATS_REQUEST, documentStats, type StatsParams } from './features/stats';
import { workspaceSymbols } from './features/workspace-symbols';
import { pickLocale, type Locale } from './i18n';

/**
 * Push-diagnostics debounce. Parsing and checking an edit are incremental (only the touched
 * department is re-parsed and re-checked), so the delay is not there to save analysis time: it
 * coalesces a burst of didChange messages (fast typing, multi-cursor edits, a fix-all applied
 * as many changes) into one publish, because each publish serialises the file's diagnostics (up
 * to `targetTable.maxProblems`) and makes the editor redraw them. 50 ms is below what a user
 * perceives as lag.
 */
const DEFAULT_DEBOUNCE_MS = 50;
/** `initializationOptions.debounceMs` (0: no delay; a publish still waits until the input read is handled). */
let debounceMs = DEFAULT_DEBOUNCE_MS;

/** Requests being handled, and which the client cancelled (asked by the JSON encoder, so kept for stream transports only). */
const requests = new RequestLog();
installPublishEncoder((id) => requests.answered(id)); // before the transport creates its message writer (it takes the encoder then)
const transport = transportFromArgv(process.argv.slice(2));
if (!transport) throw new Error("Connection input stream is not set. Use arguments of createConnection or set command line parameters: '--node-ipc', '--stdio', '--socket={number}' or '--pipe={name}'");
/** Stream transports write JSON through our encoder; node-ipc (how VS Code starts us) serialises itself. */
const streamTransport = transport.stream;
/** Messages read and not yet dispatched (./features/input-gauge.ts). */
const gauge = new InputGauge();
const strategy = dispatchStrategy({ gauge, writer: transport.writer, requests: streamTransport ? requests : undefined, log: (m) => connection.console.warn(m) });
const connection = createConnection(ProposedFeatures.all, countingReader(transport.reader, gauge, (m) => cancelSeen(m)), transport.writer, strategy);
if (transport.input) {
  // What vscode-languageserver does for a stdio connection: the client gone is the end, and stdout is the protocol.
  const gone = () => process.exit(strategy.shutdownReceived() ? 0 : 1);
  transport.input.on('end', gone);
  transport.input.on('close', gone);
  redirectConsole(connection.console);
}
const store = new DocumentStore();

let locale: Locale = 'zh';
let configurationCapability = false;
let pullDiagnostics = false;
let diagnosticRefresh = false;
let documentChangesCapability = false;
let codeActionResolve = false;
/** Settings when the client cannot answer workspace/configuration (from didChangeConfiguration's payload). */
let globalSettings: ServerSettings = DEFAULT_SETTINGS;
const settingsCache = new Map<string, Promise<ServerSettings>>();
/** Push diagnostics: debounce, then wait for the input read, one publish per document at a time (./features/publish-scheduler.ts). */
const publishes = new PublishScheduler(gauge, () => debounceMs, (uri) => publish(uri));
/** Where the user works in each document: the problems sent to the editor follow it (./features/problem-window.ts). */
const focus = new FocusTracker();
/** Big files: the departments not checked before the first send are checked in slices (./features/background-check.ts). */
const background = new BackgroundTasks();
/** Memory back after a burst of edits (./features/background-check.ts). */
const idle = new IdleCollector();
/** Pull result ids by content: `unchanged` when a keystroke changed no problem (./features/pull-results.ts). */
const pullResults = new PullResults();
/** Problems computed for a model with given settings, reused by stats and code actions. */
const problemCache = new Map<string, { model: StoredDocument['model']; key: string; problems: DocumentProblem[] }>();

connection.onInitialize((params): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { locale?: string; debounceMs?: unknown };
  locale = pickLocale(init.locale, params.locale);
  if (typeof init.debounceMs === 'number' && Number.isFinite(init.debounceMs) && init.debounceMs >= 0) debounceMs = Math.min(init.debounceMs, 10000);
  const caps = params.capabilities;
  configurationCapability = !!caps.workspace?.configuration;
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  diagnosticRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
  documentChangesCapability = !!caps.workspace?.workspaceEdit?.documentChanges;
  codeActionResolve = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: codeActionResolve },
      documentSymbolProvider: { label: '绩效目标表' },
      foldingRangeProvider: true,
      workspaceSymbolProvider: true,
      ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'target-table', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'target-table-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (configurationCapability) {
    // Without a registration VS Code sends no didChangeConfiguration at all.
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    // Pull the window-level settings now; per-document ones are pulled (and cached) on first use.
    void connection.workspace.getConfiguration(SETTINGS_SECTION).then(
      (raw) => (globalSettings = normalizeSettings(raw)),
      () => undefined,
    );
  }
});

function settingsFor(uri: string): Promise<ServerSettings> {
  if (!configurationCapability) return Promise.resolve(globalSettings);
  let p = settingsCache.get(uri);
  if (!p) {
    p = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(normalizeSettings, () => globalSettings);
    settingsCache.set(uri, p);
  }
  return p;
}

function problemsOf(entry: StoredDocument, settings: ServerSettings): DocumentProblem[] {
  const key = settingsKey(settings);
  const hit = problemCache.get(entry.uri);
  if (hit && hit.model === entry.model && hit.key === key) return hit.problems;
  const problems = documentProblems(entry.model, settings);
  problemCache.set(entry.uri, { model: entry.model, key, problems });
  return problems;
}

/** `$/cancelRequest` as read: a response still to be encoded is then written as RequestCancelled. */
function cancelSeen(m: unknown): void {
  if (streamTransport && isCancelNotification(m)) requests.cancel(m.params?.id);
}

/** Work not yet done for a cancelled request is not done (checked after each wait in a handler). */
function checkCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

function logError(what: string, e: unknown): void {
  connection.console.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}

// ---- push diagnostics (clients without pull support: Neovim, Emacs …) ----

function schedule(uri: string): void {
  if (pullDiagnostics) return;
  publishes.schedule(uri);
}

/** Sends the newest diagnostics of `uri`; resolves when the message is written (./features/publish-scheduler.ts). */
async function publish(uri: string): Promise<void> {
  try {
    const entry = store.get(uri);
    if (!entry) return;
    const settings = await settingsFor(uri);
    // Dropped when the document changed or closed meanwhile: the newer version has its own run.
    if (store.get(uri) !== entry) return;
    const sent = diagnosticsToSend(entry, settings);
    await connection.sendDiagnostics(withEncodedDiagnostics({ uri, version: entry.version, diagnostics: sent.diagnostics }, sent.pieces));
  } catch (e) {
    logError(`diagnostics for ${uri} failed`, e);
  }
}

/** What is sent for a document now (push or pull); remembers the window sent and starts the background check a big file needs. */
function diagnosticsToSend(entry: StoredDocument, settings: ServerSettings): SentDiagnostics {
  const sent = sentDiagnostics(entry.model, entry.uri, settings, locale, settingsKey(settings), focus.line(entry.uri), settings.maxProblems);
  focus.sent(entry.uri, sent.window);
  if (sent.pending > 0) checkInBackground(entry.uri);
  return sent;
}

/** How long after a big file's background check its garbage is collected (./features/background-check.ts). */
const GC_AFTER_CHECK_MS = 100;

/**
 * Checks the departments a progressive send left unchecked, a slice at a time, then sends the
 * diagnostics again (push) or asks the editor to pull them (pull).
 */
function checkInBackground(uri: string): void {
  background.start(
    uri,
    async () => {
      const settings = await settingsFor(uri);
      const entry = store.get(uri);
      if (!entry) return false;
      return checkPending(entry.model, uri, settings, locale, settingsKey(settings), focus.line(uri), performance.now() + SLICE_MS);
    },
    () => {
      if (store.get(uri)) followFocus(uri);
      // After the complete list is out (a publish is sent on the next turn of the event loop), not
      // before it: the collection takes tens of milliseconds on the sample ×10.
      setTimeout(() => {
        collectGarbage();
        idle.collected();
      }, GC_AFTER_CHECK_MS).unref();
    },
    (e) => logError(`checking ${uri} failed`, e),
  );
}

/** The cursor left the departments whose problems were sent: send the ones around it. */
function followFocus(uri: string): void {
  if (pullDiagnostics) {
    if (diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
  } else {
    schedule(uri);
  }
}

function recheckAll(): void {
  if (pullDiagnostics) {
    if (diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
  } else {
    for (const d of store.all()) schedule(d.uri);
  }
}

// ---- pull diagnostics ----

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  checkCancelled(token);
  const uri = params.textDocument.uri;
  const entry = store.get(uri);
  if (!entry) return { kind: 'full', items: [] };
  const settings = await settingsFor(uri);
  checkCancelled(token);
  if (store.get(uri) !== entry) {
    // The text changed while settings were fetched: drop this work and let the client ask again.
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
  }
  const sent = diagnosticsToSend(entry, settings);
  const resultId = pullResults.resultId(uri, sent.pieces);
  if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
  return { kind: 'full', resultId, items: sent.diagnostics };
});

// ---- documents ----

/** Says in the log and to the user when a document crosses the size limit (./features/limits.ts). */
function announceLimit(before: DocumentLimit | null, entry: StoredDocument): void {
  if (entry.limited && !before) {
    const bytes = Buffer.byteLength(storedText(entry), 'utf8');
    let file = entry.uri;
    try {
      file = decodeURIComponent(entry.uri.slice(entry.uri.lastIndexOf('/') + 1)) || entry.uri;
    } catch {
      // keep the URI
    }
    connection.console.warn(limitLogMessage(entry.limited, bytes, entry.uri));
    // A notification (window/showMessage), not showWarningMessage's request: a client that does not
    // implement window/showMessageRequest would answer with an error, which must not crash the server.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: limitMessage(entry.limited, bytes, file, locale) }).catch(() => undefined);
  } else if (!entry.limited && before) {
    connection.console.info(unlimitedLogMessage(entry.uri, documentLength(entry.model)));
  }
}

connection.onDidOpenTextDocument(({ textDocument: d }) => {
  idle.activity();
  try {
    announceLimit(null, store.open(d.uri, d.languageId, d.version, d.text));
  } catch (e) {
    logError(`opening ${d.uri} failed`, e);
    return;
  }
  schedule(d.uri);
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  idle.activity();
  try {
    const before = store.get(textDocument.uri)?.limited ?? null;
    const entry = store.change(textDocument.uri, textDocument.version, contentChanges);
    if (!entry) return;
    const lastChange = contentChanges[contentChanges.length - 1];
    if (lastChange && 'range' in lastChange && lastChange.range) focus.edited(entry.uri, lastChange.range.start.line);
    announceLimit(before, entry);
  } catch (e) {
    logError(`applying a change to ${textDocument.uri} failed`, e);
    return;
  }
  schedule(textDocument.uri);
});

connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
  const closed = store.get(uri);
  // A big file's memory is given back once things are quiet, not at the next keystroke (./features/background-check.ts).
  if (closed) idle.released(closed.limited ? MAX_DOCUMENT_CHARS : documentLength(closed.model));
  store.close(uri);
  background.stop(uri);
  focus.forget(uri);
  pullResults.forget(uri);
  problemCache.delete(uri);
  forgetSent(uri);
  settingsCache.delete(uri);
  publishes.cancel(uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  if (!configurationCapability) {
    const s = (change.settings ?? {}) as Record<string, unknown>;
    globalSettings = normalizeSettings(s[SETTINGS_SECTION]);
  } else {
    void connection.workspace.getConfiguration(SETTINGS_SECTION).then(
      (raw) => (globalSettings = normalizeSettings(raw)),
      () => undefined,
    );
  }
  recheckAll();
});

// ---- features ----

connection.onHover(({ textDocument, position }) => {
  const entry = store.get(textDocument.uri);
  return entry ? hoverAt(entry.model, position, locale) : null;
});

connection.onCodeAction(async ({ textDocument, range, context }, token) => {
  idle.activity();
  const entry = store.get(textDocument.uri);
  if (!entry) return [];
  // VS Code asks for code actions wherever the cursor goes (the light bulb): the cursor position.
  if (focus.moved(entry.uri, range.start.line)) followFocus(entry.uri);
  const settings = await settingsFor(entry.uri);
  checkCancelled(token);
  if (store.get(entry.uri) !== entry) return []; // the request is about a text that no longer exists
  return codeActions(
    entry.model,
    {
      uri: entry.uri,
      version: documentChangesCapability ? entry.version : undefined,
      range,
      diagnostics: context.diagnostics,
      only: context.only,
      resolveEdits: codeActionResolve,
    },
    settings,
    locale,
    problemsOf(entry, settings),
  );
});

connection.onCodeActionResolve(async (action, token) => {
  const uri = (action.data as Partial<FixAllOfKindData> | undefined)?.uri;
  const entry = typeof uri === 'string' ? store.get(uri) : undefined;
  if (!entry) return action;
  const settings = await settingsFor(entry.uri);
  checkCancelled(token);
  const now = store.get(entry.uri) ?? entry;
  return resolveCodeAction(action, now.model, now.uri, documentChangesCapability ? now.version : undefined, settings, problemsOf(now, settings));
});

connection.onDocumentSymbol(async ({ textDocument }, token) => {
  idle.activity();
  checkCancelled(token);
  const entry = store.get(textDocument.uri);
  if (!entry) return [];
  if (entry.limited) return limitedOutline(storedText(entry));
  const settings = await settingsFor(entry.uri);
  checkCancelled(token);
  const now = store.get(entry.uri) ?? entry;
  const outline = documentOutline(now.model, locale, focus.line(now.uri), settings.maxOutlineItems, streamTransport);
  return streamTransport ? withEncodedItems(outline.symbols, outline.pieces) : outline.symbols;
});

connection.onFoldingRanges(({ textDocument }) => {
  const entry = store.get(textDocument.uri);
  return entry ? foldingRanges(entry.model) : [];
});

connection.onWorkspaceSymbol(({ query }) => workspaceSymbols(store.all(), query, locale));

connection.onRequest(STATS_REQUEST, async (params: StatsParams, token: CancellationToken) => {
  const entry = params && typeof params.uri === 'string' ? store.get(params.uri) : undefined;
  if (!entry) return null;
  const settings = await settingsFor(entry.uri);
  checkCancelled(token);
  const now = store.get(entry.uri) ?? entry;
  return documentStats(now.model, settings, problemsOf(now, settings));
});

connection.listen();
