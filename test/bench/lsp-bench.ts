/**
 * `npm run bench:lsp`: latency as an editor sees it. Starts the BUILT server
 * (`node dist/server.js --stdio`) as a child process, initializes like an editor without pull
 * diagnostics (so the server pushes), with `initializationOptions.debounceMs = 0`, and for the
 * sample, the sample ×10 and the sample ×50 (copies joined with '\n'; each size in a fresh server
 * process, one after the other) measures (code actions resolved lazily, as VS Code declares):
 *  - open: didOpen → the first publishDiagnostics, and → the first one with every department checked
 *    (a big file is sent around the cursor first and checked in the background);
 *  - single-keystroke edits through incremental didChange with real ranges, from sending the
 *    didChange of version v to receiving publishDiagnostics of version v (edit and undo alternate,
 *    both are timed, so the document stays the same);
 *  - hover, documentSymbol and codeAction request → response;
 *  - the server's RSS (VmRSS of the child) right after open, 1 s later (idle), after all edits and
 *    requests, and 3 s after that.
 * Edits land in the middle department of the middle copy. It prints figures and asserts nothing.
 *
 * Options (after `--`): `--server=PATH` (default dist/server.js), `--sizes=1,10,50`, `--runs=N` (edits per case, default 120),
 * `--cpu-prof` (the server writes a .cpuprofile into ./.cache/prof), `--debounce=MS`,
 * `--server-node-args="…"` (Node/V8 options for the server process), `--max-problems=N` (the `targetTable.maxProblems` setting; default: the server's default,
 * 1000; 0 = send every diagnostic of the file on every keystroke).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import type { DocumentModel, SectionRef } from '../../server/src/core/model';
import { parseDocument } from '../../server/src/core/parse/document';
import { editorCapabilities } from '../lsp/client';
import { findRow, middleSections, option, percentile } from './util';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'dongxihu-overall-targets.txt');

const args = process.argv.slice(2);
/** The server bundle to start (`--server=PATH`, e.g. a copy of an earlier build to compare with). */
const SERVER = path.resolve(option('server', path.join(ROOT, 'dist', 'server.js')));
const SIZES = option('sizes', '1,10,50').split(',').map(Number);
const RUNS = Number(option('runs', '120'));
const DEBOUNCE = Number(option('debounce', '0'));
const CPU_PROF = args.includes('--cpu-prof');
const MAX_PROBLEMS = option('max-problems', '');
/** Extra Node/V8 options for the server process, e.g. `--server-node-args=--max-semi-space-size=32`. */
const SERVER_NODE_ARGS = option('server-node-args', '').split(' ').filter(Boolean);
/** The `targetTable` settings the bench's editor answers with. */
const CONFIG: Record<string, unknown> = MAX_PROBLEMS === '' ? {} : { maxProblems: Number(MAX_PROBLEMS) };

interface Pos {
  line: number;
  character: number;
}
interface Change {
  range: { start: Pos; end: Pos };
  text: string;
}
interface EditCase {
  name: string;
  inside: boolean;
  edit: Change;
  undo: Change;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

class BenchClient {
  private waiters = new Map<number, (t: number) => void>();
  /** Arrival time per published version. */
  private arrived = new Map<number, number>();
  private completeWaiters = new Map<number, (t: number) => void>();
  /** Arrival time of the first publish per version that covers every department. */
  private completedAt = new Map<number, number>();
  lastCount = 0;
  stderr = '';
  /** Time of the first stdout chunk after `markSent()`: the server's own share of a round trip. */
  firstByte = 0;
  private awaitingFirstByte = false;

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: MessageConnection,
  ) {
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    proc.stdout.on('data', () => {
      if (this.awaitingFirstByte) {
        this.firstByte = now();
        this.awaitingFirstByte = false;
      }
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const t = now();
      this.lastCount = p.diagnostics.length;
      if (p.version === undefined) return;
      // A big file's first send covers the departments around the cursor; its summary says the rest is being checked.
      const first = p.diagnostics[0];
      if (!(first && first.code === undefined && /正在检查|Checking this large file/.test(String(first.message)))) {
        const c = this.completeWaiters.get(p.version);
        if (c) {
          this.completeWaiters.delete(p.version);
          c(t);
        } else this.completedAt.set(p.version, t);
      }
      const w = this.waiters.get(p.version);
      if (w) {
        this.waiters.delete(p.version);
        w(t);
      } else this.arrived.set(p.version, t);
    });
    conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => CONFIG));
    conn.onRequest('client/registerCapability', () => null);
    conn.onNotification('window/logMessage', () => undefined);
    conn.listen();
  }

  static async start(): Promise<BenchClient> {
    const argv = [...SERVER_NODE_ARGS, SERVER, '--stdio'];
    if (CPU_PROF) {
      const dir = path.join(ROOT, '.cache', 'prof');
      fs.mkdirSync(dir, { recursive: true });
      argv.unshift('--cpu-prof', `--cpu-prof-dir=${dir}`);
    }
    const proc = spawn(process.execPath, argv, { stdio: 'pipe' });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const c = new BenchClient(proc, conn);
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: editorCapabilities({ resolve: true }),
      initializationOptions: { debounceMs: DEBOUNCE },
    });
    await conn.sendNotification('initialized', {});
    return c;
  }

  /** Resolves with the arrival time of the publish for `version`. */
  published(version: number): Promise<number> {
    const t = this.arrived.get(version);
    if (t !== undefined) {
      this.arrived.delete(version);
      return Promise.resolve(t);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no publish for version ${version}\n${this.stderr}`)), 120000);
      this.waiters.set(version, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  /** Resolves with the arrival time of the first publish for `version` with every department checked. */
  completed(version: number): Promise<number> {
    const t = this.completedAt.get(version);
    if (t !== undefined) return Promise.resolve(t);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no complete publish for version ${version}\n${this.stderr}`)), 120000);
      this.completeWaiters.set(version, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  markSent(): void {
    this.awaitingFirstByte = true;
  }

  rssMB(): number {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest('shutdown', null);
    await this.conn.sendNotification('exit', null);
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => (this.proc.kill(), resolve()), 10000);
      this.proc.on('exit', () => (clearTimeout(t), resolve()));
    });
    this.conn.dispose();
  }
}

