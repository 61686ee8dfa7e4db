/** `target-table check`: argument parsing, output formats, --fix on files (via the bundled dist/cli.js). */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkText, cliLocale, formatText, parseCheckArgs, toJson } from '../../../server/src/cli/check';
import { CliError } from '../../../server/src/cli/io';
import { parseDocument } from '../../../server/src/core/parse/document';
import { hasTree } from '../../../server/src/core/parse/section';
import { checkDocument } from '../../../server/src/core/rules/index';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { department, sampleText } from '../../helpers/fixtures';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
const CLI = path.join(repoRoot(), 'dist', 'cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli/check', function () {
  let dir: string;
  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-check-'));
  });
  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('parses its arguments', function () {
    const cores = os.availableParallelism();
    assert.deepEqual(parseCheckArgs(['a.txt', '--format', 'json', '--fix', 'b.txt']), { files: ['a.txt', 'b.txt'], format: 'json', fix: true, workers: cores });
    assert.deepEqual(parseCheckArgs(['--format=text', '--', '--odd-name']), { files: ['--odd-name'], format: 'text', fix: false, workers: cores });
    assert.deepEqual(parseCheckArgs(['-j', '1', 'a', '--format=sarif']), { files: ['a'], format: 'sarif', fix: false, workers: 1 });
    assert.equal(parseCheckArgs(['--workers=3', 'a']).workers, 3);
    for (const bad of [
      ['-j', '0', 'a'],
      ['--workers', 'x', 'a'],
      ['a', '-j'],
      ['--workers=-1', 'a'],
    ])
      assert.throws(() => parseCheckArgs(bad), CliError, bad.join(' '));
    assert.throws(() => parseCheckArgs([]), CliError);
    assert.throws(() => parseCheckArgs(['a', '--format', 'xml']), CliError);
    assert.throws(() => parseCheckArgs(['a', '--nope']), CliError);
  });

  it('lists problems in reading order, line then column', function () {
    const lines = run([path.join(repoRoot(), 'test', 'fixtures', 'dongxihu-overall-targets.txt')])
      .out.trim()
      .split('\n')
      .slice(0, -1);
    const positions = lines.map((l) => l.split(':').slice(1, 3).map(Number));
    assert.ok(positions.length > 100);
    for (let i = 1; i < positions.length; i++) {
      const [a, b] = [positions[i - 1], positions[i]];
      assert.ok(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), `${lines[i - 1]}\n${lines[i]}`);
    }
  });

  it('checks a file one tree at a time: no section tree of it is left built, and it is known to hold a table', function () {
    // A file's trees kept alive through its check made every scavenge copy them (bench:cli 9.1 s → 5.8 s when fixed).
    const r = checkText(sampleText(), false);
    assert.equal(r.hasTable, true);
    assert.ok(r.model.sections.length > 30);
    assert.deepEqual(
      r.model.sections.filter((s) => hasTree(s.body)).map((s) => s.startLine),
      [],
    );
    assert.deepEqual(
      r.problems.map((p) => p.code),
      checkDocument(parseDocument(sampleText()).sections, DEFAULT_SETTINGS.rules, DEFAULT_SETTINGS.severity)
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map((p) => p.code),
    );
    assert.equal(checkText('某单位2026年度部门整体绩效目标表\n说明文字\n', false).hasTable, false);
  });
  it('locale from LC_ALL / LANG', function () {
    assert.equal(cliLocale({ LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(cliLocale({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh');
    assert.equal(cliLocale({}), 'zh');
  });

  it('text lines are file:line:col: severity code message, then a summary', function () {
    const r = checkText(department(), false);
    const fake = [
      {
        file: 'x.txt',
        problems: [{ ...(r.problems[0] ?? fakeProblem()), range: { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } } }],
        fixed: 0,
      },
    ];
    const out = formatText(fake, 'zh').split('\n');
    assert.match(out[0], /^x\.txt:3:5: (error|warning|information|hint) TT\d{3} \S/);
    assert.ok(out[0].endsWith(' — 武汉市东西湖区测试局'), `the line names the department: ${out[0]}`);
    assert.equal(
      out[1],
      `1 个文件，${fake[0].problems[0].severity === 'error' ? 1 : 0} 个错误，${fake[0].problems[0].severity === 'warning' ? 1 : 0} 个警告，${fake[0].problems[0].severity === 'information' ? 1 : 0} 个信息，${fake[0].problems[0].severity === 'hint' ? 1 : 0} 个提示`,
    );
    const json = toJson(fake, 'en');
    assert.deepEqual(Object.keys(json[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'section']);
    assert.equal(json[0].section, '武汉市东西湖区测试局');
    assert.equal(json[0].line, 3);
    assert.equal(json[0].endColumn, 6);
  });

  it('one line on stderr and a non-zero exit for a missing file, a directory, a binary file', function () {
    const bin = path.join(dir, 'bin.dat');
    fs.writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0]));
    for (const f of [path.join(dir, 'missing.txt'), dir, bin]) {
      const r = run([f]);
      assert.notEqual(r.code, 0);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.doesNotMatch(r.err, /at .*\.js/);
    }
  });

  it('[rules] checks the sample: text and json, exit 1 when an error-level problem exists', function () {
    const file = path.join(dir, 'sample.txt');
    fs.writeFileSync(file, sampleText());
    const t = run([file]);
    const lines = t.out.trim().split('\n');
    assert.ok(lines.length > 1);
    for (const l of lines.slice(0, -1)) assert.ok(l.startsWith(`${file}:`) && /^.+:\d+:\d+: (error|warning|information|hint) TT\d{3} /.test(l), l);
    assert.match(lines[lines.length - 1], /^1 个文件，\d+ 个错误，\d+ 个警告，\d+ 个信息，\d+ 个提示$/);
    const j = run([file, '--format', 'json'], { LANG: 'en_US.UTF-8' });
    const arr = JSON.parse(j.out) as { severity: string; message: string }[];
    assert.equal(arr.length, lines.length - 1);
    assert.equal(j.code, arr.some((p) => p.severity === 'error') ? 1 : 0);
    assert.equal(t.code, j.code);
    const en = run([file], { LANG: 'en_US.UTF-8' });
    assert.match(en.out.trim().split('\n').pop()!, /^1 file, \d+ errors?, \d+ warnings?, \d+ info, \d+ hints?$/);
  });

  it('[rules] --fix rewrites in place, keeps BOM and CRLF, and is idempotent', function () {
    const file = path.join(dir, 'crlf.txt');
    const original = '\ufeff' + sampleText().replace(/\r?\n/g, '\r\n');
    fs.writeFileSync(file, original);
    const r1 = run([file, '--fix']);
    assert.match(r1.out, /已修复 \d+ 处/);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.notEqual(fixed, original);
    assert.ok(fixed.startsWith('\ufeff'));
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line breaks');
    assert.doesNotMatch(fixed, /^\t≧\d/m);
    const mtime = fs.statSync(file).mtimeMs;
    const r2 = run([file, '--fix']);
    assert.doesNotMatch(r2.out, /已修复/);
    assert.equal(fs.readFileSync(file, 'utf8'), fixed);
    assert.equal(fs.statSync(file).mtimeMs, mtime, 'not rewritten when nothing changed');
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });
});

function fakeProblem() {
  return {
    code: 'TT201',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: 'warning' as const,
    message: { zh: '问题', en: 'problem' },
    section: checkText(department(), false).model.sections.find((s) => s.body.title !== null)!,
  };
}
