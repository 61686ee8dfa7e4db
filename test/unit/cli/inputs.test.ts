/**
 * `check`'s paths (server/src/cli/inputs.ts): a file as named, a folder walked for target-table
 * files by the language's file patterns, a quoted glob expanded by us, `-`; ignores, order,
 * duplicates, and a clear message for a folder or glob with nothing to check. The expansion is
 * tested as a function, then through the bundled dist/cli.js as a user runs it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandInputs, isTargetTableName, TARGET_TABLE_EXTENSIONS, TARGET_TABLE_FILENAME_PATTERNS } from '../../../server/src/cli/inputs';
import { EXIT } from '../../../server/src/cli/io';
import { department } from '../../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20000, env: { ...process.env, LC_ALL: '', LANG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The file names of a text report's problem lines, in order, each once. */
function filesReported(out: string): string[] {
  const names: string[] = [];
  for (const line of out.split('\n')) {
    const m = /^(.+?):\d+:\d+: /.exec(line);
    if (m && names[names.length - 1] !== m[1]) names.push(m[1]);
  }
  return names;
}

describe('cli/inputs: files, folders, globs', function () {
  let dir: string;
  /** A department with one warning (TT201 ≧) so that every file checked shows in the report. */
  const dept = (name: string) => department(name).replace('≥2场', '≧2场');
  const put = (rel: string, text = dept('武汉市东西湖区测试局')) => {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    return f;
  };
  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-inputs-'));
    put('2026申报/教育局绩效目标表.txt');
    put('2026申报/b/卫健局绩效目标申报表.txt');
    put('2026申报/b/a.ttable');
    put('2026申报/b/UPPER.TTABLE');
    put('2026申报/自评/文旅局绩效自评表.txt');
    put('2026申报/说明.txt', '这是说明。\n');
    put('2026申报/notes.md', '# 绩效目标表\n');
    put('2026申报/node_modules/x绩效目标表.txt');
    put('2026申报/.git/y绩效目标表.txt');
    put('2026申报/草稿/旧绩效目标表.txt');
    put('空目录/readme.txt', 'nothing\n');
    fs.symlinkSync(path.join(dir, '2026申报', 'b'), path.join(dir, '2026申报', '链接'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the file patterns are package.json contributes.languages[0]', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { languages: { extensions: string[]; filenamePatterns: string[] }[] };
    };
    assert.deepEqual([...TARGET_TABLE_EXTENSIONS], pkg.contributes.languages[0].extensions);
    assert.deepEqual([...TARGET_TABLE_FILENAME_PATTERNS], pkg.contributes.languages[0].filenamePatterns);
    for (const yes of ['东西湖区2026年整体支出绩效目标表.txt', '项目支出绩效自评表.txt', 'x.ttable', 'X.TTABLE']) assert.ok(isTargetTableName(yes), yes);
    for (const no of ['说明.txt', '绩效目标表.docx', 'ttable.txt', '绩效目标表.txt.bak']) assert.ok(!isTargetTableName(no), no);
  });

  it('walks a folder for target-table files, sorted, skipping node_modules, .git and symlinked folders', function () {
    const e = expandInputs(['2026申报'], { cwd: dir });
    assert.deepEqual(e.errors, []);
    assert.deepEqual(
      e.files.map((f) => f.name),
      [
        '2026申报/b/UPPER.TTABLE',
        '2026申报/b/a.ttable',
        '2026申报/b/卫健局绩效目标申报表.txt',
        '2026申报/教育局绩效目标表.txt',
        '2026申报/自评/文旅局绩效自评表.txt',
        '2026申报/草稿/旧绩效目标表.txt',
      ],
    );
    assert.ok(e.files.every((f) => f.path === path.join(dir, f.name)));
  });

  it('takes the ignored predicate for walked and globbed files, and notes an ignored file named explicitly', function () {
    const ignored = (p: string) => p.includes(`${path.sep}草稿${path.sep}`);
    const e = expandInputs(['2026申报', '2026申报/草稿/旧绩效目标表.txt'], { cwd: dir, ignored });
    assert.ok(!e.files.some((f) => f.name.includes('草稿')));
    assert.deepEqual(e.ignoredNamed, ['2026申报/草稿/旧绩效目标表.txt']);
    const g = expandInputs(['2026申报/草稿/*.txt'], { cwd: dir, ignored });
    assert.equal(g.files.length, 0);
    assert.match(g.errors[0].message, /没有文件匹配（1 个被配置忽略） no file matches \(1 ignored by the config\): 2026申报\/草稿\/\*\.txt/);
    const all = expandInputs(['2026申报/草稿'], { cwd: dir, ignored: () => true });
    assert.match(all.errors[0].message, /目录中没有绩效目标表文件（1 个被配置忽略）/);
  });

  it('expands a glob (quoted, so the shell did not): every name it matches, target-table or not; a literal name wins', function () {
    const e = expandInputs(['2026申报/**/*.txt'], { cwd: dir });
    assert.deepEqual(
      e.files.map((f) => f.name),
      [
        '2026申报/b/卫健局绩效目标申报表.txt',
        '2026申报/教育局绩效目标表.txt',
        '2026申报/自评/文旅局绩效自评表.txt',
        '2026申报/草稿/旧绩效目标表.txt',
        '2026申报/说明.txt',
      ],
      'node_modules and .git are not entered by a glob either',
    );
    assert.deepEqual(
      expandInputs(['*/b/*.{ttable,TTABLE}'], { cwd: dir }).files.map((f) => f.name),
      ['2026申报/b/UPPER.TTABLE', '2026申报/b/a.ttable'],
    );
    // A file whose name has glob characters is that file when it exists.
    const odd = put('odd[1].txt');
    assert.deepEqual(
      expandInputs(['odd[1].txt'], { cwd: dir }).files.map((f) => f.path),
      [odd],
    );
  });

  it('keeps the arguments in order, each file once (also by another name), and - for standard input', function () {
    const e = expandInputs(['2026申报/教育局绩效目标表.txt', '-', '2026申报', './2026申报/教育局绩效目标表.txt', 'missing.txt'], { cwd: dir });
    assert.deepEqual(
      e.files.map((f) => f.name),
      [
        '2026申报/教育局绩效目标表.txt',
        '-',
        '2026申报/b/UPPER.TTABLE',
        '2026申报/b/a.ttable',
        '2026申报/b/卫健局绩效目标申报表.txt',
        '2026申报/自评/文旅局绩效自评表.txt',
        '2026申报/草稿/旧绩效目标表.txt',
        'missing.txt',
      ],
    );
    assert.equal(e.files[1].path, null);
  });

  it('a folder without target-table files and a glob without a match: a clear message, exit 4', function () {
    const e = expandInputs(['空目录', 'nope/*.txt'], { cwd: dir });
    assert.equal(e.files.length, 0);
    assert.equal(e.errors.length, 2);
    assert.ok(e.errors.every((x) => x.exitCode === EXIT.noTable));
    assert.match(e.errors[0].message, /目录中没有绩效目标表文件 no target-table file in the folder: 空目录 \(文件名 names: \*\.ttable \*绩效目标表\*\.txt/);
    assert.match(e.errors[1].message, /没有文件匹配 no file matches: nope\/\*\.txt/);
  });

  it('through the CLI: a folder, a quoted glob, the same report with any number of workers', function () {
    const folder = cli(['check', '2026申报'], dir);
    assert.equal(folder.code, 0, folder.err);
    assert.equal(folder.err, '');
    assert.deepEqual(filesReported(folder.out), [
      '2026申报/b/UPPER.TTABLE',
      '2026申报/b/a.ttable',
      '2026申报/b/卫健局绩效目标申报表.txt',
      '2026申报/教育局绩效目标表.txt',
      '2026申报/自评/文旅局绩效自评表.txt',
      '2026申报/草稿/旧绩效目标表.txt',
    ]);
    assert.match(folder.out, /\n6 个文件，0 个错误，6 个警告/);
    for (const j of ['1', '2', '3']) assert.equal(cli(['check', '2026申报', '-j', j], dir).out, folder.out, `-j ${j}`);
    const glob = cli(['check', '2026申报/自评/*.txt', '空目录'], dir);
    assert.equal(glob.code, 4);
    assert.deepEqual(filesReported(glob.out), ['2026申报/自评/文旅局绩效自评表.txt']);
    assert.equal(glob.err.trim().split('\n').length, 1, glob.err);
    assert.match(glob.err, /^target-table: 目录中没有绩效目标表文件 no target-table file in the folder: 空目录/);
    // the glob's non-target-table match is checked and has no table
    const all = cli(['check', '2026申报/*.txt'], dir);
    assert.equal(all.code, 4);
    assert.match(all.err, /没有绩效目标表 no target table found in 2026申报\/说明\.txt/);
  });
});
