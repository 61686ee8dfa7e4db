/**
 * `npm run bench:workspace`: what `targetTable.scope: "workspace"` costs the user who types. A folder of
 * 140 submissions (the sample's departments, one per file, taken in turn, and every 35th file the whole
 * sample, 380 KB) is checked in the background by the BUILT server (`node dist/server.js --stdio`, push
 * diagnostics, `debounceMs` 0) while a keystroke is typed into the open sample, and each keystroke's
 * didChange → publishDiagnostics of its version is timed. Three runs, each in a fresh server:
 *  - scope "open": no background work (the baseline);
 *  - scope "workspace", a keystroke every 40 ms (fast typing: the scan pauses while the user types);
 *  - scope "workspace", a keystroke every 250 ms (slow typing: the scan runs between keystrokes, so a
 *    keystroke may arrive during a slice and wait for it).
 * It prints the keystrokes' p50 / p95 / max, and how long the scan of the 140 files took (from the first
 * progress notification to `checked === total`), untouched and while typing. It asserts nothing.
 * Options (after `--`): `--files=N` (default 140), `--keys=N` keystrokes per run (default 60).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { documentText } from '../../server/src/core/parse/document';
import { parseDocument } from '../../server/src/core/parse/document';
import { fileUri } from '../../server/src/features/workspace-files';
import { WORKSPACE_PROGRESS_NOTIFICATION, type WorkspaceProgress } from '../../protocol';
import { SAMPLE, TestClient, sampleText, sleep } from '../lsp/client';
import { option, percentile } from './util';

const FILES = Number(option('files', '140'));
const KEYS = Number(option('keys', '60'));

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The folder of submissions: one department per file, and every 35th file the whole sample. */
function makeFolder(): { dir: string; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-wsbench-'));
  const model = parseDocument(sampleText());
  const departments = model.sections.filter((s) => s.body.title !== null).map((s) => documentText({ ...model, sections: [{ ...s, startLine: 0 }] }));
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const text = i % 35 === 34 ? sampleText() : departments[i % departments.length];
    const name = `${String(i + 1).padStart(3, '0')}号单位绩效目标表.txt`;
    fs.writeFileSync(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

interface Run {
  name: string;
  keystrokes: number[];
  scanMs: number | null;
}

async function run(name: string, dir: string, scope: 'open' | 'workspace', intervalMs: number, typing: boolean): Promise<Run> {
  const c = await TestClient.start({ workspaceFolders: [fileUri(dir)], initializationOptions: { debounceMs: 0 } });
  c.config = { scope };
  // The edited file is the sample itself, outside the folder.
  const uri = fileUri(SAMPLE);
  const text = sampleText();
  await c.open(uri, text);
  await c.waitForDiagnostics(uri, (p) => p.version === 1, 30000);
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('\t') && l.length > 4);
  let scanStart: number | null = null;
  let scanEnd: number | null = null;
  const watch = setInterval(() => {
    const ps = c.notifications.filter((n) => n.method === WORKSPACE_PROGRESS_NOTIFICATION).map((n) => n.params as WorkspaceProgress);
    if (scanStart === null && ps.some((p) => p.total > 0)) scanStart = now();
    if (scanEnd === null && ps.some((p) => p.total >= FILES && p.checked === p.total)) scanEnd = now();
  }, 5);
  const t0 = now();
  const keystrokes: number[] = [];
  if (typing) {
    let version = 1;
    for (let k = 0; k < KEYS; k++) {
      version++;
      const insert = k % 2 === 0;
      const change = insert
        ? { range: { start: { line: at, character: 2 }, end: { line: at, character: 2 } }, text: '一' }
        : { range: { start: { line: at, character: 2 }, end: { line: at, character: 3 } }, text: '' };
      const v = version;
      const sent = now();
      await c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      await c.waitForDiagnostics(uri, (p) => p.version === v, 30000);
      keystrokes.push(now() - sent);
      await sleep(Math.max(0, intervalMs - (now() - sent)));
    }
  }
  if (scope === 'workspace') {
    const until = now() + 120000;
    while (scanEnd === null && now() < until) await sleep(20);
  }
  clearInterval(watch);
  await c.stop();
  return { name, keystrokes, scanMs: scanEnd !== null ? scanEnd - (scanStart ?? t0) : null };
}

async function main(): Promise<void> {
  const { dir, bytes } = makeFolder();
  console.log(`workspace bench: ${FILES} files, ${(bytes / 1048576).toFixed(1)} MB; ${KEYS} keystrokes per run into the open sample`);
  try {
    const runs: Run[] = [];
    runs.push(await run('scope open, a keystroke every 40 ms', dir, 'open', 40, true));
    runs.push(await run('scope workspace, no typing (the scan alone)', dir, 'workspace', 0, false));
    runs.push(await run('scope workspace, a keystroke every 40 ms', dir, 'workspace', 40, true));
    runs.push(await run('scope workspace, a keystroke every 250 ms', dir, 'workspace', 250, true));
    for (const r of runs) {
      const keys = r.keystrokes.length
        ? `keystroke p50 ${percentile(r.keystrokes, 0.5).toFixed(1)} ms, p95 ${percentile(r.keystrokes, 0.95).toFixed(1)} ms, max ${Math.max(...r.keystrokes).toFixed(1)} ms`
        : 'no keystrokes';
      const scan = r.scanMs === null ? '' : `; scan of ${FILES} files ${(r.scanMs / 1000).toFixed(2)} s`;
      console.log(`  ${r.name.padEnd(46)} ${keys}${scan}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
