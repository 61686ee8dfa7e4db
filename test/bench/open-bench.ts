/**
 * `npm run bench:open`: what opening a big file costs in the core, each size in a fresh Node
 * process (cold, as a server starts): parse, check with the default settings, the heap kept after
 * each (after a full GC) and the process's peak RSS. Sizes are the sample repeated
 * (`--copies=1,10,50,135`; ×135 is ~50 MB). Prints figures and asserts nothing. The table in
 * server/src/features/limits.ts comes from it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/core/parse/document';
import { checkDocument } from '../../server/src/core/rules/index';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/core/rules/types';

const SAMPLE = path.resolve(__dirname, '../../../test/fixtures/dongxihu-overall-targets.txt');
const args = process.argv.slice(2);
const child = args.find((a) => a.startsWith('--child='));

function measure(copies: number): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  const text = Array(copies).fill(sample).join('\n');
  gc();
  const h0 = process.memoryUsage().heapUsed;
  let t = performance.now();
  const model = parseDocument(text);
  const parseMs = performance.now() - t;
  gc();
  const h1 = process.memoryUsage().heapUsed;
  t = performance.now();
  const problems = checkDocument(model.sections, DEFAULT_RULE_SETTINGS);
  const checkMs = performance.now() - t;
  gc();
  const h2 = process.memoryUsage().heapUsed;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  console.log(
    `×${String(copies).padEnd(4)} ${(text.length / 1e6).toFixed(1).padStart(5)} M chars  parse ${parseMs.toFixed(0).padStart(5)} ms  check ${checkMs.toFixed(0).padStart(5)} ms  ` +
      `${String(problems.length).padStart(6)} problems  heap kept: model ${mb(h1 - h0).padStart(6)} MB, + problems ${mb(h2 - h1).padStart(6)} MB  ` +
      `peak RSS ${mb(process.resourceUsage().maxRSS * 1024).padStart(6)} MB`,
  );
  void model;
}

if (child) {
  measure(Number(child.slice(8)));
} else {
  const sizes = (args.find((a) => a.startsWith('--copies='))?.slice(9) ?? '1,10,50').split(',').map(Number);
  console.log(`node ${process.version}; each size in a fresh process (node --expose-gc), text of the document excluded from the heap figures`);
  for (const c of sizes) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', __filename, `--child=${c}`], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