// ---- where to edit: the middle department of the middle copy ----

function editCases(model: DocumentModel, copies: number): { cases: EditCase[]; hoverAt: Pos; actionAt: { start: Pos; end: Pos } } {
  const secs = middleSections(model, copies);
  const abs = (ref: SectionRef, p: Pos): Pos => ({ line: ref.startLine + p.line, character: p.character });
  const at = (p: Pos, n: number): Pos => ({ line: p.line, character: p.character + n });

  // 1. typing a digit at the end of a value's number
  const d = findRow(secs, (r) => !!r.target.number);
  const dp = abs(d.ref, d.row.target.number!.range.end);
  // 2. deleting a ≥
  const c = findRow(secs, (r) => r.target.comparator?.raw === '≥');
  const cp = abs(c.ref, c.row.target.comparator!.range.start);
  // 3. inserting a new row: a TAB line before a data row (not the first of its table)
  const nref = secs.find((s) => s.body.tables.some((t) => t.rows.length >= 2))!;
  const nrow = nref.body.tables.find((t) => t.rows.length >= 2)!.rows[1];
  const np: Pos = { line: nref.startLine + nrow.range.start.line, character: 0 };
  // 4. deleting the title's 表 so the department merges into the previous one
  const tref = secs.find((s) => s.body.title && s !== model.sections[0])!;
  const tline = tref.startLine + tref.body.title!.range.end.line;
  const tchar = tref.body.lines[tref.body.title!.range.end.line].lastIndexOf('表');
  const tp: Pos = { line: tline, character: tchar };

  const cases: EditCase[] = [
    { name: 'type a digit', inside: true, edit: { range: { start: dp, end: dp }, text: '1' }, undo: { range: { start: dp, end: at(dp, 1) }, text: '' } },
    { name: 'delete ≥', inside: true, edit: { range: { start: cp, end: at(cp, 1) }, text: '' }, undo: { range: { start: cp, end: cp }, text: '≥' } },
    {
      name: 'insert a row',
      inside: true,
      edit: { range: { start: np, end: np }, text: '\t新增指标\n' },
      undo: { range: { start: np, end: { line: np.line + 1, character: 0 } }, text: '' },
    },
    { name: 'merge depts', inside: false, edit: { range: { start: tp, end: at(tp, 1) }, text: '' }, undo: { range: { start: tp, end: tp }, text: '表' } },
  ];
  const h = findRow(secs, (r) => r.level3.text !== '');
  return {
    cases,
    hoverAt: abs(h.ref, h.row.level3.range.start),
    actionAt: { start: abs(c.ref, c.row.target.range.start), end: abs(c.ref, c.row.target.range.end) },
  };
}

// ---- one document size ----

