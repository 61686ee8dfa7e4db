import * as assert from 'node:assert';
import { buildDoc, check, expectHit, expectNone, LONG_HEADER, ANNUAL_HEADER, ANNUAL_SUB, sampleChecked } from './helpers';

/** A document with the given overview goals and table headers (one data row per table). */
function goalsDoc(goals: [string, string][], longTables: [string, string][], annualTables: [string, string][]): string {
  const rows: string[][] = [['单位：万元'], ['整体绩效总目标', '长期目标（截至2028年）', '年度目标']];
  for (const [l, a] of goals) rows.push(['', l, a]);
  for (const [h, t] of longTables) rows.push([h, t], LONG_HEADER, ['', '产出指标', '数量指标', '宣讲', '≥2场', '计划']);
  for (const [h, t] of annualTables) rows.push([h, t], ANNUAL_HEADER, ANNUAL_SUB, ['', '产出指标', '数量指标', '宣讲', '2场', '2场', '≥2场', '计划']);
  return buildDoc('武汉市东西湖区测试局整体支出绩效目标表', rows);
}

const codes = (text: string, code: string) => check(text).problems.filter((p) => p.code === code);

describe('rules: goals (TT301–TT304)', () => {
  const s = () => sampleChecked();

  describe('TT301 goal-without-table', () => {
    it('reports 水务和湖泊局 annual goal 3, which has no 年度目标3 table', () => {
      const p = expectHit(s(), 'TT301', 22048, '目标3.');
      assert.ok(p.message.zh.includes('年度目标3'));
      // its long-term goal 3 has a table
      assert.strictEqual(s().problems.filter((x) => x.code === 'TT301').length, 1);
    });
    it('matches by position when numbers are missing', () => {
      const text = goalsDoc([['甲目标', '乙目标']], [['长期目标：', '甲目标']], [['年度目标：', '乙目标']]);
      assert.deepStrictEqual(
        check(text).problems.map((p) => p.code),
        [],
      );
    });
  });

  describe('TT302 table-without-goal', () => {
    it('reports 科学技术协会 tables 2 and 3 (the overview has one un-numbered goal per column)', () => {
      expectHit(s(), 'TT302', 12732, '长期目标2:');
      expectHit(s(), 'TT302', 12792, '长期目标 3：');
      expectNone(s(), 'TT302', 12582);
    });
    it('司法局 (goal 9 twice, tables 1…10): the second 9 pairs with table 10 by position', () => {
      expectNone(s(), 'TT302', 17678);
      expectNone(s(), 'TT301', 17143);
    });
  });

  describe('TT303 goal-number', () => {
    it('reports 目标9 twice in 司法局 with related info to the first', () => {
      const p = expectHit(s(), 'TT303', 17143, '目标9：');
      assert.ok(p.related && p.related.length === 1);
    });
    it('reports gaps, un-numbered goals among numbered ones and duplicated table numbers', () => {
      const text = goalsDoc(
        [
          ['目标1：甲', '目标1：甲'],
          ['目标3：乙', '乙'],
          ['目标3：丙', '目标2：丙'],
        ],
        [
          ['长期目标1：', '甲'],
          ['长期目标2：', '乙'],
          ['长期目标2：', '丙'],
        ],
        [
          ['年度目标1：', '甲'],
          ['年度目标2：', '乙'],
          ['年度目标3：', '丙'],
        ],
      );
      const ps = codes(text, 'TT303');
      const msgs = ps.map((p) => p.message.en);
      assert.ok(
        msgs.some((m) => m.includes('skips')),
        msgs.join('\n'),
      );
      assert.ok(
        msgs.some((m) => m.includes('no number')),
        msgs.join('\n'),
      );
      assert.ok(msgs.filter((m) => m.includes('twice')).length === 2, msgs.join('\n'));
    });
    it('leaves a single un-numbered goal alone (老年大学)', () => {
      const text = goalsDoc([['甲', '乙']], [['长期目标：', '甲']], [['年度目标：', '乙']]);
      assert.deepStrictEqual(codes(text, 'TT303'), []);
    });
  });

  describe('TT304 goal-text-mismatch', () => {
    it('reports a table whose goal text differs, quoting the overview', () => {
      const p = expectHit(s(), 'TT304', 1323, '保障党建活动顺利开展');
      assert.ok(p.message.zh.includes('保障区委办机关党支部活动正常开展'));
      assert.ok(p.related && p.related.length === 1);
    });
    it('ignores punctuation, width, spacing and list numbering', () => {
      expectNone(s(), 'TT304', 24046);
      const text = goalsDoc([['目标1：做好A工作；提高B 水平。', '目标1：甲']], [['长期目标1：', '做好Ａ工作;提高B水平']], [['年度目标1：', '甲']]);
      assert.deepStrictEqual(codes(text, 'TT304'), []);
    });
  });
});
