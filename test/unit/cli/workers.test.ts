/**
 * `check` over worker threads (server/src/cli/workers.ts) and its progress line (progress.ts): the
 * outcomes come back in input order and equal whatever the number of workers (files of very
 * different sizes, so workers finish out of order; an unreadable file in the middle keeps its
 * place); the progress line is drawn on a terminal's stderr only, overwritten and cleared, and never
 * reaches stdout.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFiles, WORKER_FILE } from '../../../server/src/cli/workers';
import { Progress } from '../../../server/src/cli/progress';
import type { InputSpec } from '../../../server/src/cli/inputs';
import { department, sampleText } from '../../helpers/fixtures';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

describe('cli/workers and progress', function () {
  let dir: string;
  let specs: InputSpec[];
  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-workers-'));
    specs = [];
    for (let i = 0; i < 12; i++) {
      // every sixth file is the whole sample (~380 KB), the others one small department
      const name = path.join(dir, `f${String(i).padStart(2, '0')}绩效目标表.txt`);
      fs.writeFileSync(name, i % 6 === 0 ? sampleText() : department(`武汉市东西湖区第${i}局`).replace('≥2场', '≧2场'));
      specs.push({ name, path: name });
      if (i === 5) specs.push({ name: path.join(dir, 'missing.txt'), path: path.join(dir, 'missing.txt') });
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same outcomes, in input order, with 1, 2 and 5 workers', async function () {
    this.timeout(60000); // the machine may be shared: no time is asserted
    assert.ok(fs.existsSync(WORKER_FILE), `the worker script is beside workers.js: ${WORKER_FILE}`);
    const one = await checkFiles(specs, { workers: 1, locale: 'zh' });
    assert.deepEqual(
      one.map((o) => o.name),
      specs.map((s) => s.name),
    );
    assert.equal(one[6].checked, false);
    assert.match(one[6].complaints[0].message, /文件不存在 file not found/);
    assert.ok(one[0].problems.length > 100 && one[1].problems.length === 1, 'big and small files');
    for (const workers of [2, 5]) {
      const progress: number[] = [];
      const many = await checkFiles(specs, { workers, locale: 'zh', onProgress: (done, total) => progress.push(done * 100 + total) });
      assert.deepEqual(many, one, `${workers} workers`);
      assert.deepEqual(
        progress,
        specs.map((_s, i) => (i + 1) * 100 + specs.length),
        'progress counts up to the total, once per file',
      );
    }
  });

  it('the progress line: only on a terminal, at most every 100 ms (the last always), cleared at the end', function () {
    const written: string[] = [];
    let now = 0;
    const tty = { isTTY: true, write: (s: string) => written.push(s) > 0 };
    const p = new Progress(tty, 140, () => now);
    p.update(1, 140);
    now = 50;
    p.update(2, 140); // too soon
    now = 150;
    p.update(12, 140);
    now = 160;
    p.update(140, 140); // the last one is drawn anyway
    p.clear();
    p.clear();
    assert.deepEqual(written, ['\r已检查 1/140 checked\x1b[K', '\r已检查 12/140 checked\x1b[K', '\r已检查 140/140 checked\x1b[K', '\r\x1b[K']);
    const pipe: string[] = [];
    const q = new Progress({ isTTY: false, write: (s: string) => pipe.push(s) > 0 }, 140, () => 0);
    q.update(1, 140);
    q.clear();
    const single = new Progress(tty, 1, () => 1000);
    single.update(1, 1);
    assert.deepEqual(pipe, []);
    assert.equal(written.length, 4, 'one file: no progress line');
  });

  it("through the CLI: progress on a terminal's stderr, never in the report; none when stderr is a pipe", function () {
    this.timeout(60000);
    const out = path.join(dir, 'report.json');
    // `script` gives the child a terminal; stdout goes to a file, so the terminal shows stderr only.
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" check "${dir}" --format json > "${out}"`, '/dev/null'], {
      timeout: 50000,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: '', LANG: '' },
    });
    assert.equal(r.signal, null);
    const terminal = r.stdout;
    assert.match(terminal, new RegExp(`\\r已检查 12/12 checked\\x1b\\[K\\r\\x1b\\[K`), JSON.stringify(terminal));
    const report = fs.readFileSync(out, 'utf8');
    assert.doesNotMatch(report, /已检查|\r/);
    assert.ok(Array.isArray(JSON.parse(report)));
    const piped = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LANG: '' } });
    assert.doesNotMatch(piped.stderr + piped.stdout, /已检查/);
  });
});