interface SizeResult {
  copies: number;
  lines: number;
  mb: number;
  diagnostics: number;
  problems: number;
  openMs: number;
  /** didOpen → the first publish with every department checked (later than `openMs` for big files). */
  checkedMs: number;
  rssOpen: number;
  /** One second after `rssOpen`, nothing sent meanwhile. */
  rssIdle: number;
  rssEnd: number;
  /** Three seconds after the last request. */
  rssEndIdle: number;
  cases: Map<string, number[]>;
}

async function timeRequest(times: number[], fn: () => Promise<unknown>): Promise<void> {
  const t0 = now();
  await fn();
  times.push(now() - t0);
}

async function runSize(sample: string, copies: number): Promise<SizeResult> {
  const text = Array(copies).fill(sample).join('\n');
  // The bench's own model (for edit positions) is dropped at once: its garbage collections would
  // otherwise show up in the latencies this process measures.
  const { cases, hoverAt, actionAt, lineCount } = (() => {
    const model = parseDocument(text);
    return { ...editCases(model, copies), lineCount: model.lineCount };
  })();
  const uri = `file:///bench/sample-x${copies}-绩效目标表.txt`;
  const client = await BenchClient.start();
  const result: SizeResult = {
    copies,
    lines: lineCount,
    mb: Buffer.byteLength(text) / 1048576,
    diagnostics: 0,
    problems: 0,
    openMs: 0,
    checkedMs: 0,
    rssOpen: 0,
    rssIdle: 0,
    rssEnd: 0,
    rssEndIdle: 0,
    cases: new Map(),
  };
  try {
    let version = 1;
    const t0 = now();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'target-table', version, text } });
    result.openMs = (await client.published(version)) - t0;
    result.checkedMs = (await client.completed(version)) - t0;
    result.diagnostics = client.lastCount;
    result.rssOpen = client.rssMB();
    // With the file open and nothing happening: what the server holds, not the peak of the load.
    await new Promise((r) => setTimeout(r, 1000));
    result.rssIdle = client.rssMB();
    result.problems = ((await client.conn.sendRequest('targetTable/stats', { uri })) as { problems: number }).problems;

    let firstBytes: number[] = [];
    const send = async (change: Change): Promise<number> => {
      version++;
      const t = now();
      client.markSent();
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const at = await client.published(version);
      firstBytes.push(client.firstByte - t);
      return at - t;
    };
    const runs = copies >= 50 ? Math.max(20, Math.floor(RUNS / 3)) : RUNS;
    for (const c of cases) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        // warm-up
        await send(c.edit);
        await send(c.undo);
      }
      firstBytes = [];
      for (let i = 0; i < runs / 2; i++) {
        times.push(await send(c.edit));
        times.push(await send(c.undo));
      }
      const name = `${c.name}${c.inside ? '' : ' *'}`;
      result.cases.set(name, times);
      result.cases.set(`  ${name}: 1st byte`, firstBytes);
    }
    const td = { uri };
    // What the table view and the inlay hints cost a keystroke: the edit, then the view of the edited
    // section and the hints of a screen of lines around it, asked at once as VS Code does.
    const digit = cases.find((c) => c.name === 'type a digit')!;
    const line = digit.edit.range.start.line;
    const screen = { start: { line: Math.max(0, line - 30), character: 0 }, end: { line: line + 30, character: 0 } };
    const viewTimes: number[] = [];
    // As the extension does: the section list once, then its id, so unchanged lists are not sent again.
    let sectionsId: string | undefined;
    for (let i = 0; i < runs / 2 + 3; i++) {
      for (const change of [digit.edit, digit.undo]) {
        version++;
        const t = now();
        await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        const [view] = await Promise.all([
          client.conn.sendRequest('targetTable/tableView', { uri, line, sectionsId }) as Promise<{ sectionsId: string }>,
          client.conn.sendRequest('textDocument/inlayHint', { textDocument: td, range: screen }),
        ]);
        sectionsId = view.sectionsId;
        if (i >= 3) viewTimes.push(now() - t);
      }
    }
    await client.published(version);
    result.cases.set('type a digit → table view + inlay hints', viewTimes);
    // The two requests alone, the text unchanged: what they cost apart from the edit they follow.
    const quiet: number[] = [];
    for (let i = 0; i < runs; i++) {
      await timeRequest(quiet, () =>
        Promise.all([
          client.conn.sendRequest('targetTable/tableView', { uri, line, sectionsId }),
          client.conn.sendRequest('textDocument/inlayHint', { textDocument: td, range: screen }),
        ]),
      );
    }
    result.cases.set('  table view + inlay hints, no edit', quiet);
    const hover: number[] = [];
    const symbols: number[] = [];
    const actions: number[] = [];
    for (let i = 0; i < 3; i++) await client.conn.sendRequest('textDocument/hover', { textDocument: td, position: hoverAt });
    for (let i = 0; i < runs; i++) await timeRequest(hover, () => client.conn.sendRequest('textDocument/hover', { textDocument: td, position: hoverAt }));
    for (let i = 0; i < runs; i++) {
      await timeRequest(actions, () => client.conn.sendRequest('textDocument/codeAction', { textDocument: td, range: actionAt, context: { diagnostics: [] } }));
    }
    for (let i = 0; i < Math.min(runs, 30); i++) await timeRequest(symbols, () => client.conn.sendRequest('textDocument/documentSymbol', { textDocument: td }));
    result.cases.set('hover', hover);
    result.cases.set('codeAction', actions);
    result.cases.set('documentSymbol', symbols);
    result.rssEnd = client.rssMB();
    // Nobody typing for a while: what the server gives back after the burst.
    await new Promise((r) => setTimeout(r, 3000));
    result.rssEndIdle = client.rssMB();
  } finally {
    await client.stop();
  }
  return result;
}

