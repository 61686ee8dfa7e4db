/**
 * The workspace scope's side of the connection (./workspace-check.ts does the work): which folders
 * have `targetTable.scope: "workspace"` (asked per workspace folder, a resource setting), the
 * workspace diagnostic provider and the file watchers registered while it is on, the
 * `workspace/diagnostic` long poll, `workspace/didChangeWatchedFiles`, the folders listed again when they change, the
 * extension's file patterns (`initializationOptions.filePatterns`, `targetTable/filePatterns`) and the
 * progress notification. server.ts calls `setUpWorkspaceScope` once and tells it of opens, edits and closes.
 */
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  type Connection,
  type Diagnostic,
  type Disposable,
  type InitializeParams,
  type FileEvent,
} from 'vscode-languageserver/node';
import type { Locale } from '../core/locale';
import type { Settings } from '../core/settings';
import { FILE_PATTERNS_NOTIFICATION, WORKSPACE_PROGRESS_NOTIFICATION, type FilePatternsParams, type WorkspaceProgress } from '../../../protocol';
import type { InputGauge } from './input-gauge';
import type { WorkspaceFolders } from './workspace-folders';
import { WORKSPACE_PROVIDER_ID, WorkspaceCheck, scopeOf, type Scope } from './workspace-check';
import { filePatternsFrom, uriPath } from './workspace-files';

/** What the client can do that the workspace scope uses (read at initialize). */
export interface WorkspaceClient {
  configuration: boolean;
  /** textDocument/diagnostic (pull) with dynamic registration: the workspace provider can be registered. */
  pullWorkspace: boolean;
  pullDocuments: boolean;
  /** workspace/didChangeWatchedFiles with dynamic registration. */
  watchFiles: boolean;
}

export function readWorkspaceClient(params: InitializeParams): WorkspaceClient {
  const caps = params.capabilities;
  const pullDocuments = !!caps.textDocument?.diagnostic;
  return {
    configuration: !!caps.workspace?.configuration,
    pullDocuments,
    pullWorkspace: pullDocuments && !!caps.textDocument?.diagnostic?.dynamicRegistration,
    watchFiles: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
  };
}

export interface WorkspaceScopeDeps {
  connection: Connection;
  /** The workspace folders (./workspace-folders.ts owns the list and follows its changes). */
  folders: WorkspaceFolders;
  gauge: InputGauge;
  settingsFor(uri: string): Promise<Settings>;
  locale(settings: Settings): Locale;
  /** The config's ignore globs (the lead wires `.target-table.json`'s); until then nothing is ignored but what `listFiles` always skips. */
  ignored(filePath: string): boolean;
  logError(what: string, e: unknown): void;
}

export interface WorkspaceScope {
  /** After initialized: read the scope of each folder and start. */
  start(): void;
  settingsChanged(payload: unknown): void;
  opened(uri: string): void;
  activity(): void;
  closed(uri: string): void;
  /** Files changed on disk (workspace/didChangeWatchedFiles; server.ts owns the one handler a connection has). */
  filesChanged(changes: FileEvent[]): void;
}

/** A document selector no document matches: the workspace provider never pulls an open document. */
const NO_DOCUMENT = [{ language: 'target-table', scheme: 'target-table-workspace-only' }];

export function setUpWorkspaceScope(params: InitializeParams, deps: WorkspaceScopeDeps): WorkspaceScope {
  const { connection } = deps;
  const client = readWorkspaceClient(params);
  const init = (params.initializationOptions ?? {}) as { filePatterns?: unknown; scope?: unknown };
  /** Without workspace/configuration: the scope sent in didChangeConfiguration (or initializationOptions). */
  let windowScope: Scope = scopeOf(init.scope);
  let registrations: Promise<Disposable>[] = [];
  let enabledGlobs: string | null = null;

  const check = new WorkspaceCheck(
    {
      gauge: deps.gauge,
      pullWorkspace: client.pullWorkspace,
      pullDocuments: client.pullDocuments,
      settingsFor: deps.settingsFor,
      locale: deps.locale,
      ignored: deps.ignored,
      publish: (uri: string, diagnostics: Diagnostic[]) =>
        void connection.sendDiagnostics({ uri, diagnostics }).catch((e: unknown) => deps.logError(`publishing diagnostics for ${uri} failed`, e)),
      progress: (p: WorkspaceProgress) => void connection.sendNotification(WORKSPACE_PROGRESS_NOTIFICATION, p).catch(() => undefined),
      enable: (globs) => enable(globs),
      logError: deps.logError,
    },
    filePatternsFrom(init.filePatterns),
  );

  function enable(globs: string[] | null): void {
    const key = globs ? JSON.stringify(globs) : null;
    if (key === enabledGlobs) return;
    enabledGlobs = key;
    const old = registrations;
    registrations = [];
    for (const r of old) void r.then((d) => d.dispose()).catch(() => undefined);
    if (!globs) return;
    if (client.watchFiles) {
      registrations.push(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }));
    }
    if (client.pullWorkspace) {
      registrations.push(
        connection.client.register(DocumentDiagnosticRequest.type, {
          documentSelector: NO_DOCUMENT,
          identifier: WORKSPACE_PROVIDER_ID,
          interFileDependencies: false,
          workspaceDiagnostics: true,
        }),
      );
    }
    for (const r of registrations) r.catch((e: unknown) => deps.logError('registering the workspace scope failed', e));
  }

  /** The folders whose scope is "workspace" (asked per folder: a folder's .vscode/settings.json may set it). */
  async function configure(): Promise<void> {
    const roots: string[] = [];
    for (const f of deps.folders.uris) {
      const p = uriPath(f);
      if (p === null) continue; // a virtual folder: nothing on disk to list
      let scope = windowScope;
      if (client.configuration) {
        try {
          scope = scopeOf(await connection.workspace.getConfiguration({ scopeUri: f, section: 'targetTable.scope' }));
        } catch {
          scope = windowScope;
        }
      }
      if (scope === 'workspace') roots.push(p);
    }
    await check.configure(roots);
  }

  const reconfigure = () => void configure().catch((e: unknown) => deps.logError('workspace scope', e));

  connection.languages.diagnostics.onWorkspace(async (p, token, _work, result) => {
    if (p.identifier !== undefined && p.identifier !== WORKSPACE_PROVIDER_ID) return { items: [] };
    return check.workspaceDiagnostics(p.previousResultIds ?? [], token, result ? (items) => result.report({ items }) : undefined);
  });
  connection.onNotification(FILE_PATTERNS_NOTIFICATION, (p: FilePatternsParams) => {
    if (p && Array.isArray(p.patterns)) void check.setPatterns(filePatternsFrom(p.patterns)).catch((e: unknown) => deps.logError('workspace scope', e));
  });

  return {
    start() {
      deps.folders.onChange(reconfigure);
      reconfigure();
    },
    settingsChanged(payload) {
      const section = ((payload ?? {}) as Record<string, unknown>).targetTable as { scope?: unknown } | undefined;
      if (!client.configuration && section && 'scope' in section) windowScope = scopeOf(section.scope);
      // Listing again enqueues every file: each is checked with the new settings (its result id stays when nothing changed).
      reconfigure();
    },
    opened: (uri) => {
      check.activity();
      check.opened(uri);
    },
    activity: () => check.activity(),
    closed: (uri) => check.closed(uri),
    filesChanged: (changes) => check.filesChanged(changes),
  };
}
