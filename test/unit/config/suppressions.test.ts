/**
 * Suppressions name what they silence (server/src/core/config/suppressions.ts): they keep matching
 * after lines are inserted above the indicator and after its row moves within its table, and one whose
 * indicator was deleted is reported unused. The editor's filter and the command line's split agree.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAME,
  applySuppressions,
  parseConfig,
  problemTarget,
  settingsFor,
  suppressionForFile,
  suppressionForProblem,
  unusedSuppressions,
  type LoadedConfig,
} from '../../../server/src/core/config';
import { checkText } from '../../../server/src/cli/check';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { department, fx, sampleText } from '../../helpers/fixtures';

const DIR = path.resolve('/review');
const FILE = path.join(DIR, '测试局.txt');

/** The fixture department with the long table's 培训场次 written without its unit (TT101). */
const TEXT = department().replace('≥2场', '≥2');

function config(...suppressions: object[]): LoadedConfig {
  return parseConfig(path.join(DIR, CONFIG_FILE_NAME), JSON.stringify({ suppressions }));
}

function split(text: string, c: LoadedConfig, file = FILE) {
  return applySuppressions(c, file, checkText(text, false).problems);
}

/** The lines of the row whose 三级 is `name` (its cells up to the blank line that ends it). */
function rowLines(lines: string[], name: string): [number, number] {
  const at = lines.indexOf('\t' + name);
  let start = at;
  while (start > 0 && lines[start - 1] !== '') start--;
  let end = at;
  while (end < lines.length && lines[end] !== '') end++;
  return [start, end + 1]; // with its blank line
}

