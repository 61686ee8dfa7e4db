/**
 * The target-table language server: routing only. The connection and its transport, the client's
 * capabilities, and handlers that look the document's session up and call a feature. Everything
 * kept per document is its session's (./features/document-session.ts).
 * Transport comes from argv (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`), as vscode-languageserver
 * reads it, with our own stream reader (./features/transport.ts). Between the connection's queue and the
 * handlers: input counting, shutdown, params and cancellation (./features/dispatch.ts).
 */
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  createConnection,
  type CancellationToken,
} from 'vscode-languageserver/node';
import { IdleCollector } from './features/background-check';
import { UNINITIALIZED_CLIENT, readClient, serverCapabilities, type ClientInfo } from './features/capabilities';
import { ClientSettings } from './features/client-settings';
import { codeActions, resolveCodeAction, type FixAllOfKindData } from './features/code-actions';
import { codeLenses, codeLensUri, resolveCodeLens } from './features/code-lens';
import { definitionAt } from './features/definition';
import { documentHighlightsAt } from './features/document-highlights';
import { referencesAt } from './features/references';
import { completionsAt } from './features/completion';
import { RequestLog, dispatchStrategy } from './features/dispatch';
import { DocumentSessions, throwIfCancelled, type SessionHost } from './features/document-session';
import { storedText } from './features/document-store';
import { documentOutline } from './features/document-symbols';
import { foldingRanges } from './features/folding';
import { selectionRanges } from './features/selection-ranges';
import { inlayHints } from './features/inlay-hints';
import { hoverAt } from './features/hover';
import { insertRowEdit } from './features/insert-row';
import { InputGauge, countingReader, isCancelNotification } from './features/input-gauge';
import { announceLimit } from './features/limit-notice';
import { limitedOutline } from './features/limits';
import { installPublishEncoder, withEncodedDiagnostics, withEncodedItems } from './features/publish-encoder';
import { SETTINGS_SECTION } from './core/settings';
import { resolveLocale } from './core/locale';
import { documentStats } from './features/stats';
import {
  INSERT_ROW_REQUEST,
  STATS_REQUEST,
  TABLE_VIEW_REQUEST,
  type InsertRowParams,
  type InsertRowResult,
  type Stats,
  type StatsParams,
  type TableView,
  type TableViewParams,
} from '../../protocol';
import { limitedTableView, tableView } from './features/table-view';
import { sectionProblems } from './features/diagnostics';
import { redirectConsole, transportFromArgv } from './features/transport';
import { workspaceSymbols } from './features/workspace-symbols';
import { CONFIG_WATCH_GLOB, ReviewConfigs, filePathOf } from './features/review-config';
import { WorkspaceFolders } from './features/workspace-folders';
import { suppressActions } from './features/suppress-actions';
import { diagnosticFor } from './features/code-actions';
import { exportFiles } from './features/export-files';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../../protocol';
import { setUpWorkspaceScope, type WorkspaceScope } from './features/workspace-scope';
import { fileUri } from './features/workspace-files';
import { encodingActions } from './features/encoding-check';

/** Requests being handled, and which the client cancelled (asked by the JSON encoder, so kept for stream transports only). */
const requests = new RequestLog();
installPublishEncoder((id) => requests.answered(id)); // before the transport creates its message writer (it takes the encoder then)
const transport = transportFromArgv(process.argv.slice(2));
if (!transport)
  throw new Error(
    "Connection input stream is not set. Use arguments of createConnection or set command line parameters: '--node-ipc', '--stdio', '--socket={number}' or '--pipe={name}'",
  );
