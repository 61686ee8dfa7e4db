import * as assert from 'node:assert';
import { applyEdits, check, expectHit, expectNone, fixAll, lineOf, miniDoc, sampleChecked } from './helpers';

describe('rules: comparators (TT201–TT206)', () => {
  const s = () => sampleChecked();

  describe('TT201 nonstandard-comparator', () => {
    it('reports ≦ in 行政复议决定被撤销率 ≦5% with a safe fix to ≤', () => {
      const p = expectHit(s(), 'TT201', 17483, '≦');
      assert.deepStrictEqual(
        p.fix?.edits.map((e) => e.newText),
        ['≤'],
      );
      assert.strictEqual(p.fix?.safe, true);
    });
    it('reports 《 before a digit (《16万元 means ≤16万元)', () => {
      const p = expectHit(s(), 'TT201', 30458, '《');
      assert.strictEqual(p.fix?.edits[0].newText, '≤');
    });
    it('never touches the book title 《东西湖区人民政府公报》', () => {
      for (const l of [1750, 1958]) {
        assert.strictEqual(s().lines[l - 1].trim(), '《东西湖区人民政府公报》编辑印发期数');
        assert.deepStrictEqual(
          s().problems.filter((p) => p.range.start.line === l - 1),
          [],
        );
      }
    });
    it('replaces exactly the two characters of >= and <= with ≥ and ≤ (a safe fix)', () => {
      const c = check(
        miniDoc(
          [
            ['产出指标', '质量指标', '处理率', '>=95%', '计划'],
            ['产出指标', '时效指标', '故障响应时间', '<=24小时', '计划'],
          ],
          [],
        ),
      );
      for (const [value, sym, normalized] of [
        ['>=95%', '>=', '≥'],
        ['<=24小时', '<=', '≤'],
      ]) {
        const line = lineOf(c, value);
        const p = expectHit(c, 'TT201', line, sym);
        assert.strictEqual(p.fix?.safe, true);
        assert.strictEqual(p.fix?.edits.length, 1);
        const e = p.fix!.edits[0];
        assert.deepStrictEqual(e.range, { start: { line: line - 1, character: 1 }, end: { line: line - 1, character: 3 } });
        assert.strictEqual(e.newText, normalized);
        const fixed = applyEdits(c.text, [e]).split('\n');
        assert.strictEqual(fixed[line - 1], `\t${normalized}${value.slice(2)}`);
        assert.deepStrictEqual(
          fixed.filter((_, i) => i !== line - 1),
          c.lines.filter((_, i) => i !== line - 1),
          'no other line changes',
        );
      }
    });
    it('fix-all rewrites ≧ ＞ 《 》 once and is idempotent', () => {
      const text = miniDoc(
        [
          ['产出指标', '数量指标', '宣讲', '≧20场', '计划'],
          ['产出指标', '质量指标', '处理率', '＞90%', '计划'],
          ['成本指标', '经济成本指标', '培训', '《16万元', '预算'],
          ['产出指标', '数量指标', '《东西湖区人民政府公报》编辑印发期数', '》10期', '计划'],
        ],
        [],
      );
      const once = fixAll(text);
      for (const v of ['≥20场', '>90%', '≤16万元', '≥10期']) assert.ok(once.includes(`\t${v}\n`), v);
      assert.ok(once.includes('\t《东西湖区人民政府公报》编辑印发期数\n'));
      assert.strictEqual(fixAll(once), once);
    });
  });

  describe('TT202 comparator-direction', () => {
    it('reports ≥24小时 for a response time', () => {
      const p = expectHit(s(), 'TT202', 315, '≥');
      assert.ok(p.message.zh.includes('故障修复响应时间'));
      assert.strictEqual(p.fix?.safe, false);
    });
    it('reports ≤95% satisfaction, ≤100% completion rate and ≥1次 as a cost', () => {
      expectHit(s(), 'TT202', 8272, '≤');
      expectHit(s(), 'TT202', 8257, '≤');
      expectHit(s(), 'TT202', 3532, '≥');
      expectHit(s(), 'TT202', 3894, '≥');
    });
    it('leaves 撤销率 ≦5%, 设备运转无故障率 ≥98% and 专家坐诊天数 ≥260天/年 alone', () => {
      expectNone(s(), 'TT202', 17483);
      expectNone(s(), 'TT202', 25278);
      expectNone(s(), 'TT202', lineOf(s(), '≥260天/年'));
    });
    it('reads 以上/以内 qualifiers', () => {
      const c = check(
        miniDoc(
          [
            ['产出指标', '时效指标', '投诉处置时限', '24小时以上', '计划'],
            ['产出指标', '时效指标', '故障响应时间', '24小时以内', '计划'],
          ],
          [],
        ),
      );
      const ps = c.problems.filter((p) => p.code === 'TT202');
      assert.strictEqual(ps.length, 1);
      assert.strictEqual(c.lines[ps[0].range.start.line].slice(ps[0].range.start.character, ps[0].range.end.character), '以上');
    });
  });

  describe('TT203 inconsistent-direction', () => {
    it('reports an annual target pointing the other way from the long-term one, with related info', () => {
      const text = miniDoc([['产出指标', '质量指标', '设备完好率', '≥95%', '计划']], [['产出指标', '质量指标', '设备完好率', '95%', '96%', '≤95%', '计划']]);
      const c = check(text);
      const ps = c.problems.filter((p) => p.code === 'TT203');
      assert.strictEqual(ps.length, 1);
      assert.strictEqual(c.lines[ps[0].range.start.line].trim(), '≤95%');
      assert.strictEqual(c.lines[ps[0].related![0].range.start.line].trim(), '≥95%');
      assert.ok(ps[0].message.zh && ps[0].message.en);
    });
    it('leaves the same name under another 一级 alone (零工驿站维护: a cost ≤80 and a count ≥4)', () => {
      assert.deepStrictEqual(
        s().problems.filter((p) => p.code === 'TT203'),
        [],
      );
    });
  });

  describe('TT204 comparator-in-actual', () => {
    it('reports ≥ in a 前年 actual (干部管理 ≥1次) but not in the target', () => {
      const p = expectHit(s(), 'TT204', 3892, '≥');
      assert.strictEqual(p.fix?.safe, false);
      expectHit(s(), 'TT204', 3893, '≥');
      expectNone(s(), 'TT204', 3894);
    });
    it('quick fix removes the comparator', () => {
      const text = miniDoc([], [['产出指标', '数量指标', '宣讲', '≥3次', '4次', '≥5次', '计划']]);
      const c = check(text);
      const p = c.problems.find((x) => x.code === 'TT204')!;
      const fixed = applyEdits(text, p.fix!.edits);
      assert.ok(fixed.includes('\t3次\n\t4次\n\t≥5次\n'));
      assert.deepStrictEqual(
        check(fixed).problems.filter((x) => x.code === 'TT204'),
        [],
      );
    });
  });

  describe('TT205 over-100-percent', () => {
    it('reports ≥100% (反映档案开放率)', () => {
      const p = expectHit(s(), 'TT205', 2379, '≥100%');
      assert.strictEqual(p.fix?.safe, false);
    });
    it('leaves ≥90% and growth rates alone', () => {
      expectNone(s(), 'TT205', 2351);
      const c = check(
        miniDoc(
          [
            ['效益指标', '经济效益指标', '营收同比增长率', '≥100%', '计划'],
            ['产出指标', '质量指标', '覆盖率', '>100%', '计划'],
          ],
          [],
        ),
      );
      const ps = c.problems.filter((p) => p.code === 'TT205');
      assert.strictEqual(ps.length, 1);
      assert.strictEqual(ps[0].fix, undefined);
    });
  });

  describe('TT206 satisfaction-below-minimum', () => {
    it('reports ≥65% satisfaction', () => {
      expectHit(s(), 'TT206', 7266, '65%');
    });
    it('honours settings.minSatisfaction and leaves ≥90% alone', () => {
      assert.strictEqual(s().lines[102].trim(), '≥90%');
      expectNone(s(), 'TT206', 103);
      const text = miniDoc([['满意度指标', '服务对象满意度指标', '群众满意度', '≥80%', '调查']], []);
      assert.strictEqual(check(text).problems.filter((p) => p.code === 'TT206').length, 1);
      assert.strictEqual(check(text, { minSatisfaction: 80 }).problems.filter((p) => p.code === 'TT206').length, 0);
    });
  });

  describe('TT207 comparator-before-range', () => {
    const MESSAGE = '比较符号后跟着范围（≥1-2次），含义不明确：请写成一个下限（≥1次）或一个范围（1-2次）';
    it('reports the two ≥1-2次 of the sample (开展政策咨询等, long and annual), with no fix', () => {
      for (const line of [4999, 6133]) {
        assert.strictEqual(s().lines[line - 1].trim(), '≥1-2次');
        const p = expectHit(s(), 'TT207', line, '≥1-2次');
        assert.strictEqual(p.message.zh, MESSAGE);
        assert.strictEqual(p.message.en, 'A comparator before a range (≥1-2次) is ambiguous: write a lower bound (≥1次) or a range (1-2次)');
        assert.strictEqual(p.fix, undefined);
        assert.strictEqual(p.severity, 'warning');
      }
      assert.strictEqual(s().problems.filter((p) => p.code === 'TT207').length, 2);
    });
    it('reports a comparator before a range in any slot and spelling, and nothing like it', () => {
      const c = check(
        miniDoc(
          [
            ['产出指标', '数量指标', '开展培训', '≧80%-90%', '计划'],
            ['产出指标', '数量指标', '开展宣讲', '不少于3～5场', '计划'],
            ['产出指标', '数量指标', '开展咨询', '1-2次', '计划'],
            ['产出指标', '数量指标', '开展巡查', '≥1次', '计划'],
            ['产出指标', '时效指标', '完成时间', '≤2025年6月', '计划'],
            ['产出指标', '数量指标', '开展活动', '1-2次以上', '计划'],
            ['产出指标', '数量指标', '举办讲座', '区级≥50场，市级≥7场', '计划'],
          ],
          [['产出指标', '数量指标', '开展政策咨询', '≥1-2次', '2次', '≥2次', '计划']],
        ),
      );
      const hits = c.problems.filter((p) => p.code === 'TT207');
      assert.deepStrictEqual(
        hits.map((p) => c.lines[p.range.start.line].slice(p.range.start.character, p.range.end.character)),
        ['≧80%-90%', '不少于3～5场', '≥1-2次'],
      );
      assert.strictEqual(hits[0].message.zh, '比较符号后跟着范围（≧80%-90%），含义不明确：请写成一个下限（≧80%）或一个范围（80%-90%）');
      assert.strictEqual(hits[1].message.zh, '比较符号后跟着范围（不少于3～5场），含义不明确：请写成一个下限（不少于3场）或一个范围（3～5场）');
      // ≧ is non-standard too: TT201 still reports it, with its fix on the one character.
      const lineOf80 = lineOf(c, '≧80%-90%');
      expectHit(c, 'TT201', lineOf80, '≧');
    });
  });
});
