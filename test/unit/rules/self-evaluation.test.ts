/**
 * The self-evaluation rules (docs/format.md §7.6): TT601 score-above-weight, TT602 total-mismatch,
 * TT603 shortfall-without-reason, TT604 actual-missing. On 13 (the Sichuan 自评表, never filled in)
 * and on small hand-written 自评表 for the edge cases: a score equal to its weight, an actual that
 * meets its target, a 合计 that includes the budget block's points, a comparator in a cell of its own.
 */
import * as assert from 'node:assert';
import { readTemplate } from '../../helpers/export-rows';
import { buildDoc, check, expectHit, sampleChecked, type Checked } from './helpers';

const SELF_TITLE = '测试项目支出绩效自评表';
const HEADER = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

/** A 自评表 with the header above; each row is [一级, 二级, 三级, target, actual, weight, score, reason]; an optional 合计 row (cells after the label). */
function selfDoc(rows: string[][], total: string[] | null = null, title = SELF_TITLE, before: string[][] = []): string {
  const all: string[][] = [['项目名称', '测试项目'], ...before, HEADER, ...rows.map((r) => ['', ...r])];
  if (total) all.push(['合计', ...total]);
  return buildDoc(title, all);
}

const lines = (c: Checked, code: string) => c.problems.filter((p) => p.code === code).map((p) => p.range.start.line + 1);
/** The 1-based line of a cell holding exactly `text`, the n-th such (1-based). */
function lineOfCell(text: string, doc: string, nth = 1): number {
  const ls = doc.split('\n');
  let seen = 0;
  for (let i = 0; i < ls.length; i++) if (ls[i] === `\t${text}` && ++seen === nth) return i + 1;
  throw new Error(`no cell ${text}`);
}

const OWN_CODES = ['TT601', 'TT602', 'TT603', 'TT604'];