describe('suppressions', () => {
  const BY_NAME = { rule: 'TT101', indicator: '培训场次', reason: '按场次计，不写单位' };

  it('silence the problem they name, and say which matched', () => {
    const c = config(BY_NAME, { rule: 'TT101', indicator: '办公经费' });
    const r = split(TEXT, c);
    assert.deepEqual(r.shown, []);
    assert.deepEqual(
      r.suppressed.map((p) => p.code),
      ['TT101'],
    );
    assert.deepEqual(
      r.used.map((s) => s.index),
      [0],
    );
    assert.deepEqual(
      unusedSuppressions(c, [r]).map((s) => s.index),
      [1],
    );
  });

  it('keep matching after lines are inserted above the indicator', () => {
    const c = config(BY_NAME);
    const lines = TEXT.split('\n');
    // A note before the title and a new indicator row above 培训场次 in its table.
    const [start] = rowLines(lines, '培训场次');
    const inserted = [...lines.slice(0, start), '\t', '\t产出指标', '\t数量指标', '\t新增讲座', '\t≥3场', '\t计划数据', '', ...lines.slice(start)];
    const text = '说明：本表为测试。\n\n' + inserted.join('\n');
    const before = checkText(TEXT, false).problems[0].range.start.line;
    const after = checkText(text, false).problems.filter((p) => p.code === 'TT101');
    assert.equal(after.length, 1);
    assert.ok(after[0].range.start.line > before + 5, 'the problem moved down');
    const r = split(text, c);
    assert.deepEqual(
      r.shown.filter((p) => p.code === 'TT101'),
      [],
    );
    assert.equal(r.suppressed.length, 1);
    assert.equal(r.used.length, 1);
  });

  it('keep matching after the row is moved within its table', () => {
    const c = config(BY_NAME);
    const lines = TEXT.split('\n');
    const [start, end] = rowLines(lines, '培训场次');
    const row = lines.slice(start, end);
    const rest = [...lines.slice(0, start), ...lines.slice(end)];
    // After the table's last row (培训合格率), before the 年度 table's header.
    const [, lastEnd] = rowLines(rest, '培训合格率');
    const moved = [...rest.slice(0, lastEnd), ...row, ...rest.slice(lastEnd)].join('\n');
    const problems = checkText(moved, false).problems.filter((p) => p.code === 'TT101');
    assert.equal(problems.length, 1);
    assert.notEqual(problems[0].range.start.line, checkText(TEXT, false).problems[0].range.start.line, 'the row moved');
    const r = split(moved, c);
    assert.deepEqual(
      r.shown.filter((p) => p.code === 'TT101'),
      [],
    );
    assert.equal(r.suppressed.length, 1);
  });

  it('one whose indicator was deleted matches nothing and is reported unused', () => {
    const c = config(BY_NAME);
    const lines = TEXT.split('\n');
    const [start, end] = rowLines(lines, '培训场次');
    const deleted = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
    const r = split(deleted, c);
    assert.deepEqual(r.used, []);
    assert.deepEqual(
      unusedSuppressions(c, [r]).map((s) => s.indicator),
      ['培训场次'],
    );
  });

  it('every key given must match: rule, file glob, section, 一级/二级, goal', () => {
    const p = (s: object, file = FILE) => split(TEXT, config({ rule: 'TT101', ...s }), file).suppressed.length;
    assert.equal(p({}), 1, 'rule alone: every TT101 of every file');
    assert.equal(p({ rule: 'TT102' }), 0);
    assert.equal(p({ file: '测试局.txt' }), 1);
    assert.equal(p({ file: '*.txt' }), 1);
    assert.equal(p({ file: '教育局.txt' }), 0);
    assert.equal(p({ file: '测试局.txt' }, path.join(DIR, '2026', '测试局.txt')), 0, 'the glob is relative to the config');
    assert.equal(p({}, path.resolve('/elsewhere/测试局.txt')), 1, 'an entry without file takes any file the config applies to');
    assert.equal(p({ file: '**' }, path.resolve('/elsewhere/测试局.txt')), 0);
    assert.equal(p({ section: '武汉市东西湖区测试局' }), 1);
    assert.equal(p({ section: '武汉市 东西湖区测试局' }), 1, 'spaces do not count');
    assert.equal(p({ section: '武汉市东西湖区教育局' }), 0);
    assert.equal(p({ indicator: '培训场次', level1: '产出指标', level2: '数量指标' }), 1);
    assert.equal(p({ indicator: '培训场次', level2: '质量指标' }), 0);
    assert.equal(p({ indicator: '培训场次', goal: '长期目标甲。' }), 1);
    assert.equal(p({ indicator: '培训场次', goal: '年度目标甲。' }), 0);
    assert.equal(p({ goal: '长期目标甲。' }), 1, 'a §3 indicator is about the goal its table measures');
    assert.equal(p({ field: '项目名称' }), 0);
    assert.equal(p({ text: '2' }), 1);
  });

  it('the editor’s filter (settings for the file) drops the same problems the command line counts as suppressed', () => {
    const c = config(BY_NAME);
    const s = settingsFor(c, DEFAULT_SETTINGS, FILE);
    assert.ok(s.suppressed);
    assert.deepEqual(checkText(TEXT, false, s).problems, []);
    assert.equal(settingsFor(c, DEFAULT_SETTINGS, path.join(DIR, 'x.txt')).suppressed !== undefined, true);
    assert.equal(settingsFor(config({ rule: 'TT101', file: '其他.txt' }), DEFAULT_SETTINGS, FILE).suppressed, undefined, 'none can apply: no filter');
  });

  it('on the sample: every problem’s own suppression silences it and nothing else of its rule in another indicator', () => {
    const problems = checkText(sampleText(), false).problems;
    const sample = path.join(DIR, 'sample.txt');
    let checked = 0;
    for (const p of problems.filter((_, i) => i % 17 === 0)) {
      const rel = {
        start: { line: p.range.start.line - p.section.startLine, character: p.range.start.character },
        end: { line: p.range.end.line - p.section.startLine, character: p.range.end.character },
      };
      const entry = suppressionForProblem(p.section.body, rel, p.code, 'sample.txt');
      const r = applySuppressions(config(entry), sample, problems);
      assert.ok(r.suppressed.includes(p), `${p.code} at line ${p.range.start.line + 1} is silenced by ${JSON.stringify(entry)}`);
      const t = problemTarget(p.section.body, rel);
      if (t.indicator) {
        for (const q of r.suppressed) assert.equal(q.section.body, p.section.body, 'only in its own section');
      }
      checked++;
    }
    assert.ok(checked > 20);
  });

  it('the entry written for a problem tells apart the same indicator in the 长期 and the 年度 table', () => {
    const text = TEXT.replace('≥3场', '≥3');
    const problems = checkText(text, false).problems.filter((p) => p.code === 'TT101');
    assert.equal(problems.length, 2);
    for (const p of problems) {
      const rel = {
        start: { line: p.range.start.line - p.section.startLine, character: p.range.start.character },
        end: { line: p.range.end.line - p.section.startLine, character: p.range.end.character },
      };
      const entry = suppressionForProblem(p.section.body, rel, p.code, '测试局.txt');
      assert.equal(entry.indicator, '培训场次');
      assert.equal(entry.level1, '产出指标');
      assert.ok(entry.goal === '长期目标甲。' || entry.goal === '年度目标甲。');
      const r = split(text, config(entry));
      assert.deepEqual(r.suppressed, [problems.find((q) => q.range.start.line === p.range.start.line)]);
    }
  });

  it('the file entry silences the rule in that file only, whatever its name holds', () => {
    const odd = path.join(DIR, '测试局(2026)[终稿].txt');
    const entry = suppressionForFile('TT101', '测试局(2026)[终稿].txt');
    assert.equal(split(TEXT, config(entry), odd).suppressed.length, 1);
    assert.equal(split(TEXT, config(entry), FILE).suppressed.length, 0);
  });

  it('a header-driven table: a suppression of a problem outside indicators names its text, and still matches after an edit above', () => {
    const text = fx(`
→项目支出绩效目标表

→项目名称
→农村文化建设配套补助经费

→年度绩效目标
→送戏进万村。

→一级指标
→二级指标
→三级指标
→指标值

→产出指标
→数量指标
→送戏场次
→70
`);
    const problems = checkText(text, false).problems;
    for (const p of problems) {
      const rel = {
        start: { line: p.range.start.line - p.section.startLine, character: p.range.start.character },
        end: { line: p.range.end.line - p.section.startLine, character: p.range.end.character },
      };
      const entry = suppressionForProblem(p.section.body, rel, p.code, '项目.txt');
      const c = config(entry);
      const file = path.join(DIR, '项目.txt');
      assert.ok(split(text, c, file).suppressed.some((q) => q.code === p.code && q.range.start.line === p.range.start.line));
      const edited = '填报说明：以下为 2026 年申报。\n\n' + text;
      assert.ok(
        split(edited, c, file).suppressed.some((q) => q.code === p.code),
        `${p.code} ${JSON.stringify(entry)} after an edit`,
      );
    }
    assert.ok(problems.length > 0);
  });
});