/** Stream transports write JSON through our encoder; node-ipc (how VS Code starts us) serialises itself. */
const streamTransport = transport.stream;
/** Messages read and not yet dispatched (./features/input-gauge.ts). */
const gauge = new InputGauge();
const strategy = dispatchStrategy({
  gauge,
  writer: transport.writer,
  requests: streamTransport ? requests : undefined,
  log: (m) => connection.console.warn(m),
});
const connection = createConnection(
  ProposedFeatures.all,
  // `$/cancelRequest` as read: a response still to be encoded is then written as RequestCancelled.
  countingReader(transport.reader, gauge, (m) => {
    if (streamTransport && isCancelNotification(m)) requests.cancel(m.params?.id);
  }),
  transport.writer,
  strategy,
);
if (transport.input) {
  // What vscode-languageserver does for a stdio connection: the client gone is the end, and stdout is the protocol.
  const gone = () => process.exit(strategy.shutdownReceived() ? 0 : 1);
  transport.input.on('end', gone);
  transport.input.on('close', gone);
  redirectConsole(connection.console);
}
/** What the client said it can do (./features/capabilities.ts); set by initialize. */
let client: ClientInfo = UNINITIALIZED_CLIENT;
const settings = new ClientSettings(
  () => client.configuration,
  (item) => connection.workspace.getConfiguration(item),
);
/** The review configs (.target-table.json) over the settings, and the config files open in the editor (./features/review-config.ts). */
/** The workspace folders (./features/workspace-folders.ts); set by initialize. */
let folders = new WorkspaceFolders();
const configs = new ReviewConfigs(
  (m) => connection.console.warn(m),
  () => resolveLocale(settings.window.language, client.locale),
  () => folders.uris,
);
/** Memory back after a burst of edits, a big check or closing a big file (./features/background-check.ts). */
const idle = new IdleCollector();

function logError(what: string, e: unknown): void {
  connection.console.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}

const host: SessionHost = {
  get locale() {
    return client.locale;
  },
  get pullDiagnostics() {
    return client.pullDiagnostics;
  },
  gauge,
  idle,
  debounceMs: () => client.debounceMs,
  fetchSettings: (uri) => settings.forDocument(uri).then((base) => configs.settingsFor(uri, base)),
  sendDiagnostics: (doc, sent) =>
    connection
      .sendDiagnostics(
        sent ? withEncodedDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: sent.diagnostics }, sent.pieces) : { uri: doc.uri, diagnostics: [] },
      )
      .catch((e: unknown) => logError(`publishing diagnostics for ${doc.uri} failed`, e)),
  refreshDiagnostics: () => {
    if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
  },
  refreshCodeLenses: () => {
    if (client.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  },
  limitChanged: (before, doc) =>
    announceLimit(
      {
        warn: (m) => connection.console.warn(m),
        info: (m) => connection.console.info(m),
        // A notification (window/showMessage), not showWarningMessage's request: a client that does not
        // implement window/showMessageRequest would answer with an error, which must not crash the server.
        showWarning: (m) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: m }).catch(() => undefined),
      },
      before,
      doc,
      resolveLocale(settings.window.language, client.locale),
    ),
  logError,
};
const sessions = new DocumentSessions(host);
/** `targetTable.scope: "workspace"` (./features/workspace-scope.ts); set by initialize. */
let workspaceScope: WorkspaceScope | undefined;

connection.onInitialize((params) => {
  client = readClient(params);
  folders = WorkspaceFolders.fromInitialize(params);
  workspaceScope = setUpWorkspaceScope(params, {
    connection,
    folders,
    gauge,
    settingsFor: (uri) => settings.forDocument(uri).then((base) => configs.settingsFor(uri, base)),
    locale: (s) => resolveLocale(s.language, client.locale),
    ignored: (file) => configs.ignored(fileUri(file)),
    logError,
  });
  return serverCapabilities(client);
});

connection.onInitialized(() => {
  if (client.folderChanges) folders.listen(connection);
  if (client.watchedFilesDynamic)
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_WATCH_GLOB }] }).catch(() => undefined);
  if (!client.configuration) return;
  // Without a registration VS Code sends no didChangeConfiguration at all.
  void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
  settings.refreshGlobal();
  workspaceScope?.start();
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  sessions.settingsChanged();
  workspaceScope?.settingsChanged(change.settings);
  // targetTable.inlayHints.enabled may have changed: the client asks again (and gets the new settings).
  if (client.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
});

// A review config created, changed or deleted on disk: every open document is checked with what applies now.
connection.onDidChangeWatchedFiles(({ changes }) => {
  if (configs.filesChanged(changes)) {
    sessions.settingsChanged();
    workspaceScope?.settingsChanged(undefined); // every file listed and checked again with its config
  }
  workspaceScope?.filesChanged(changes);
});

