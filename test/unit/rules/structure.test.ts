import * as assert from 'node:assert';
import { RULES } from '../../../server/src/core/rules';
import { LONG_HEADER, applyEdits, buildDoc, check, expectHit, sampleChecked } from './helpers';

describe('rules: structure (TT501–TT502) and the registry', () => {
  const s = () => sampleChecked();

  describe('TT501 unexpected-width', () => {
    it('reports the spare empty cell after 机房设备运行正常率', () => {
      const p = expectHit(s(), 'TT501', 9796, '\t');
      assert.ok(p.message.zh.includes('空单元格'));
    });
    it('reports a row the parser could not place', () => {
      const text = buildDoc('武汉市东西湖区测试局整体支出绩效目标表', [
        ['单位：万元'],
        ['整体绩效总目标', '长期目标（截至2028年）', '年度目标'],
        ['', '目标1：甲', '目标1：乙'],
        ['长期目标1：', '甲'],
        LONG_HEADER,
        ['', '产出指标', '数量指标', '宣讲', '≥2场', '计划'],
        ['', '产出指标', '数量指标', '宣讲', '≥2场', '计划', '多', '余'],
      ]);
      const ps = check(text).problems.filter((p) => p.code === 'TT501');
      assert.strictEqual(ps.length, 1);
      assert.ok(ps[0].message.zh.includes('8') && ps[0].message.zh.includes('6'));
    });
  });

  describe('TT502 stray-content', () => {
    it('reports text the parser could not place', () => {
      const text = buildDoc('武汉市东西湖区测试局整体支出绩效目标表', [
        ['单位：万元'],
        ['这是一段无法归类的说明文字'],
        ['整体绩效总目标', '长期目标（截至2028年）', '年度目标'],
        ['', '目标1：甲', '目标1：乙'],
        ['长期目标1：', '甲'],
        LONG_HEADER,
        ['', '产出指标', '数量指标', '宣讲', '≥2场', '计划'],
      ]);
      const c = check(text);
      const ps = c.problems.filter((p) => p.code === 'TT502');
      assert.strictEqual(ps.length, 1);
      assert.strictEqual(c.lines[ps[0].range.start.line].trim(), '这是一段无法归类的说明文字');
    });
    it('finds nothing stray in the sample', () => {
      assert.deepStrictEqual(
        s().problems.filter((p) => p.code === 'TT502'),
        [],
      );
    });
  });

  describe('registry', () => {
    it('lists every rule once, in code order, with bilingual descriptions', () => {
      const codes = RULES.map((r) => r.code);
      assert.deepStrictEqual(codes, [...codes].sort());
      assert.strictEqual(new Set(codes).size, codes.length);
      for (const r of RULES) {
        assert.match(r.code, /^TT\d{3}$/);
        assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(r.description.zh && r.description.en, r.code);
      }
    });
    it('every problem on the sample is bilingual and every fix edit lies inside the document', () => {
      const c = s();
      for (const p of c.problems) {
        assert.ok(p.message.zh && p.message.en, p.code);
        for (const e of p.fix?.edits ?? []) assert.ok(e.range.end.line < c.lines.length);
      }
    });
    it('fix-all over the whole sample converges: a second pass has no safe fix left', () => {
      const c = s();
      const edits = c.problems.filter((p) => p.fix?.safe).flatMap((p) => p.fix!.edits);
      assert.ok(edits.length > 0);
      const once = applyEdits(c.text, edits);
      const again = check(once);
      assert.deepStrictEqual(
        again.problems.filter((p) => p.fix?.safe).map((p) => `${p.code}@${p.range.start.line + 1}`),
        [],
      );
    });
  });
});
