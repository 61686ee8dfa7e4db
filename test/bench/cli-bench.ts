/**
 * `npm run bench:cli`: `target-table check DIR` on a folder of 1,000 files, as a reviewer runs it on
 * a batch of submissions: the built dist/cli.js in a child process, with 1 worker and with one per
 * core (`os.availableParallelism()`), in the same run. The folder (a temporary directory) holds the
 * sample's departments one per file, repeated under other names to make 900 files, and 100 copies
 * of the whole sample. Prints wall time, files/s, MB/s, the speed-up, whether both reports are the
 * same, the child's CPU time (GNU time, when there), and the load average before and after (the
 * figures mean little on a busy machine). Each worker count runs `--runs=N` times (default 2),
 * alternating, and the best run counts. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/core/parse/document';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'dongxihu-overall-targets.txt');
const SPLIT_FILES = 900;
const WHOLE_COPIES = 100;

const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = runsArg ? Math.max(1, Number(runsArg.slice(7))) : 2;

/** The sample's departments: the text of each titled section, from its first line to the next section's. */
function departments(text: string): string[] {
  const lines = text.split('\n');
  const sections = parseDocument(text).sections;
  const out: string[] = [];
  for (let i = 0; i < sections.length; i++) {
    if (sections[i].body.title === null) continue;
    const end = i + 1 < sections.length ? sections[i + 1].startLine : lines.length;
    out.push(lines.slice(sections[i].startLine, end).join('\n'));
  }
  return out;
}

function buildFolder(dir: string): { files: number; bytes: number; departments: number } {
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  const depts = departments(sample);
  let bytes = 0;
  let files = 0;
  const put = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    bytes += Buffer.byteLength(text, 'utf8');
    files++;
  };
  for (let k = 0; k < SPLIT_FILES; k++) {
    const round = Math.floor(k / depts.length) + 1;
    put(`第${String(round).padStart(2, '0')}批-部门${String((k % depts.length) + 1).padStart(2, '0')}-绩效目标表.txt`, depts[k % depts.length]);
  }
  for (let k = 0; k < WHOLE_COPIES; k++) put(`整体汇总${String(k + 1).padStart(3, '0')}-绩效目标表.txt`, sample);
  return { files, bytes, departments: depts.length };
}

/** GNU time, when the machine has it: the child's CPU time (user + system) beside the wall time. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function run(dir: string, workers: number): { ms: number; cpu: number | null; code: number | null; out: string } {
  const args = [CLI, 'check', dir, '--workers', String(workers)];
  const timeFile = path.join(os.tmpdir(), `tt-bench-cli-time-${process.pid}`);
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LANG: '' } });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  let cpu: number | null = null;
  if (GNU_TIME) {
    const [user, sys] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    cpu = user + sys;
    fs.rmSync(timeFile, { force: true });
  }
  return { ms, cpu, code: r.status, out: r.stdout };
}

function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-cli-'));
try {
  const all = os.availableParallelism();
  const folder = buildFolder(dir);
  const mb = folder.bytes / 1e6;
  console.log(
    `node ${process.version}; ${os.cpus().length} CPUs, availableParallelism ${all}; ${folder.files} files (${SPLIT_FILES} of one department each, ` +
      `from the sample's ${folder.departments}, and ${WHOLE_COPIES} copies of the whole sample), ${mb.toFixed(1)} MB; load average before: ${load()}`,
  );
  console.log(`command: node dist/cli.js check ${dir} --workers N   (${RUNS} runs each, alternating; best counts)`);
  const best = new Map<number, ReturnType<typeof run>>();
  const counts = all > 1 ? [1, all] : [1];
  for (let r = 0; r < RUNS; r++) {
    for (const w of counts) {
      const res = run(dir, w);
      console.log(
        `  run ${r + 1}, ${String(w).padStart(2)} worker${w === 1 ? ' ' : 's'}: ${(res.ms / 1000).toFixed(2)} s` +
          (res.cpu === null ? '' : ` (CPU ${res.cpu.toFixed(2)} s)`) +
          `  exit ${res.code}  ${res.out.trim().split('\n').pop()}`,
      );
      const b = best.get(w);
      if (!b || res.ms < b.ms) best.set(w, res);
    }
  }
  for (const w of counts) {
    const b = best.get(w)!;
    const s = b.ms / 1000;
    console.log(
      `${String(w).padStart(2)} worker${w === 1 ? ' ' : 's'}: ${s.toFixed(2).padStart(6)} s  ${(folder.files / s).toFixed(0).padStart(5)} files/s  ${(mb / s).toFixed(1).padStart(6)} MB/s`,
    );
  }
  if (counts.length > 1) {
    const one = best.get(1)!;
    const many = best.get(all)!;
    console.log(`speed-up with ${all} workers: ${(one.ms / many.ms).toFixed(2)}×; the same report from both: ${one.out === many.out ? 'yes' : 'NO'}`);
  }
  console.log(`load average after: ${load()}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