/** A review config open in the editor changed: its own problems are sent (push), and every document is checked again. */
function configEdited(uri: string): void {
  if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: configs.diagnostics(uri) }).catch(() => undefined);
  sessions.settingsChanged();
}

// ---- documents ----

connection.onDidOpenTextDocument(({ textDocument: d }) => {
  idle.activity();
  try {
    if (configs.opened(d.uri, d.version, d.text)) return configEdited(d.uri);
    sessions.open(d.uri, d.languageId, d.version, d.text);
    workspaceScope?.opened(d.uri);
  } catch (e) {
    logError(`opening ${d.uri} failed`, e);
  }
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  idle.activity();
  workspaceScope?.activity();
  try {
    if (configs.changed(textDocument.uri, textDocument.version, contentChanges)) return configEdited(textDocument.uri);
    sessions.get(textDocument.uri)?.change(textDocument.version, contentChanges);
  } catch (e) {
    logError(`applying a change to ${textDocument.uri} failed`, e);
  }
});

connection.onDidCloseTextDocument(({ textDocument }) => {
  workspaceScope?.closed(textDocument.uri);
  if (!configs.closed(textDocument.uri)) return sessions.close(textDocument.uri);
  if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] }).catch(() => undefined);
  sessions.settingsChanged(); // back to the file on disk
});

// ---- features ----

connection.languages.diagnostics.on(async ({ textDocument, previousResultId }, token) => {
  throwIfCancelled(token);
  if (configs.isOpen(textDocument.uri)) return { kind: 'full', items: configs.diagnostics(textDocument.uri) };
  return (await sessions.get(textDocument.uri)?.pull(previousResultId, token)) ?? { kind: 'full', items: [] };
});

connection.onHover(async ({ textDocument, position }, token) => {
  const s = sessions.get(textDocument.uri);
  if (!s) return null;
  const { doc, settings } = await s.state(token);
  return hoverAt(doc.model, position, s.locale(settings));
});

connection.onCodeAction(async ({ textDocument, range, context }, token) => {
  idle.activity();
  const s = sessions.get(textDocument.uri);
  if (!s) return [];
  s.cursorAt(range.start.line);
  const { doc, settings, changed } = await s.state(token);
  if (changed) return []; // the request is about a text that no longer exists
  const input = {
    uri: doc.uri,
    version: client.documentChanges ? doc.version : undefined,
    range,
    diagnostics: context.diagnostics,
    only: context.only,
    resolveEdits: client.codeActionResolve,
  };
  const problems = s.problems(doc, settings);
  const suppress = suppressActions(
    problems,
    {
      ...input,
      target: () => configs.targetFor(doc.uri),
      filePath: filePathOf(doc.uri),
      documentChanges: client.documentChanges,
      createFiles: client.createFiles,
      diagnosticOf: (p) => diagnosticFor(p, input, s.locale(settings)),
    },
    s.locale(settings),
  );
  return [
    ...encodingActions(doc.uri, context.diagnostics, s.locale(settings)),
    ...codeActions(doc.model, input, settings, s.locale(settings), problems),
    ...suppress,
  ];
});

connection.onCodeActionResolve(async (action, token) => {
  const uri = (action.data as Partial<FixAllOfKindData> | undefined)?.uri;
  const s = typeof uri === 'string' ? sessions.get(uri) : undefined;
  if (!s) return action;
  const { doc, settings } = await s.state(token);
  return resolveCodeAction(action, doc.model, doc.uri, client.documentChanges ? doc.version : undefined, settings, s.problems(doc, settings));
});

connection.onDocumentSymbol(async ({ textDocument }, token) => {
  idle.activity();
  const s = sessions.get(textDocument.uri);
  if (!s) return [];
  if (s.doc.limited) return limitedOutline(storedText(s.doc));
  const { doc, settings } = await s.state(token);
  const outline = documentOutline(doc.model, s.locale(settings), s.focusLine, settings.maxOutlineItems, streamTransport);
  return streamTransport ? withEncodedItems(outline.symbols, outline.pieces) : outline.symbols;
});

connection.onFoldingRanges(({ textDocument }) => {
  const s = sessions.get(textDocument.uri);
  return s ? foldingRanges(s.model) : [];
});

