/**
 * `npm run bench`: full parse vs. incremental update, on the sample and on the sample
 * repeated 10 times. Prints medians (and p95) in milliseconds and the ratios; it asserts
 * nothing (speed is measured, not asserted in a timed test). Targets from issue #2: full
 * parse of the sample ≤ 20 ms; a one-character edit ≤ 1 ms and no slower on the 10× document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, updateDocument, type TextChange } from '../../server/src/core/parse/document';
import type { DocumentModel } from '../../server/src/core/model';

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

function bench(name: string, copies: number, fullRuns: number, editRuns: number) {
  const text = Array(copies).fill(sample).join('\n');
  const full: number[] = [];
  for (let i = 0; i < 3; i++) parseDocument(text); // warm up
  for (let i = 0; i < fullRuns; i++) full.push(time(() => parseDocument(text)));
  let model = parseDocument(text);
  const { at, undo } = middleEdit(model, copies);
  const edit: number[] = [];
  for (let i = 0; i < 50; i++) model = updateDocument(updateDocument(model, [at]), [undo]); // warm up
  for (let i = 0; i < editRuns; i++) {
    edit.push(time(() => {
      model = updateDocument(model, [at]);
    }));
    model = updateDocument(model, [undo]);
  }
  const f = stats(full);
  const e = stats(edit);
  const lines = model.lineCount;
  console.log(
    `${name.padEnd(12)} ${String(lines).padStart(7)} lines  full parse median ${f.median.toFixed(2)} ms (p95 ${f.p95.toFixed(2)})` +
      `  one-char edit median ${e.median.toFixed(3)} ms (p95 ${e.p95.toFixed(3)})  full/edit ${(f.median / e.median).toFixed(0)}×`,
  );
  return { full: f, edit: e };
}

const sample = fs.readFileSync(SAMPLE, 'utf8');
console.log(`node ${process.version}, ${require('node:os').cpus().length} cores`);
const one = bench('sample', 1, 30, 400);
const ten = bench('sample ×10', 10, 10, 400);
console.log(`10× / 1×: full parse ${(ten.full.median / one.full.median).toFixed(1)}×, one-char edit ${(ten.edit.median / one.edit.median).toFixed(2)}×`);
