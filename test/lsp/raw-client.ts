/**
 * A raw JSON-RPC client for the tests that need control over the bytes: the built server
 * (`node dist/server.js --stdio`) is sent exactly the frames given, many in one write, with
 * params that vscode-jsonrpc's client would never send (null, missing), and its stdout is read
 * at a chosen pace (not at all, a few KB at a time, or as fast as it comes). It declares no
 * workspace/configuration and no refresh support, so the server never asks it anything.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { SERVER, sleep } from './client';

/** A message as read from the server (responses, notifications). */
export interface RawMessage {
  jsonrpc: string;
  id?: number | string | null;
  method?: string;
  params?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  result?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  error?: { code: number; message: string };
}

/** One Content-Length frame. `body` may be any string (for malformed JSON). */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export interface RawStartOptions {
  pull?: boolean;
  initializationOptions?: unknown;
  /** `targetTable` settings, sent in workspace/didChangeConfiguration after initialized. */
  settings?: Record<string, unknown>;
  /** Node options for the server process (e.g. `--max-old-space-size=…`). */
  nodeArgs?: string[];
}

export class RawServer {
  readonly messages: RawMessage[] = [];
  /** Bytes of stdout consumed so far. */
  bytesRead = 0;
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private buffer: Buffer = Buffer.alloc(0);
  private listeners: (() => void)[] = [];
  private pump: NodeJS.Timeout | undefined;
  private flowing = false;
  private nextId = 1;

  private constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    proc.stdin.on('error', () => undefined); // the server may be gone (the storm checks how)
    proc.stdout.pause();
  }

  static async start(opts: RawStartOptions = {}): Promise<RawServer> {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` before the LSP tests`);
    const s = new RawServer(spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER, '--stdio'], { stdio: 'pipe' }));
    s.readAll();
    const init = s.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: false },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
      initializationOptions: opts.initializationOptions,
    });
    s.send(init.message, { jsonrpc: '2.0', method: 'initialized', params: {} });
    await s.response(init.id);
    if (opts.settings) s.send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: { settings: { targetTable: opts.settings } } });
    return s;
  }

  /** A request message with a fresh id (not sent). `params` undefined leaves the member out. */
  request(method: string, params?: unknown): { id: number; message: Record<string, unknown> } {
    const id = this.nextId++;
    const message: Record<string, unknown> = { jsonrpc: '2.0', id, method };
    if (params !== undefined) message.params = params;
    return { id, message };
  }

  /** Writes all messages in ONE write. */
  send(...messages: unknown[]): void {
    this.proc.stdin.write(Buffer.concat(messages.map(frame)));
  }

  /** Reads stdout as fast as it comes. */
  readAll(): void {
    this.stopReading();
    this.flowing = true;
    this.proc.stdout.on('data', this.onData);
    this.proc.stdout.resume();
  }

  /** Reads at most `bytes` of stdout every `everyMs`. */
  readSlowly(bytes: number, everyMs: number): void {
    this.stopReading();
    this.pump = setInterval(() => {
      const n = Math.min(bytes, this.proc.stdout.readableLength);
      const chunk = (n > 0 ? this.proc.stdout.read(n) : this.proc.stdout.read(0)) as Buffer | null;
      if (chunk) this.feed(chunk);
    }, everyMs);
  }

  /** Reads nothing (the server's writes pile up in the pipe, then in the server). */
  stopReading(): void {
    if (this.pump) clearInterval(this.pump);
    this.pump = undefined;
    if (this.flowing) {
      this.proc.stdout.off('data', this.onData);
      this.proc.stdout.pause();
      this.flowing = false;
    }
  }

  private readonly onData = (d: Buffer) => this.feed(d);

  private feed(chunk: Buffer): void {
    this.bytesRead += chunk.length;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) break;
      const m = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'));
      if (!m) throw new Error(`bad header from the server: ${this.buffer.subarray(0, end).toString()}`);
      const length = Number(m[1]);
      if (this.buffer.length < end + 4 + length) break;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.messages.push(JSON.parse(body) as RawMessage);
    }
    for (const l of [...this.listeners]) l();
  }

  /** The first message (read or coming) that satisfies `pred`. */
  waitFor(pred: (m: RawMessage) => boolean, timeoutMs = 10000, what = 'message'): Promise<RawMessage> {
    return new Promise((resolve, reject) => {
      const listener = () => {
        const hit = this.messages.find(pred);
        if (!hit) return;
        done();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${what} within ${timeoutMs} ms (${this.messages.length} messages read, ${this.bytesRead} bytes)\n${this.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
      listener();
    });
  }

  response(id: number, timeoutMs = 10000): Promise<RawMessage> {
    return this.waitFor((m) => m.id === id && m.method === undefined, timeoutMs, `response ${id}`);
  }

  publishes(uri: string): RawMessage[] {
    return this.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri);
  }

  /** VmRSS and VmHWM (peak) of the server process, in MB. */
  memory(): { rss: number; hwm: number } {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  }

  /** CPU time (user + system) the server has used, in clock ticks. */
  cpuTicks(): number {
    const stat = fs.readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }

  /** Resolves once the server has used no CPU for `quietMs` (it has handled what it was sent), or after `maxMs`. */
  async whenQuiet(quietMs = 300, maxMs = 30000): Promise<void> {
    const start = Date.now();
    let last = this.cpuTicks();
    let since = Date.now();
    while (Date.now() - start < maxMs) {
      await sleep(50);
      const now = this.cpuTicks();
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return;
    }
  }

  /** shutdown + exit, then kill if still there; resolves with how it ended. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.readAll();
      const r = this.request('shutdown');
      this.send(r.message);
      await this.response(r.id, 10000).catch(() => undefined);
      this.send({ jsonrpc: '2.0', method: 'exit' });
      const t = setTimeout(() => this.proc.kill(), 5000);
      const end = await this.exited;
      clearTimeout(t);
      return end;
    }
    return this.exited;
  }
}