connection.onSelectionRanges(({ textDocument, positions }) => {
  const s = sessions.get(textDocument.uri);
  return s && !s.doc.limited ? selectionRanges(s.model, positions) : [];
});

connection.languages.inlayHint.on(async ({ textDocument, range }, token) => {
  const s = sessions.get(textDocument.uri);
  if (!s || s.doc.limited) return [];
  const { doc, settings, changed } = await s.state(token);
  if (changed) return []; // the range is of a text that no longer exists; the client asks again after the edit
  return inlayHints(doc.model, range, settings, s.locale(settings));
});

connection.onDefinition(({ textDocument, position }) => {
  const s = sessions.get(textDocument.uri);
  return s && !s.doc.limited ? definitionAt(s.model, s.uri, position, client.definitionLinks) : null;
});

connection.onReferences(({ textDocument, position, context }) => {
  const s = sessions.get(textDocument.uri);
  return s && !s.doc.limited ? referencesAt(s.model, s.uri, position, context?.includeDeclaration !== false) : null;
});

connection.onDocumentHighlight(({ textDocument, position }) => {
  const s = sessions.get(textDocument.uri);
  return s && !s.doc.limited ? documentHighlightsAt(s.model, position) : null;
});

connection.onCodeLens(async ({ textDocument }, token) => {
  const s = sessions.get(textDocument.uri);
  if (!s || s.doc.limited) return [];
  const { doc, settings } = await s.state(token);
  return settings.codeLens && !doc.limited ? codeLenses(doc.model, doc.uri) : [];
});

connection.onCodeLensResolve(async (lens, token) => {
  const uri = codeLensUri(lens);
  const s = uri !== undefined ? sessions.get(uri) : undefined;
  if (!s || s.doc.limited) return lens;
  const { doc, settings } = await s.state(token);
  return resolveCodeLens(lens, doc.model, (ref) => sectionProblems(ref, settings), s.locale(settings));
});

connection.onCompletion(async ({ textDocument, position }, token) => {
  const s = sessions.get(textDocument.uri);
  if (!s) return [];
  const { doc, settings, changed } = await s.state(token);
  if (changed) return []; // the position is in a text that no longer exists
  return completionsAt(doc.model, position, settings.rules.framework, s.locale(settings));
});

connection.onRequest(INSERT_ROW_REQUEST, (params: InsertRowParams): InsertRowResult | null => {
  const s = params && typeof params.uri === 'string' ? sessions.get(params.uri) : undefined;
  if (!s || typeof params.line !== 'number' || !Number.isInteger(params.line)) return null;
  if (typeof params.version === 'number' && params.version !== s.doc.version) return null;
  return insertRowEdit(s.model, params.line);
});

connection.onWorkspaceSymbol(({ query }) => workspaceSymbols(sessions.all(), query));

connection.onRequest(STATS_REQUEST, async (params: StatsParams, token: CancellationToken): Promise<Stats | null> => {
  const s = params && typeof params.uri === 'string' ? sessions.get(params.uri) : undefined;
  if (!s) return null;
  const { doc, settings } = await s.state(token);
  return documentStats(doc.model, settings, s.problems(doc, settings));
});

connection.onRequest(TABLE_VIEW_REQUEST, async (params: TableViewParams, token: CancellationToken): Promise<TableView | null> => {
  const s = sessions.get(params.uri);
  if (!s) return null;
  const { doc, settings } = await s.state(token);
  if (doc.limited) return limitedTableView(doc.uri, doc.version, s.locale(settings));
  return tableView(doc.model, {
    uri: doc.uri,
    version: doc.version,
    line: params.line,
    locale: s.locale(settings),
    sectionsId: params.sectionsId,
    problemsOf: (ref) => sectionProblems(ref, settings),
  });
});

connection.onRequest(EXPORT_REQUEST, async (params: ExportParams, token: CancellationToken): Promise<ExportResult> =>
  exportFiles(params, {
    openDocument: async (uri) => {
      const s = sessions.get(uri);
      if (!s) return undefined;
      const { doc, settings } = await s.state(token);
      return doc.limited ? undefined : { model: doc.model, problems: s.problems(doc, settings) };
    },
    settingsFor: (uri) => settings.forDocument(uri),
    locale: resolveLocale(settings.window.language, client.locale),
  }),
);

connection.listen();
