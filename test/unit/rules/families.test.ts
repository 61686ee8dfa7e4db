/**
 * The rules on the other families (docs/format.md §7.6), on the six template documents: what
 * their EXPECTED.md lists as defects is reported at the right place, and nothing lands on a
 * table cell as stray.
 */
import * as assert from 'node:assert';
import { readTemplate } from '../../helpers/export-rows';
import { goalFigures } from '../../../server/src/core/rules/goal-figure-missing';
import { buildDoc, check, expectHit, expectNone, sampleChecked, type Checked } from './helpers';

const checked = new Map<string, Checked>();
function doc(file: string): Checked {
  let c = checked.get(file);
  if (!c) checked.set(file, (c = check(readTemplate(file))));
  return c;
}
const codes = (c: Checked, code: string) => c.problems.filter((p) => p.code === code).map((p) => p.range.start.line + 1);

const SIX = [
  '01-huangshi-dangxiao-zhutiban.txt',
  '04-huaibei-wenlv-songxi.txt',
  '05-xiangtan-wupaoche-2024.txt',
  '07-qingshanqu-jiaoyu-jijian.txt',
  '10-fuliang-linye-zhengti.txt',
  '13-qingshen-fagai-gongzi-ziping.txt',
];

const INDICATOR_HEADER = ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'];

/** A project table: an annual goal, then indicator rows [一级, 二级, 三级, 指标值]; `long` rows go to a 长期 table after it. */
function projectDoc(goal: string, rows: string[][], long: string[][] = [], extra: string[][] = []): string {
  const all: string[][] = [['项目名称', '测试项目'], ...extra, ['年度绩效目标', goal], INDICATOR_HEADER, ...rows.map((r) => ['', ...r])];
  if (long.length) all.push(['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值'], ...long.map((r) => ['', ...r]));
  return buildDoc('测试项目支出绩效目标表', all);
}

/** The texts of a code's findings, as `line:text`. */
function found(c: Checked, code: string): string[] {
  return c.problems
    .filter((p) => p.code === code)
    .map((p) => {
      const r = p.range;
      const text = r.start.line === r.end.line ? c.lines[r.start.line].slice(r.start.character, r.end.character) : '(multi-line)';
      return `${r.start.line + 1}:${text}`;
    });
}

