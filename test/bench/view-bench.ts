/**
 * `npm run bench:view`: what a keystroke costs the table view in the server's own process, without
 * the transport: the edit applied as the server applies it (features/document-store.ts), the edited
 * section's problems, the table view of that section and the inlay hints of a screen of lines, both
 * turned into JSON as the reply would be. Measured on the sample and the sample ×10, with the time
 * spent in garbage collection while typing (a PerformanceObserver on 'gc').
 *
 * Two ways of applying the edit, alternating in the same process so they share the machine's state:
 *  - `store`: changeDocument, which retires the trees of the sections the edit replaced;
 *  - `left in pool`: updateDocument alone, the replaced trees left in the pool until newer trees push
 *    them out (what the server did before): every scavenge copies the trees of the last keystrokes.
 *
 * Options: `--sizes=1,10`, `--runs=N` (keystrokes per round, default 600), `--rounds=N` (default 2).
 * It prints figures and asserts nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import type { DocumentModel, SectionRef } from '../../server/src/core/model';
import { updateDocument, type TextChange } from '../../server/src/core/parse/document';
import { clearTreePool } from '../../server/src/core/parse/section';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { sectionProblems } from '../../server/src/features/diagnostics';
import { changeDocument, openDocument, type StoredDocument } from '../../server/src/features/document-store';
import { inlayHints } from '../../server/src/features/inlay-hints';
import { sectionAt } from '../../server/src/features/locate';
import { tableView } from '../../server/src/features/table-view';
import { findRow, middleSections, option, percentile } from './util';

const SAMPLE = path.resolve(__dirname, '../../../test/fixtures/dongxihu-overall-targets.txt');
const SIZES = option('sizes', '1,10').split(',').map(Number);
const RUNS = Number(option('runs', '600'));
const ROUNDS = Number(option('rounds', '2'));

type Apply = (doc: StoredDocument, version: number, change: TextChange) => StoredDocument;
const VARIANTS: [string, Apply][] = [
  ['store', (doc, version, change) => changeDocument(doc, version, [change])],
  ['left in pool', (doc, version, change) => ({ ...doc, version, model: updateDocument(doc.model, [change]) })],
];

/** Typing a digit after a value's number and deleting it again, in the middle department of the middle copy (as bench:lsp). */
function digitEdit(model: DocumentModel, copies: number): { edit: TextChange; undo: TextChange; line: number } {
  const { ref, row } = findRow(middleSections(model, copies), (r) => !!r.target.number);
  const p = { line: ref.startLine + row.target.number!.range.end.line, character: row.target.number!.range.end.character };
  return {
    edit: { range: { start: p, end: p }, text: '1' },
    undo: { range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' },
    line: p.line,
  };
}

/** Every garbage collection (start, duration): the observer is told later, so rounds are matched to them by time. */
const gcs: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push([e.startTime, e.duration]);
}).observe({ entryTypes: ['gc'] });

interface Round {
  times: number[];
  /** When the timed keystrokes began and ended (performance.now()). */
  from: number;
  to: number;
}

function gcMsIn(r: Round): number {
  return gcs.filter(([t]) => t >= r.from && t <= r.to).reduce((n, [, d]) => n + d, 0);
}

function round(text: string, copies: number, apply: Apply): Round {
  clearTreePool();
  let doc = openDocument('file:///bench.txt', 'target-table', 1, text);
  const { edit, undo, line } = digitEdit(doc.model, copies);
  const screen = { start: { line: Math.max(0, line - 30), character: 0 }, end: { line: line + 30, character: 0 } };
  const problemsOf = (ref: SectionRef) => sectionProblems(ref, DEFAULT_SETTINGS);
  const times: number[] = [];
  let from = 0;
  const warm = 100;
  for (let i = 0; i < warm + RUNS; i++) {
    if (i === warm) from = performance.now();
    const t0 = performance.now();
    doc = apply(doc, doc.version + 1, i % 2 === 0 ? edit : undo);
    problemsOf(sectionAt(doc.model, line)!);
    const view = tableView(doc.model, { uri: doc.uri, version: doc.version, line, locale: 'zh', sectionsId: 'known', problemsOf });
    const hints = inlayHints(doc.model, screen, DEFAULT_SETTINGS, 'zh');
    JSON.stringify(view);
    JSON.stringify(hints);
    if (i >= warm) times.push(performance.now() - t0);
  }
  return { times, from, to: performance.now() };
}

async function main(): Promise<void> {
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  console.log(`node ${process.version}, ${os.cpus().length} cores; ${RUNS} keystrokes per round, ${ROUNDS} rounds per variant, alternating`);
  console.log('keystroke → problems + table view + inlay hints (ms)   p50    p95    p99   GC ms per 100 keystrokes');
  for (const copies of SIZES) {
    const text = Array(copies).fill(sample).join('\n');
    const all = new Map<string, Round[]>(VARIANTS.map(([name]) => [name, []]));
    for (let r = 0; r < ROUNDS; r++) for (const [name, apply] of VARIANTS) all.get(name)!.push(round(text, copies, apply));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the observer hears of the last collections
    for (const [name, rounds] of all) {
      const times = rounds.flatMap((r) => r.times);
      const gc = (rounds.reduce((n, r) => n + gcMsIn(r), 0) / times.length) * 100;
      const label = `×${copies} ${name}`;
      console.log(
        `  ${label.padEnd(52)} ${percentile(times, 0.5).toFixed(2).padStart(5)}  ${percentile(times, 0.95).toFixed(2).padStart(5)}  ${percentile(times, 0.99).toFixed(2).padStart(5)}   ${gc.toFixed(0).padStart(5)}`,
      );
    }
  }
}

void main();