describe('rules: self-evaluation (TT601–TT604)', () => {
  describe('TT601 score-above-weight', () => {
    const doc = selfDoc([
      ['产出指标', '数量指标', '培训人次', '≥300人次', '320人次', '30', '35', ''],
      ['', '质量指标', '培训合格率', '≥95%', '96%', '30', '30', ''],
      ['效益指标', '社会效益指标', '群众知晓率', '≥90%', '92%', '20', '19.5', ''],
    ]);
    it('a score above its weight, at the score, the weight as related', () => {
      const c = check(doc);
      const p = expectHit(c, 'TT601', lineOfCell('35', doc), '35');
      assert.ok(p.message.zh.includes('35') && p.message.zh.includes('30'));
      assert.strictEqual(p.related?.[0].range.start.line, lineOfCell('30', doc) - 1);
    });
    it('a score equal to its weight (full marks) or below it is fine', () => {
      assert.deepStrictEqual(lines(check(doc), 'TT601'), [lineOfCell('35', doc)]);
    });
    it('only in a self-evaluation family: the same columns under a 目标表 title are not scored', () => {
      const other = selfDoc([['产出指标', '数量指标', '培训人次', '≥300人次', '320人次', '30', '35', '']], null, '测试项目支出绩效目标表');
      assert.deepStrictEqual(lines(check(other), 'TT601'), []);
    });
  });

  describe('TT602 total-mismatch', () => {
    const rows = [
      ['产出指标', '数量指标', '培训人次', '≥300人次', '320人次', '40', '38', ''],
      ['效益指标', '社会效益指标', '群众知晓率', '≥90%', '92%', '30', '30', ''],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', '30', '28', ''],
    ];
    it('a stated score that is not the sum of the rows, at the stated figure', () => {
      const doc = selfDoc(rows, ['100', '90', '']);
      const p = expectHit(check(doc), 'TT602', lineOfCell('90', doc), '90');
      assert.ok(p.message.zh.includes('96') && p.message.zh.includes('得分'));
      assert.deepStrictEqual(lines(check(doc), 'TT602'), [lineOfCell('90', doc)]);
    });
    it('a weight total that is not the sum of the rows', () => {
      const doc = selfDoc(rows, ['90', '96', '']);
      const p = expectHit(check(doc), 'TT602', lineOfCell('90', doc), '90');
      assert.ok(p.message.zh.includes('100') && p.message.zh.includes('分值'));
    });
    it('right totals are fine, in a short 合计 row (right-aligned) and a full-width one (positional)', () => {
      assert.deepStrictEqual(lines(check(selfDoc(rows, ['100', '96', ''])), 'TT602'), []);
      assert.deepStrictEqual(lines(check(selfDoc(rows, ['', '', '', '', '', '100', '96', ''])), 'TT602'), []);
    });
    it('a score total while a row has no score is not summed (TT604 says what is missing)', () => {
      const partial = rows.map((r, i) => (i === 2 ? [...r.slice(0, 6), '', ''] : r));
      const c = check(selfDoc(partial, ['100', '80', '']));
      assert.deepStrictEqual(lines(c, 'TT602'), []);
      assert.strictEqual(lines(c, 'TT604').length, 1);
    });
    it('a total that includes the budget block of the header zone (预算执行情况 10 + 绩效指标 90 = 100)', () => {
      const budget = [
        ['预算执行情况(10分)', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分'],
        ['总额', '100.00', '100.00', '95.00', '95.00%', '10', '9'],
      ];
      const ninety = [
        ['产出指标', '数量指标', '培训人次', '≥300人次', '320人次', '60', '58', ''],
        ['效益指标', '社会效益指标', '群众知晓率', '≥90%', '92%', '30', '30', ''],
      ];
      // 100 = 60 + 30 + the budget's 10; 97 = 58 + 30 + the budget's 9.
      assert.deepStrictEqual(lines(check(selfDoc(ninety, ['100', '97', ''], SELF_TITLE, budget)), 'TT602'), []);
      // The rows' own sums are right too.
      assert.deepStrictEqual(lines(check(selfDoc(ninety, ['90', '88', ''], SELF_TITLE, budget)), 'TT602'), []);
      // Neither: 100 with 60 + 30 and no budget block.
      const doc = selfDoc(ninety, ['100', '', '']);
      assert.deepStrictEqual(lines(check(doc), 'TT602'), [lineOfCell('100', doc)]);
    });
    it('13: 合计 100 = the rows’ 60 + 30 + the budget execution’s 权重 10; its score total is empty', () => {
      assert.deepStrictEqual(lines(check(readTemplate('13-qingshen-fagai-gongzi-ziping.txt')), 'TT602'), []);
    });
  });

  describe('TT603 shortfall-without-reason', () => {
    it('an actual short of a ≥ target with no reason, at the actual, target and reason cell related', () => {
      const doc = selfDoc([['产出指标', '数量指标', '培训人次', '≥300人次', '280人次', '30', '25', '']]);
      const p = expectHit(check(doc), 'TT603', lineOfCell('280人次', doc), '280');
      assert.ok(p.message.zh.includes('280人次') && p.message.zh.includes('≥300人次'));
      assert.strictEqual(p.related?.length, 2);
    });
    it('the same shortfall with a reason given is fine', () => {
      const doc = selfDoc([['产出指标', '数量指标', '培训人次', '≥300人次', '280人次', '30', '25', '疫情停课两周']]);
      assert.deepStrictEqual(lines(check(doc), 'TT603'), []);
    });
    it('an actual meeting its target needs no reason (more than ≥, equal to it, less than ≤)', () => {
      const doc = selfDoc([
        ['产出指标', '数量指标', '培训人次', '≥300人次', '300人次', '30', '30', ''],
        ['', '质量指标', '培训合格率', '≥95%', '99%', '30', '30', ''],
        ['效益指标', '社会效益指标', '投诉率', '≤5%', '3%', '20', '20', ''],
      ]);
      assert.deepStrictEqual(lines(check(doc), 'TT603'), []);
    });
    it('≤ targets are short when the actual is above them', () => {
      const doc = selfDoc([['效益指标', '社会效益指标', '投诉率', '≤5%', '8%', '20', '10', '']]);
      assert.deepStrictEqual(lines(check(doc), 'TT603'), [lineOfCell('8%', doc)]);
    });
    it('no comparator: taken as ≥, except for what the indicator says is a ceiling (a cost)', () => {
      const doc = selfDoc([
        ['产出指标', '质量指标', '培训完成率', '100%', '98%', '30', '28', ''],
        ['', '成本指标', '项目成本', '50万元', '45万元', '20', '20', ''],
      ]);
      assert.deepStrictEqual(lines(check(doc), 'TT603'), [lineOfCell('98%', doc)]);
    });
    it('only figures compare: a qualitative actual, or units that differ, are not judged', () => {
      const doc = selfDoc([
        ['产出指标', '质量指标', '工程质量', '≥95%', '良好', '30', '28', ''],
        ['', '数量指标', '资金拨付', '≥50万元', '40000元', '20', '20', ''],
      ]);
      assert.deepStrictEqual(lines(check(doc), 'TT603'), []);
    });
    it('a comparator in a cell of its own (指标性质 | 指标值 | 度量单位 | 完成值, as in 13)', () => {
      const header = ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'];
      const doc = buildDoc(SELF_TITLE, [
        ['项目名称', '测试项目'],
        header,
        ['', '效益指标', '社会效益指标', '投诉率', '≤', '5', '%', '8%', '30', '20', ''],
        ['', '', '', '结案率', '≥', '95', '%', '90%', '30', '25', ''],
        ['', '', '', '回访率', '定性', '95', '%', '90%', '30', '25', ''],
      ]);
      assert.deepStrictEqual(lines(check(doc), 'TT603'), [lineOfCell('8%', doc), lineOfCell('90%', doc)]);
    });
  });

  describe('TT604 actual-missing', () => {
    it('13: rows @104 and @116 have neither 完成值 nor 得分: one finding each, at the empty 完成值 cell', () => {
      const c = check(readTemplate('13-qingshen-fagai-gongzi-ziping.txt'));
      assert.deepStrictEqual(lines(c, 'TT604'), [111, 123]);
      for (const line of [111, 123]) {
        const p = expectHit(c, 'TT604', line, '');
        assert.ok(p.message.zh.includes('完成值和得分'), p.message.zh);
      }
      // The 完成值 column is the 8th cell of the rows (lines 104 and 116 are their first).
      assert.strictEqual(c.lines[110], '\t');
    });
    it('a missing score alone is named alone, at the score cell', () => {
      const doc = selfDoc([['产出指标', '数量指标', '培训人次', '≥300人次', '320人次', '30', '', '']]);
      const c = check(doc);
      const [p] = c.problems.filter((x) => x.code === 'TT604');
      assert.ok(p, 'one TT604');
      assert.ok(p.message.zh.includes('得分') && !p.message.zh.includes('完成值和'), p.message.zh);
      // The 得分 cell is the row's 8th: the line after the 分值 `30`.
      assert.strictEqual(p.range.start.line + 1, lineOfCell('30', doc) + 1);
    });
    it('nothing to report when the row is complete, its target is empty (TT405’s) or a placeholder was written', () => {
      const doc = selfDoc([
        ['产出指标', '数量指标', '培训人次', '≥300人次', '320人次', '30', '30', ''],
        ['', '', '培训批次', '', '', '10', '', ''],
        ['', '质量指标', '培训合格率', '≥95%', '/', '30', '/', ''],
      ]);
      assert.deepStrictEqual(lines(check(doc), 'TT604'), []);
    });
    it('not in a table of another family', () => {
      const doc = selfDoc([['产出指标', '数量指标', '培训人次', '≥300人次', '', '30', '', '']], null, '测试项目支出绩效目标表');
      assert.deepStrictEqual(lines(check(doc), 'TT604'), []);
    });
  });

  it('13 has TT604 ×2 and nothing else of TT601–TT604', () => {
    const c = check(readTemplate('13-qingshen-fagai-gongzi-ziping.txt'));
    assert.deepStrictEqual(
      c.problems.filter((p) => OWN_CODES.includes(p.code)).map((p) => `${p.code}@${p.range.start.line + 1}`),
      ['TT604@111', 'TT604@123'],
    );
  });

  it('the sample (§3 layout) has none of them', () => {
    assert.deepStrictEqual(
      sampleChecked().problems.filter((p) => OWN_CODES.includes(p.code)),
      [],
    );
  });
});
