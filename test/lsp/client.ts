/**
 * A tiny editor for the tests: spawns the bundled server (`node dist/server.js --stdio`) and
 * talks JSON-RPC over its stdio like an editor does, answering workspace/configuration from
 * `config` and recording every publishDiagnostics.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

/** The built server; `TARGET_TABLE_SERVER` points the benches at another build (a copy, while the tree is rebuilt). */
export const SERVER = process.env.TARGET_TABLE_SERVER ?? path.join(repoRoot(), 'dist', 'server.js');
export const SAMPLE = path.join(repoRoot(), 'test', 'fixtures', 'dongxihu-overall-targets.txt');
export const SAMPLE_URI = 'file://' + SAMPLE.split(path.sep).join('/');

export interface StartOptions {
  locale?: string;
  initializationOptions?: unknown;
  /** Answer workspace/configuration (default true). */
  configuration?: boolean;
  /** Declare pull diagnostics support (default false: the server pushes). */
  pull?: boolean;
  /** Declare `codeAction.resolveSupport` for edits, as VS Code does (default false: edits come with the action). */
  resolve?: boolean;
  /** More capabilities, merged into `editorCapabilities`' `workspace` and `textDocument`. */
  more?: ClientCapabilities;
  /** Workspace folders (URIs) sent at initialize. */
  workspaceFolders?: string[];
}

/** The capabilities an editor like VS Code declares (push diagnostics unless `pull`). Shared with the LSP benchmark. */
export function editorCapabilities(opts: Pick<StartOptions, 'configuration' | 'pull' | 'resolve'> = {}): ClientCapabilities {
  return {
    workspace: {
      configuration: opts.configuration !== false,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
      diagnostics: { refreshSupport: true },
      inlayHint: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        ...(opts.resolve ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
      },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      inlayHint: { dynamicRegistration: false },
      ...(opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  /** The `targetTable` section returned for workspace/configuration. */
  config: Record<string, unknown> = {};
  configRequests = 0;
  /** workspace/diagnostic/refresh requests received. */
  refreshes = 0;
  /** workspace/inlayHint/refresh requests received. */
  inlayHintRefreshes = 0;
  stderr = '';
  /** client/registerCapability registrations received (and not unregistered). */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  /** Notifications without a handler of their own (targetTable/…, $/progress), in order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  initializeResult!: InitializeResult;
  private listeners: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: MessageConnection,
  ) {
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const l of [...this.listeners]) l();
    });
    conn.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configRequests++;
      return params.items.map((it) =>
        it.section === 'targetTable' ? this.config : it.section?.startsWith('targetTable.') ? (this.config[it.section.slice(12)] ?? null) : null,
      );
    });
    conn.onRequest('client/registerCapability', (p: { registrations: { id: string; method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      for (const l of [...this.listeners]) l();
      return null;
    });
    conn.onRequest('client/unregisterCapability', (p: { unregisterations: { id: string }[] }) => {
      for (const u of p.unregisterations) {
        const i = this.registrations.findIndex((r) => r.id === u.id);
        if (i >= 0) this.registrations.splice(i, 1);
      }
      for (const l of [...this.listeners]) l();
      return null;
    });
    conn.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      for (const l of [...this.listeners]) l();
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
    conn.onRequest('workspace/inlayHint/refresh', () => {
      this.inlayHintRefreshes++;
      return null;
    });
    conn.onNotification('window/logMessage', () => undefined);
    conn.listen();
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` before the LSP tests`);
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new TestClient(proc, conn);
    const base = editorCapabilities(opts);
    const capabilities: ClientCapabilities = {
      ...base,
      workspace: { ...base.workspace, ...opts.more?.workspace },
      textDocument: { ...base.textDocument, ...opts.more?.textDocument },
    };
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.workspaceFolders?.[0] ?? null,
      workspaceFolders: opts.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      capabilities,
      locale: opts.locale,
      initializationOptions: opts.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'target-table', version, text } });
  }

  /** Resolves with the first publish for `uri` (already received or coming) that satisfies `pred`. */
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.published.find((p) => p.uri === uri && pred(p));
        if (!hit) return false;
        cleanup();
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `no matching publishDiagnostics for ${uri} within ${timeoutMs} ms (got versions ${this.published
              .filter((p) => p.uri === uri)
              .map((p) => p.version)
              .join(',')})\n${this.stderr}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      const listener = () => void check();
      this.listeners.push(listener);
      check();
    });
  }

  /** Resolves when `pred` holds (checked now and after every publish, notification or registration). */
  waitFor(pred: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
    return new Promise((resolve, reject) => {
      const listener = () => {
        if (!pred()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}\n${this.stderr}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
      listener();
    });
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    try {
      await this.request('shutdown', null);
      await this.notify('exit', null);
    } catch {
      // the process may already be gone
    }
    const timeout = new Promise<null>((resolve) =>
      setTimeout(() => {
        this.proc.kill();
        resolve(null);
      }, 5000),
    );
    const code = await Promise.race([this.exited, timeout]);
    this.conn.dispose();
    return code;
  }
}

export function sampleText(): string {
  return fs.readFileSync(SAMPLE, 'utf8');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