// ---- report ----

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\``);
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  console.log(
    `node ${process.version}, ${os.cpus().length} cores, server ${path.relative(ROOT, SERVER)}, debounceMs ${DEBOUNCE}, ` +
      `targetTable.maxProblems ${MAX_PROBLEMS === '' ? 'default (1000)' : MAX_PROBLEMS}, each size in its own server process, one after the other`,
  );
  const results: SizeResult[] = [];
  for (const copies of SIZES) {
    const r = await runSize(sample, copies);
    results.push(r);
    console.log(
      `×${copies}: ${r.lines} lines, ${r.mb.toFixed(1)} MB, ${r.diagnostics} diagnostics sent (${r.problems} problems in the file); open → first diagnostics ${r.openMs.toFixed(0)} ms, → every department checked ${r.checkedMs.toFixed(0)} ms; RSS ${r.rssOpen.toFixed(0)} MB after open, ${r.rssIdle.toFixed(0)} MB 1 s later, ${r.rssEnd.toFixed(0)} MB at the end, ${r.rssEndIdle.toFixed(0)} MB 3 s later`,
    );
  }
  const base = results.find((r) => r.copies === 1);
  const names = [...results[0].cases.keys()];
  const head = [
    'case (ms)',
    ...results.map((r) => `×${r.copies} p50`),
    ...results.map((r) => `×${r.copies} p95`),
    ...results.filter((r) => base && r !== base).map((r) => `×${r.copies}/×1 p50`),
  ];
  const rows: string[][] = [head];
  for (const name of names) {
    const row = [name];
    for (const r of results) row.push(percentile(r.cases.get(name)!, 0.5).toFixed(2));
    for (const r of results) row.push(percentile(r.cases.get(name)!, 0.95).toFixed(2));
    if (base)
      for (const r of results) if (r !== base) row.push(`${(percentile(r.cases.get(name)!, 0.5) / percentile(base.cases.get(name)!, 0.5)).toFixed(2)}×`);
    rows.push(row);
  }
  const open = [
    'open → 1st diagnostics',
    ...results.map((r) => r.openMs.toFixed(0)),
    ...results.map(() => ''),
    ...results.filter((r) => base && r !== base).map((r) => `${(r.openMs / base!.openMs).toFixed(1)}×`),
  ];
  rows.push(open);
  rows.push([
    'open → all checked',
    ...results.map((r) => r.checkedMs.toFixed(0)),
    ...results.map(() => ''),
    ...results.filter((r) => base && r !== base).map((r) => `${(r.checkedMs / base!.checkedMs).toFixed(1)}×`),
  ]);
  rows.push([
    'RSS MB (open + 1 s)',
    ...results.map((r) => r.rssIdle.toFixed(0)),
    ...results.map(() => ''),
    ...results.filter((r) => base && r !== base).map(() => ''),
  ]);
  rows.push(['RSS MB (end)', ...results.map((r) => r.rssEnd.toFixed(0)), ...results.map(() => ''), ...results.filter((r) => base && r !== base).map(() => '')]);
  rows.push([
    'RSS MB (end + 3 s)',
    ...results.map((r) => r.rssEndIdle.toFixed(0)),
    ...results.map(() => ''),
    ...results.filter((r) => base && r !== base).map(() => ''),
  ]);
  const widths = head.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  console.log('');
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  console.log('\nedits: didChange(v) sent → publishDiagnostics(v) received and decoded, edit and undo alternating, both timed; * = crosses departments');
  console.log(
    "1st byte: didChange(v) sent → first byte of the reply on the server's stdout (the server's share; the rest is transfer and the client's JSON decoding)",
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
