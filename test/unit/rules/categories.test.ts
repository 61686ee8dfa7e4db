import * as assert from 'node:assert';
import { check, expectHit, expectNone, fixAll, miniDoc, sampleChecked } from './helpers';

const codes = (text: string, code: string, settings = {}) => check(text, settings).problems.filter((p) => p.code === code);

describe('rules: categories (TT401–TT406)', () => {
  const s = () => sampleChecked();

  describe('TT401 unknown-level1', () => {
    it('reports 社会效益 used as a 一级', () => {
      const p = expectHit(s(), 'TT401', 7308, '社会效益');
      assert.ok(p.message.zh.includes('效益指标'));
      assert.strictEqual(s().problems.filter((x) => x.code === 'TT401').length, 1, 'reported once, not on every merged row');
    });
    it('accepts 满意度 without its 指标 suffix', () => {
      assert.strictEqual(s().lines[12725].trim(), '满意度');
      expectNone(s(), 'TT401', 12726);
    });
    it('follows the framework setting: 成本指标 is no 一级 in 2015', () => {
      const text = miniDoc([['成本指标', '经济成本指标', '培训', '≤10', '预算']], []);
      assert.strictEqual(codes(text, 'TT401').length, 0);
      assert.strictEqual(codes(text, 'TT401', { framework: '2015' }).length, 1);
      assert.strictEqual(codes(miniDoc([['产出指标', '成本指标', '培训', '≤10', '预算']], []), 'TT402', { framework: '2015' }).length, 0);
    });
  });

  describe('TT402 level2-mismatch', () => {
    it('reports 时效指标 under 效益指标 and 经济成本指标 under 产出指标', () => {
      const p = expectHit(s(), 'TT402', 2249, '时效指标');
      assert.ok(p.message.zh.includes('产出指标'));
      expectHit(s(), 'TT402', 7756, '经济成本指标');
    });
    it('accepts harmless variants: 经济成本 (no suffix), 宣传对象满意度指标', () => {
      expectNone(s(), 'TT402', 1218);
      expectNone(s(), 'TT402', 30387);
    });
    it('reports once per merged cell, not on inheriting rows', () => {
      const text = miniDoc(
        [
          ['效益指标', '时效指标', '甲', '≥1次', '计划'],
          ['', '', '乙', '≥2次', '计划'],
        ],
        [],
      );
      assert.strictEqual(codes(text, 'TT402').length, 1);
    });
  });

  describe('TT403 level2-suffix', () => {
    it('reports 经济成本 (→ 经济成本指标) with a safe fix', () => {
      const p = expectHit(s(), 'TT403', 1218, '经济成本');
      assert.strictEqual(p.fix?.safe, true);
      assert.strictEqual(p.fix?.edits[0].newText, '指标');
    });
    it('leaves labels that are not 二级 names without the suffix alone (经济指标)', () => {
      expectNone(s(), 'TT403', 31089);
      expectHit(s(), 'TT402', 31089, '经济指标');
    });
    it('fix is idempotent', () => {
      const text = miniDoc(
        [
          ['成本指标', '经济成本', '培训', '≤10', '预算'],
          ['满意度指标', '服务对象满意度', '群众满意度', '≥90%', '调查'],
        ],
        [],
      );
      const once = fixAll(text);
      assert.ok(once.includes('\t经济成本指标\n') && once.includes('\t服务对象满意度指标\n'));
      assert.strictEqual(fixAll(once), once);
      assert.deepStrictEqual(check(once).problems, []);
    });
  });

  describe('TT404 level1-without-level2', () => {
    it('reports 效益指标 with no 二级 (反映档案开放率)', () => {
      expectHit(s(), 'TT404', 2376, '效益指标');
    });
    it('leaves rows that inherit both from a merged cell alone', () => {
      const text = miniDoc(
        [
          ['产出指标', '数量指标', '甲', '≥1次', '计划'],
          ['', '', '乙', '≥2次', '计划'],
        ],
        [],
      );
      assert.deepStrictEqual(codes(text, 'TT404'), []);
    });
  });

  describe('TT405 empty-value', () => {
    it('reports an empty target (党员年度受训人次)', () => {
      const p = expectHit(s(), 'TT405', 2395, '党员年度受训人次');
      assert.ok(p.message.zh.includes('指标值为空'));
    });
    it('reports an empty basis, and not a placeholder target', () => {
      const text = miniDoc(
        [
          ['产出指标', '数量指标', '甲', '≥1次', ''],
          ['产出指标', '数量指标', '乙', '—', '计划'],
        ],
        [],
      );
      const ps = codes(text, 'TT405');
      assert.strictEqual(ps.length, 1);
      assert.ok(ps[0].message.zh.includes('依据'));
    });
  });

  describe('TT406 duplicate-indicator', () => {
    it('reports 配套道路 twice in one table with related info', () => {
      const p = expectHit(s(), 'TT406', 26007, '配套道路');
      assert.strictEqual(p.related?.[0].range.start.line, 25993 - 1);
    });
    it('leaves the same name under another 一级 alone (a cost and a count)', () => {
      const text = miniDoc(
        [
          ['成本指标', '经济成本指标', '党建活动', '≤1', '预算'],
          ['产出指标', '数量指标', '党建活动', '≥2次', '计划'],
        ],
        [],
      );
      assert.deepStrictEqual(codes(text, 'TT406'), []);
    });
  });
});
