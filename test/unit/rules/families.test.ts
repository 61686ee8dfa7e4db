/**
 * The rules on the other families (docs/format.md §7.6), on the six template documents: what
 * their EXPECTED.md lists as defects is reported at the right place, and nothing lands on a
 * table cell as stray.
 */
import * as assert from 'node:assert';
import { readTemplate } from '../../helpers/export-rows';
import { check, expectHit, expectNone, type Checked } from './helpers';

const checked = new Map<string, Checked>();
function doc(file: string): Checked {
  let c = checked.get(file);
  if (!c) checked.set(file, (c = check(readTemplate(file))));
  return c;
}
const codes = (c: Checked, code: string) => c.problems.filter((p) => p.code === code).map((p) => p.range.start.line + 1);

describe('rules on the other families', () => {
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

  it('no TT502 in any of the six documents: fields, goals, footers and notes are not stray', () => {
    for (const f of [
      '01-huangshi-dangxiao-zhutiban.txt',
      '04-huaibei-wenlv-songxi.txt',
      '05-xiangtan-wupaoche-2024.txt',
      '07-qingshanqu-jiaoyu-jijian.txt',
      '10-fuliang-linye-zhengti.txt',
      '13-qingshen-fagai-gongzi-ziping.txt',
    ])
      assert.deepStrictEqual(codes(doc(f), 'TT502'), [], f);
  });
});
