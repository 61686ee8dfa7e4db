import * as assert from 'node:assert';
import { applyEdits, check, expectHit, expectNone, fixAll, lineOf, miniDoc, sampleChecked } from './helpers';

describe('rules: units (TT101–TT106)', () => {
  const s = () => sampleChecked();

  it('mini fixture parses into one long and one annual table', () => {
    const c = check(miniDoc([['产出指标', '数量指标', '开展宣讲', '≥20场', '计划']], [['产出指标', '数量指标', '开展宣讲', '18场', '19场', '≥20场', '计划']]));
    const body = c.model.sections[c.model.sections.length - 1].body;
    assert.strictEqual(body.tables.length, 2);
    assert.strictEqual(body.tables[1].rows[0].target.raw, '≥20场');
    assert.deepStrictEqual(
      c.problems.map((p) => p.code),
      [],
    );
  });

  describe('TT101 missing-unit', () => {
    it('reports a count without unit (巾帼大宣讲场次 ≥20)', () => {
      const p = expectHit(s(), 'TT101', 8243, '20');
      assert.ok(p.message.zh.includes('巾帼大宣讲场次'));
    });
    it('leaves cost figures (涉密项目 ≤60 under 成本指标) and names carrying the unit (…/亿元) alone', () => {
      expectNone(s(), 'TT101', lineOf(s(), '≤60'));
      const l = lineOf(s(), '每年社零额完成值/亿元');
      expectNone(s(), 'TT101', l + 1);
      assert.strictEqual(s().lines[l].trim(), '≥500');
    });
    it('leaves zero and rates ≤ 1 (TT102) alone', () => {
      const c = check(
        miniDoc(
          [
            ['产出指标', '数量指标', '安全事故', '0', '计划'],
            ['产出指标', '质量指标', '验收合格率', '1', '计划'],
          ],
          [],
        ),
      );
      assert.deepStrictEqual(
        c.problems.filter((p) => p.code === 'TT101'),
        [],
      );
      assert.strictEqual(c.problems.filter((p) => p.code === 'TT102').length, 1);
    });
  });

  describe('TT102 rate-as-fraction', () => {
    it('reports 调解纠纷成功率 0.98 with a quick fix to 98%', () => {
      const p = expectHit(s(), 'TT102', 17355, '0.98');
      assert.strictEqual(p.fix?.safe, false);
      assert.strictEqual(p.fix?.edits[0].newText, '98%');
    });
    it('leaves a count written 1 (举办人才培训次数) to TT101', () => {
      expectHit(s(), 'TT102', 6445, '1');
      expectNone(s(), 'TT102', 3613);
      expectHit(s(), 'TT101', 3613, '1');
    });
    it('quick fix keeps the comparator and is idempotent', () => {
      const text = miniDoc([['满意度指标', '服务对象满意度指标', '群众满意度', '≥0.9', '调查']], []);
      const c = check(text);
      const p = c.problems.find((x) => x.code === 'TT102')!;
      const fixed = applyEdits(text, p.fix!.edits);
      assert.ok(fixed.includes('\t≥90%\n'));
      assert.deepStrictEqual(
        check(fixed).problems.filter((x) => x.code === 'TT102'),
        [],
      );
    });
  });

  describe('TT103 double-percent', () => {
    it('reports 100%% and fixes it to 100%', () => {
      const p = expectHit(s(), 'TT103', 20276, '%%');
      assert.strictEqual(p.fix?.safe, true);
      expectNone(s(), 'TT103', 20275);
    });
    it('safe fix is idempotent', () => {
      const text = miniDoc([['产出指标', '质量指标', '准确率', '100%%', '计划']], []);
      const once = fixAll(text);
      assert.ok(once.includes('\t100%\n') && !once.includes('%%'));
      assert.strictEqual(fixAll(once), once);
    });
  });

  describe('TT104 bare-wan', () => {
    it('reports 设施设备维护运行 100万 (cost) with a safe fix to 万元', () => {
      const p = expectHit(s(), 'TT104', 11180, '万');
      assert.strictEqual(p.fix?.safe, true);
      assert.strictEqual(p.fix?.edits[0].newText, '万元');
    });
    it('reports 宣传材料份数 ≥10万 without a fix (the noun is unknown), leaves 万人次 alone', () => {
      const p = expectHit(s(), 'TT104', 13301, '万');
      assert.strictEqual(p.fix, undefined);
      expectNone(s(), 'TT104', lineOf(s(), '≥8万人次'));
    });
    it('fix is idempotent', () => {
      const text = miniDoc([['成本指标', '经济成本指标', '设备维护', '≤100万', '预算']], []);
      const once = fixAll(text);
      assert.ok(once.includes('\t≤100万元\n'));
      assert.strictEqual(fixAll(once), once);
    });
  });

  describe('TT105 full-width-digits', () => {
    it('reports １项 and fixes it to 1项', () => {
      const p = expectHit(s(), 'TT105', 10785, '１');
      assert.strictEqual(p.fix?.edits[0].newText, '1');
      expectNone(s(), 'TT105', 10784);
    });
    it('fix is idempotent', () => {
      const text = miniDoc([['产出指标', '数量指标', '论文', '≥１２篇', '计划']], []);
      const once = fixAll(text);
      assert.ok(once.includes('\t≥12篇\n'));
      assert.strictEqual(fixAll(once), once);
    });
  });

  describe('TT106 space-in-value', () => {
    it('reports the space of ≥ 1场', () => {
      const p = expectHit(s(), 'TT106', 9962, ' ');
      assert.strictEqual(p.fix?.safe, true);
    });
    it('leaves spaces in text values alone', () => {
      const c = check(miniDoc([['产出指标', '质量指标', '工作质量', '按时 完成', '计划']], []));
      assert.deepStrictEqual(
        c.problems.filter((p) => p.code === 'TT106'),
        [],
      );
    });
    it('fix removes the spaces, idempotently, together with other safe fixes', () => {
      const text = miniDoc([['产出指标', '数量指标', '开展宣讲', '≧ 20 场', '计划']], []);
      const once = fixAll(text);
      assert.ok(once.includes('\t≥20场\n'), once);
      assert.strictEqual(fixAll(once), once);
    });
  });
});
