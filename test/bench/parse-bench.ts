/**
 * `npm run bench`: full parse vs. incremental update, on the sample and on the sample
 * repeated 10 times. Prints medians (and p95) in milliseconds and the ratios; it asserts
 * nothing (speed is measured, not asserted in a timed test). Targets from issue #2: full
 * parse of the sample ≤ 20 ms; a one-character edit ≤ 1 ms and no slower on the 10× document.
 *
 * Section trees are built on demand (parse/section.ts), so a parse alone no longer builds any;
 * each figure says what it includes:
 *  - `parse`: lines, section starts, titles (no tree);
 *  - `+ trees`: parse, then every section's tree built once (as the old full parse did; each is
 *    dropped when the pool is full);
 *  - `+ check`: parse, then every problem of the document (checkDocument: builds each tree, runs
 *    the rules); what opening a file costs;
 *  - `edit`: a one-character edit of the model (updateDocument; no tree);
 *  - `edit + check`: the edit, then the problems of every section (checkSection: only the edited
 *    section is not cached, so its tree is built and checked); what a keystroke costs.
 *
 * Then the command line as a user runs it (the bundled dist/cli.js in a child process, on files in
 * a temporary directory; issue 9): `check --fix` on the sample ×10, ×50 and ×100 with the
 * ×100 / ×10 ratio (≈ 10 when fix-all is linear), and `export` (JSON) of the sample ×500
 * (~190 MB) to a file, with its time and size. `--no-cli` skips this part.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument, updateDocument, type TextChange } from '../../server/src/core/parse/document';
import type { DocumentModel } from '../../server/src/core/model';
import { checkDocument, checkSection } from '../../server/src/core/rules/index';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/core/rules/types';

const SAMPLE = path.resolve(__dirname, '../../../test/fixtures/dongxihu-overall-targets.txt');

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] };
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * A one-character edit in the middle of the document: a digit typed into a value cell. On the
 * repeated document it hits the same department in the middle copy, so both runs re-parse a
 * section of the same size and the comparison shows only what the document's size costs.
 */
function middleEdit(model: DocumentModel, copies: number): { at: TextChange; undo: TextChange } {
  const perCopy = model.sections.length / copies;
  const ref = model.sections[Math.floor(copies / 2) * perCopy + Math.floor(perCopy / 2)];
  const row = ref.body.tables[0].rows[0];
  const p = { line: ref.startLine + row.target.range.end.line, character: row.target.range.end.character };
  return {
    at: { range: { start: p, end: p }, text: '1' },
    undo: { range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' },
  };
}

function checkAll(model: DocumentModel): void {
  for (const ref of model.sections) checkSection(ref.body, DEFAULT_RULE_SETTINGS);
}

function median(name: string, runs: number, fn: () => void): { median: number; p95: number } {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn));
  return stats(times);
}

function bench(name: string, copies: number, fullRuns: number, editRuns: number) {
  const text = Array(copies).fill(sample).join('\n');
  const full = median(name, fullRuns, () => parseDocument(text));
  const trees = median(name, fullRuns, () => {
    for (const ref of parseDocument(text).sections) void ref.body.rows;
  });
  const checked = median(name, fullRuns, () => checkDocument(parseDocument(text).sections, DEFAULT_RULE_SETTINGS));
  let model = parseDocument(text);
  checkAll(model);
  const { at, undo } = middleEdit(model, copies);
  const edit: number[] = [];
  const editCheck: number[] = [];
  for (let i = 0; i < 50; i++) {
    model = updateDocument(updateDocument(model, [at]), [undo]); // warm up
    checkAll(model);
  }
  for (let i = 0; i < editRuns; i++) {
    edit.push(
      time(() => {
        model = updateDocument(model, [at]);
      }),
    );
    model = updateDocument(model, [undo]);
    checkAll(model);
    editCheck.push(
      time(() => {
        model = updateDocument(model, [at]);
        checkAll(model);
      }),
    );
    model = updateDocument(model, [undo]);
    checkAll(model);
  }
  const e = stats(edit);
  const ec = stats(editCheck);
  const lines = model.lineCount;
  const f = (x: { median: number; p95: number }, d = 1) => `${x.median.toFixed(d)} ms (p95 ${x.p95.toFixed(d)})`;
  console.log(`${name.padEnd(12)} ${String(lines).padStart(7)} lines`);
  console.log(`  full: parse ${f(full)}, + trees ${f(trees)}, + check ${f(checked)}`);
  console.log(`  one-char edit: ${f(e, 3)}, edit + check ${f(ec, 3)}  (+ check / edit + check ${(checked.median / ec.median).toFixed(0)}×)`);
  return { full, trees, checked, edit: e, editCheck: ec };
}

const sample = fs.readFileSync(SAMPLE, 'utf8');
console.log(`node ${process.version}, ${os.cpus().length} cores`);
const one = bench('sample', 1, 30, 400);
const ten = bench('sample ×10', 10, 10, 400);
const r = (a: number, b: number) => (a / b).toFixed(2);
console.log(
  `10× / 1×: parse ${r(ten.full.median, one.full.median)}×, + trees ${r(ten.trees.median, one.trees.median)}×, + check ${r(ten.checked.median, one.checked.median)}×, ` +
    `one-char edit ${r(ten.edit.median, one.edit.median)}×, edit + check ${r(ten.editCheck.median, one.editCheck.median)}×`,
);

/** Runs dist/cli.js once and returns its wall time in ms (the child's exit code is printed, not asserted). */
function runCli(args: string[], stdout: number | 'ignore' = 'ignore'): { ms: number; status: number | null } {
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', stdout, 'inherit'] });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status };
}

if (!process.argv.includes('--no-cli')) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-'));
  try {
    const fixTimes: Record<number, number> = {};
    for (const copies of [10, 50, 100]) {
      const file = path.join(tmp, `x${copies}.txt`);
      fs.writeFileSync(file, Array(copies).fill(sample).join('\n'));
      const mb = fs.statSync(file).size / 1e6;
      const r = runCli(['check', '--fix', file]);
      fixTimes[copies] = r.ms;
      console.log(`check --fix sample ×${copies} (${mb.toFixed(0)} MB): ${(r.ms / 1000).toFixed(2)} s (exit ${r.status})`);
      fs.rmSync(file);
    }
    console.log(`check --fix ×100 / ×10: ${(fixTimes[100] / fixTimes[10]).toFixed(1)} (10 = linear)`);
    const big = path.join(tmp, 'x500.txt');
    fs.writeFileSync(big, Array(500).fill(sample).join('\n'));
    const out = path.join(tmp, 'x500.json');
    const fd = fs.openSync(out, 'w');
    const r = runCli(['export', big], fd);
    fs.closeSync(fd);
    console.log(
      `export (JSON) sample ×500 (${(fs.statSync(big).size / 1e6).toFixed(0)} MB): ${(r.ms / 1000).toFixed(2)} s, exit ${r.status}, ` +
        `${(fs.statSync(out).size / 1e6).toFixed(0)} MB of JSON`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
