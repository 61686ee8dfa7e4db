/**
 * `check` with review configs, run as a user runs it (dist/cli.js in a child process, in a folder of
 * submissions): the nearest config applies to each file, `--config FILE` to all, `--no-config` to none;
 * ignored files are not checked; suppressed problems are counted apart (text) or flagged items
 * (`--include-suppressed`, JSON); `--report-unused-suppressions` lists the unused ones with the config's
 * line and exits 1; a broken config is said on stderr and exits 2; `--fix` leaves suppressed problems.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { department } from '../../helpers/fixtures';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

function cli(cwd: string, args: string[], lang = '') {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, timeout: 20000, env: { ...process.env, LC_ALL: lang, LC_MESSAGES: '', LANG: '' } });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** The department with 培训场次 unitless in both tables (two TT101) and a non-standard ≧ in 培训合格率's place (TT201, safe fix). */
const TWO = department().replace('≥2场', '≥2').replace('≥3场', '≥3');
const FIXABLE = department().replace('≥2场', '≧2场').replace('≥3场', '≥3');

const CONFIG = `// 2026 年度审核
{
  "ignores": ["草稿/"],
  "suppressions": [
    // 长期表的培训场次按场次计
    { "rule": "TT101", "indicator": "培训场次", "goal": "长期目标甲。", "reason": "按场次计" },
    { "rule": "TT102", "indicator": "已删除的指标" },
  ],
}
`;

describe('check: review config', function () {
  this.timeout(60000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-check-cfg-'));
    fs.mkdirSync(path.join(dir, '区直'));
    fs.mkdirSync(path.join(dir, '草稿'));
    fs.writeFileSync(path.join(dir, '区直', '测试局.txt'), TWO);
    fs.writeFileSync(path.join(dir, '草稿', '未完成.txt'), TWO);
    fs.writeFileSync(path.join(dir, '.target-table.json'), CONFIG);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the nearest config applies: its suppression is counted apart, its ignored file is not checked', () => {
    const r = cli(dir, ['区直/测试局.txt', '草稿/未完成.txt']);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.out);
    assert.match(lines[0], /^区直\/测试局\.txt:79:3: warning TT101 /);
    assert.equal(lines[1], '1 个文件，0 个错误，1 个警告，0 个信息，0 个提示，1 个已忽略');
    assert.match(r.err, /已按审核配置忽略 ignored by the review config \.target-table\.json: 草稿\/未完成\.txt/);
    const en = cli(dir, ['区直/测试局.txt'], 'en_US.UTF-8');
    assert.match(en.out, /1 file, 0 errors, 1 warning, 0 info, 0 hints; 1 suppressed\n$/);
  });

  it('a config nearer the file wins whole (not merged)', () => {
    fs.writeFileSync(path.join(dir, '区直', '.target-table.json'), '{ "rules": { "TT101": "error" } }');
    const r = cli(dir, ['区直/测试局.txt', '草稿/未完成.txt']);
    assert.equal(r.code, 1);
    assert.equal(r.out.match(/error TT101/g)?.length, 2, 'the parent’s suppression does not apply under 区直');
    assert.match(r.out, /1 个文件/, '草稿/ is still under the parent config, which ignores it');
  });

  it('--no-config and --config FILE', () => {
    const none = cli(dir, ['--no-config', '区直/测试局.txt', '草稿/未完成.txt']);
    assert.match(none.out, /2 个文件，0 个错误，4 个警告，0 个信息，0 个提示\n$/);
    fs.writeFileSync(path.join(dir, 'strict.json'), '{ "rules": { "TT101": "error" } }');
    const forced = cli(path.join(dir, '区直'), ['--config', '../strict.json', '测试局.txt']);
    assert.equal(forced.code, 1);
    assert.equal(forced.out.match(/error TT101/g)?.length, 2);
    const both = cli(dir, ['--config', 'strict.json', '--no-config', '区直/测试局.txt']);
    assert.equal(both.code, 2);
  });

  it('--report-unused-suppressions lists the one that matched nothing with its line, and exits 1', () => {
    const r = cli(dir, ['--report-unused-suppressions', '区直/测试局.txt']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^\.target-table\.json:7:5: error unused-suppression 忽略规则未匹配任何问题：TT102 已删除的指标$/m);
    assert.doesNotMatch(r.out, /TT101 培训场次/, 'the used one is not listed');
    // Its indicator deleted: the other one is unused too.
    fs.writeFileSync(path.join(dir, '区直', '测试局.txt'), TWO.replace('\t≥2\n', '\t≥2场\n'));
    const after = cli(dir, ['--report-unused-suppressions', '区直/测试局.txt']);
    assert.match(after.out, /^\.target-table\.json:6:5: error unused-suppression .*TT101 培训场次 长期目标甲。$/m);
    // Without the flag, unused suppressions say nothing and do not change the exit code.
    assert.equal(cli(dir, ['区直/测试局.txt']).code, 0);
  });

  it('JSON stays an array; --include-suppressed adds the suppressed problems as flagged items', () => {
    const plain = JSON.parse(cli(dir, ['--format', 'json', '区直/测试局.txt']).out) as Record<string, unknown>[];
    assert.equal(plain.length, 1);
    assert.equal(plain[0].suppressed, undefined);
    const r = cli(dir, ['--format', 'json', '--include-suppressed', '--report-unused-suppressions', '区直/测试局.txt']);
    const items = JSON.parse(r.out) as Record<string, unknown>[];
    assert.deepEqual(
      items.map((i) => [i.code, i.line, i.suppressed ?? false]),
      [
        ['TT101', 36, true],
        ['TT101', 79, false],
        ['unused-suppression', 7, false],
      ],
    );
    assert.deepEqual(items[0].suppression, { config: '.target-table.json', line: 6, reason: '按场次计' });
  });

  it('a broken config is said on stderr at its line, exits 2, and what it says right still applies', () => {
    fs.writeFileSync(path.join(dir, '.target-table.json'), CONFIG.replace('"ignores": ["草稿/"],', '"ignores": ["草稿/"] "colour": 1,'));
    const r = cli(dir, ['区直/测试局.txt']);
    assert.equal(r.code, 2);
    assert.match(r.err, /\.target-table\.json:3:\d+: error 审核配置的 JSON 有误/);
    assert.match(r.out, /1 个已忽略/);
  });

  it('--fix leaves a suppressed problem as written', () => {
    fs.writeFileSync(path.join(dir, '区直', '测试局.txt'), FIXABLE);
    fs.writeFileSync(path.join(dir, '.target-table.json'), '{ "suppressions": [{ "rule": "TT201", "indicator": "培训场次" }] }');
    const r = cli(dir, ['--fix', '区直/测试局.txt']);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.readFileSync(path.join(dir, '区直', '测试局.txt'), 'utf8').includes('≧2场'), 'not fixed');
    assert.match(r.out, /1 个已忽略/);
    const again = cli(dir, ['--fix', '--no-config', '区直/测试局.txt']);
    assert.match(again.out, /已修复 1 处/);
    assert.ok(!fs.readFileSync(path.join(dir, '区直', '测试局.txt'), 'utf8').includes('≧'));
  });
});