describe('rules on the other families', () => {
  describe('the category framework each section follows (framework "auto", the default)', () => {
    const cost2015 = [
      ['产出指标', '数量指标', '培训人次', '≥100人次'],
      ['', '成本指标', '人均培训成本', '≤500元'],
      ['效益指标', '社会效益指标', '培训覆盖率', '≥90%'],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
    ];
    it('four of the six documents file 成本指标 under 产出指标: no TT402 there, nor a missing 成本 一级', () => {
      for (const f of [
        '01-huangshi-dangxiao-zhutiban.txt',
        '04-huaibei-wenlv-songxi.txt',
        '05-xiangtan-wupaoche-2024.txt',
        '07-qingshanqu-jiaoyu-jijian.txt',
      ]) {
        const c = doc(f);
        assert.ok(
          c.lines.some((l) => l.trim() === '成本指标'),
          `${f} has a 成本指标 cell`,
        );
        assert.deepStrictEqual(
          found(c, 'TT402').filter((x) => x.endsWith(':成本指标')),
          [],
          f,
        );
        for (const p of c.problems.filter((x) => x.code === 'TT407')) assert.ok(!p.message.zh.includes('成本指标'), `${f}: ${p.message.zh}`);
      }
    });
    it('TT409 says which framework was applied, once a section, on its first 成本指标 二级 cell; only under auto', () => {
      for (const [f, line] of [
        ['01-huangshi-dangxiao-zhutiban.txt', 133],
        ['04-huaibei-wenlv-songxi.txt', 81],
        ['05-xiangtan-wupaoche-2024.txt', 88],
        ['07-qingshanqu-jiaoyu-jijian.txt', 81],
      ] as const) {
        assert.deepStrictEqual(found(doc(f), 'TT409'), [`${line}:成本指标`], f);
        for (const framework of ['2015', '2021'] as const)
          assert.deepStrictEqual(found(check(readTemplate(f), { framework }), 'TT409'), [], `${f} ${framework}`);
      }
      assert.deepStrictEqual(found(doc('10-fuliang-linye-zhengti.txt'), 'TT409'), []);
      assert.strictEqual(sampleChecked().problems.filter((p) => p.code === 'TT409').length, 0, 'the sample follows 2021');
    });
    it('a project table of the 2015 way is checked by it; with framework "2021" its 成本指标 is reported', () => {
      const text = projectDoc('完成培训100人次', cost2015);
      assert.deepStrictEqual(found(check(text), 'TT402'), []);
      assert.deepStrictEqual(
        found(check(text, { framework: '2021' }), 'TT402').map((x) => x.split(':')[1]),
        ['成本指标'],
      );
    });
    it('a section that also has 成本指标 as a 一级 is read by the 2021 framework: the 二级 成本指标 is reported', () => {
      const text = projectDoc('完成培训100人次', [...cost2015, ['成本指标', '经济成本指标', '培训总成本', '≤5万元']]);
      assert.deepStrictEqual(
        found(check(text), 'TT402').map((x) => x.split(':')[1]),
        ['成本指标'],
      );
    });
    it('each section by its own tables: a 2015 project and a 2021 one in the same file', () => {
      const p2015 = projectDoc('完成培训100人次', cost2015);
      const p2021 = projectDoc('完成培训100人次', [
        ['产出指标', '数量指标', '培训人次', '≥100人次'],
        ['', '成本指标', '人均培训成本', '≤500元'],
        ['成本指标', '经济成本指标', '培训总成本', '≤5万元'],
      ]);
      const c = check(`${p2015}\n${p2021}`);
      assert.strictEqual(c.model.sections.length, 2);
      const hits = c.problems.filter((p) => p.code === 'TT402');
      assert.strictEqual(hits.length, 1);
      assert.ok(hits[0].range.start.line >= c.model.sections[1].startLine, 'the 2021 section’s');
    });
  });

  describe('TT407 required-level1-missing', () => {
    it('01: no 效益指标 at all, reported at the table header', () => {
      const p = expectHit(doc('01-huangshi-dangxiao-zhutiban.txt'), 'TT407', 28, '绩效指标');
      assert.ok(p.message.zh.includes('效益指标') && !p.message.zh.includes('满意度指标'));
      // 成本 is filed as a 二级 (the 2015 way): its 一级 is not asked for.
      assert.ok(!p.message.zh.includes('成本指标'));
    });
    it('05: satisfaction filed under 效益 leaves the table without 满意度指标', () => {
      const p = expectHit(doc('05-xiangtan-wupaoche-2024.txt'), 'TT407', 51, '年度绩效指标');
      assert.ok(p.message.zh.includes('满意度指标'));
    });
    it('13: no 满意度 indicator in the self-evaluation table', () => {
      const p = expectHit(doc('13-qingshen-fagai-gongzi-ziping.txt'), 'TT407', 92, '绩效指标(90分)');
      assert.ok(p.message.zh.includes('满意度指标'));
    });
    it('04 and 07 have every category', () => {
      assert.deepStrictEqual(codes(doc('04-huaibei-wenlv-songxi.txt'), 'TT407'), []);
      assert.deepStrictEqual(codes(doc('07-qingshanqu-jiaoyu-jijian.txt'), 'TT407'), []);
    });
    it('is not asked of §3 goal tables (the sample keeps its findings)', () => {
      const sample = check(readTemplate('../dongxihu-overall-targets.txt'));
      assert.deepStrictEqual(codes(sample, 'TT407'), []);
    });
  });

  describe('TT408 level2-without-indicator', () => {
    it('05: the three 二级 rows left unfilled, at their 二级 cell', () => {
      const c = doc('05-xiangtan-wupaoche-2024.txt');
      expectHit(c, 'TT408', 95, '经济效益指标');
      expectHit(c, 'TT408', 109, '生态效益指标');
      expectHit(c, 'TT408', 116, '可持续影响\n指标');
      assert.deepStrictEqual(codes(c, 'TT408'), [95, 109, 116]);
    });
    it('07: the 长期 block with no indicator at all is one finding, at its 二级 header', () => {
      const c = doc('07-qingshanqu-jiaoyu-jijian.txt');
      const p = expectHit(c, 'TT408', 54, '二级指标(长期)');
      assert.ok(p.message.zh.includes('长期'));
      assert.deepStrictEqual(codes(c, 'TT408'), [54]);
    });
  });

  describe('TT305 goal-figure-missing', () => {
    it('01: the goal says 6批次 where the indicator says 6次, and 220门 where it says 220: exactly these two, at the goal figure', () => {
      const c = doc('01-huangshi-dangxiao-zhutiban.txt');
      assert.deepStrictEqual(found(c, 'TT305'), ['26:6批次', '26:220门']);
      const [batches, courses] = c.problems.filter((p) => p.code === 'TT305');
      assert.deepStrictEqual(
        batches.related?.map((r) => r.range.start.line + 1),
        [64],
      );
      assert.deepStrictEqual(
        courses.related?.map((r) => r.range.start.line + 1),
        [80],
      );
      assert.ok(batches.message.zh.includes('6次') && batches.message.zh.includes('单位不一致'), batches.message.zh);
      assert.ok(courses.message.zh.includes('缺少单位「门」'), courses.message.zh);
      // 280人次 and 25人次 are in the indicators as they are in the goal.
      assert.ok(batches.message.en.length > 0 && /[\u4e00-\u9fff]/.test(batches.message.zh));
    });
    it('04: 70个行政村 in the goal is ≥70村 in the indicator (the noun’s last character); amounts per village are no figures', () => {
      assert.deepStrictEqual(found(doc('04-huaibei-wenlv-songxi.txt'), 'TT305'), []);
    });
    it('none in 05, 07, 10 and 13', () => {
      for (const f of SIX.slice(2)) assert.deepStrictEqual(found(doc(f), 'TT305'), [], f);
    });
    it('the sample’s goals (§3 overview) are not read by it', () => {
      assert.deepStrictEqual(found(sampleChecked(), 'TT305'), []);
    });
    it('a number no indicator has is not reported; the same unit, 人/名, and a measure word with its noun match', () => {
      const text = projectDoc('培训干部300人次，保障116名职工，建设5个村卫生室，开展8场宣讲，投入资金50万元。', [
        ['产出指标', '数量指标', '培训人次', '≥300人次'],
        ['', '', '保障人数', '116人'],
        ['', '', '卫生室数量', '5个'],
        ['', '成本指标', '项目成本', '50'],
      ]);
      assert.deepStrictEqual(found(check(text), 'TT305'), []);
    });
    it('another kind of quantity with the same number is a coincidence (3项 vs ≤3天, 100人次 vs 完成率 100)', () => {
      const text = projectDoc('完成3项改造，培训100人次。', [
        ['产出指标', '时效指标', '改造时限', '≤3天'],
        ['', '质量指标', '培训完成率', '100'],
      ]);
      assert.deepStrictEqual(found(check(text), 'TT305'), []);
    });
    it('a count in ten thousands of a noun (8.6万农村人口) matches a unit naming it (万人), not another one (万户)', () => {
      const goal = '保障8.6万农村人口饮水安全。';
      assert.deepStrictEqual(found(check(projectDoc(goal, [['效益指标', '社会效益指标', '受益人口', '≥8.6万人']])), 'TT305'), []);
      const c = check(projectDoc(goal, [['效益指标', '社会效益指标', '受益户数', '≥8.6万户']]));
      assert.strictEqual(found(c, 'TT305').length, 1);
      assert.match(found(c, 'TT305')[0], /:8\.6万农村人口/);
    });
    it('a unit in its own cell or in the 三级 name is the indicator’s unit', () => {
      const header = ['一级指标', '二级指标', '三级指标', '计算符号', '目标值', '度量单位'];
      const text = buildDoc('测试项目支出绩效目标表', [
        ['项目名称', '测试项目'],
        ['年度绩效目标', '保障在职职工116人，退休职工81人，完成投稿30篇。'],
        header,
        ['产出指标', '数量指标', '在职职工人数', '=', '116', '人'],
        ['', '', '保障退休职工人数(人)', '=', '81', ''],
        ['', '', '投稿数', '=', '30', '次'],
      ]);
      const c = check(text);
      const goalLine = c.lines.indexOf('\t保障在职职工116人，退休职工81人，完成投稿30篇。') + 1;
      assert.deepStrictEqual(found(c, 'TT305'), [`${goalLine}:30篇`]);
    });
    it('an annual goal is compared with the annual table only, a long-term goal with the long-term one', () => {
      const text = projectDoc('组织培训6批次。', [['产出指标', '数量指标', '培训批次', '≥6批次']], [['产出指标', '数量指标', '培训批次', '6次']]);
      assert.deepStrictEqual(found(check(text), 'TT305'), []);
      const mismatch = projectDoc('组织培训6批次。', [['产出指标', '数量指标', '培训批次', '6次']], [['产出指标', '数量指标', '培训批次', '≥6批次']]);
      assert.strictEqual(found(check(mismatch), 'TT305').length, 1);
    });
    it('figures of a goal text: years, dates, ordinals, ranges, amounts per unit and numbers without a unit are left out', () => {
      const figures = (t: string) => goalFigures(t).map((f) => `${t.slice(f.start, f.end)}|${f.lead}|${f.noun}`);
      assert.deepStrictEqual(figures('2024年1月-12月开展第3轮培训，2024通过采购完成1-2次演练，每村4400元，市级需配套704元/村。'), []);
      assert.deepStrictEqual(figures('1、完成(2)项目，3.5万人次；覆盖95%以上；１２０门课程'), ['3.5万人次|万人次|', '95%|%|', '１２０门课程|门|课程']);
      assert.deepStrictEqual(figures('按照任务70个行政村的需要，新建1,200平方米'), ['70个行政村|个|行政村', '1,200平方米|平方米|']);
    });
  });

  describe('TT503 template-instruction-left', () => {
    it('13: the instructions left in 年度目标完成情况 (26), 评价结论 (134), 存在问题 (137) and 改进措施 (140), at the instruction cell', () => {
      const c = doc('13-qingshen-fagai-gongzi-ziping.txt');
      assert.deepStrictEqual(codes(c, 'TT503'), [26, 134, 137, 140]);
      expectHit(c, 'TT503', 26, '对照年度目标,说明相关任务目标的完成情况(100字以内)');
      expectHit(c, 'TT503', 137, '结合自评情况,分析存在的问题及原因。(200字以内)');
      // The budget block's note only mentions a limit on its way: it is the template's own text.
      expectNone(c, 'TT503', 50);
    });
    it('none in the other five documents, nor in the sample', () => {
      for (const f of SIX.slice(0, 5)) assert.deepStrictEqual(codes(doc(f), 'TT503'), [], f);
      assert.deepStrictEqual(codes(sampleChecked(), 'TT503'), []);
    });
    it('placeholders: `≥**个`, `(**%)`, a row of `……`; not a masked name or phone', () => {
      const text = projectDoc(
        '完成年度培训任务，保障工作正常开展。',
        [
          ['产出指标', '数量指标', '培训场次', '(≥**个 )'],
          ['', '质量指标', '培训合格率', '**%'],
          ['', '', '……', '……'],
        ],
        [],
        [
          ['联系人', '王**'],
          ['联系电话', '138****1234'],
        ],
      );
      const c = check(text);
      assert.deepStrictEqual(found(c, 'TT503'), [
        `${c.lines.indexOf('\t(≥**个 )') + 1}:(≥**个 )`,
        `${c.lines.indexOf('\t**%') + 1}:**%`,
        `${c.lines.indexOf('\t……') + 1}:(multi-line)`,
      ]);
    });
    it('a length limit in full-width brackets, after 。 or before it; content that merely ends in a bracket is fine', () => {
      const text = projectDoc(
        '完成年度培训任务，保障工作正常开展。',
        [['产出指标', '数量指标', '培训场次', '≥10场']],
        [],
        [
          ['项目概况', '简述项目的主要内容。（300字以内）'],
          ['项目实施内容', '说明项目的实施过程(200字以内)。'],
          ['项目来源', '区委区政府部署(2023年)'],
        ],
      );
      assert.deepStrictEqual(codes(check(text), 'TT503').length, 2);
    });
  });

  describe('existing rules on the new tables', () => {
    it('TT101: the figures with no unit (01 220, 05 10 and 180, 07 2)', () => {
      expectHit(doc('01-huangshi-dangxiao-zhutiban.txt'), 'TT101', 80, '220');
      expectHit(doc('05-xiangtan-wupaoche-2024.txt'), 'TT101', 62, '10');
      expectHit(doc('05-xiangtan-wupaoche-2024.txt'), 'TT101', 83, '180');
      expectHit(doc('07-qingshanqu-jiaoyu-jijian.txt'), 'TT101', 67, '2');
    });
    it('TT402: satisfaction filed under 效益 (05 @122)', () => {
      const p = expectHit(doc('05-xiangtan-wupaoche-2024.txt'), 'TT402', 124, '服务对象满意度指标');
      assert.ok(p.message.zh.includes('满意度指标'));
    });
    it('TT405 does not ask for a basis where the table has no basis column', () => {
      for (const f of ['04-huaibei-wenlv-songxi.txt', '07-qingshanqu-jiaoyu-jijian.txt']) assert.deepStrictEqual(codes(doc(f), 'TT405'), [], f);
    });
    it('qualitative and yes/no values are not missing a unit (04)', () => {
      const c = doc('04-huaibei-wenlv-songxi.txt');
      for (const line of [89, 95, 101, 107, 77]) expectNone(c, 'TT101', line);
    });
  });

  describe('TT306 goal-repeats-duties, TT504 empty-column, TT505 cut-short-label', () => {
    it('TT306: 10’s 年度绩效总目标 is its 部门职能职责概述 word for word', () => {
      const c = doc('10-fuliang-linye-zhengti.txt');
      const p = expectHit(c, 'TT306', 22, '保证林业局职能实现,保障人员经费。');
      assert.strictEqual(p.related?.[0].range.start.line, 16);
      for (const f of SIX.filter((x) => !x.startsWith('10'))) assert.deepStrictEqual(codes(doc(f), 'TT306'), [], f);
    });
    it('TT504: 01’s 2021年实际实现值 and 指标标准或依据 columns are empty in all 13 rows, reported once at their header', () => {
      const c = doc('01-huangshi-dangxiao-zhutiban.txt');
      expectHit(c, 'TT504', 39, '2021年实际实现值');
      expectHit(c, 'TT504', 33, '指标标准或依据');
      assert.deepStrictEqual(codes(c, 'TT504').sort(), [33, 39]);
      // 10's unlabelled 8th column is empty too, but has no label to name: not reported; 13's 完成值 is TT604's.
      assert.deepStrictEqual(codes(doc('10-fuliang-linye-zhengti.txt'), 'TT504'), []);
      assert.deepStrictEqual(codes(doc('13-qingshen-fagai-gongzi-ziping.txt'), 'TT504'), []);
    });
    it('TT505: 04’s cut labels 年度, 绩 and 一级, and nothing where labels are whole', () => {
      const c = doc('04-huaibei-wenlv-songxi.txt');
      expectHit(c, 'TT505', 52, '年度');
      expectHit(c, 'TT505', 55, '绩');
      expectHit(c, 'TT505', 56, '一级');
      assert.deepStrictEqual(codes(c, 'TT505').sort(), [52, 55, 56]);
      for (const f of SIX.filter((x) => !x.startsWith('04'))) assert.deepStrictEqual(codes(doc(f), 'TT505'), [], f);
    });
    it('none of them on the sample (§3 layout)', () => {
      const sample = check(readTemplate('../dongxihu-overall-targets.txt'));
      for (const code of ['TT306', 'TT504', 'TT505']) assert.deepStrictEqual(codes(sample, code), [], code);
    });
  });

  it('TT103 on percent signs on two paragraphs of a cell reports without a fix (replacing them would join the lines)', () => {
    const c = check(readTemplate('07-qingshanqu-jiaoyu-jijian.txt').replace('\t≥90%\n', '\t≥90%\n%%\n'));
    const ps = c.problems.filter((p) => p.code === 'TT103');
    assert.strictEqual(ps.length, 1);
    assert.deepStrictEqual([ps[0].range.start.line, ps[0].range.end.line], [114, 115]);
    assert.strictEqual(ps[0].fix, undefined);
  });

  it('no TT502 in any of the six documents: fields, goals, footers and notes are not stray', () => {
    for (const f of SIX) assert.deepStrictEqual(codes(doc(f), 'TT502'), [], f);
  });
});
