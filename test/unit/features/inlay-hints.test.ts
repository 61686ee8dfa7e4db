/**
 * Inlay hints: each cell's column named at the start of its first line (§3's fixed names, a
 * header-driven table's own labels, header-zone fields), what an empty merged 一级/二级 inherits,
 * only in the requested range, and nothing when the setting is off.
 */
import * as assert from 'node:assert/strict';
import type { InlayHint, MarkupContent } from 'vscode-languageserver';
import type { DocumentModel } from '../../../server/src/core/model';
import { parseDocument } from '../../../server/src/core/parse/document';
import { clearTreePool, hasTree } from '../../../server/src/core/parse/section';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/core/settings';
import type { Locale } from '../../../server/src/core/locale';
import { inlayHints } from '../../../server/src/features/inlay-hints';
import { readTemplate, readVariant } from '../../helpers/export-rows';
import { fx, sampleText } from '../../helpers/fixtures';

/** Hints of lines first..last (0-based, whole lines). */
function hintsIn(model: DocumentModel, first: number, last: number, locale: Locale = 'zh'): InlayHint[] {
  return inlayHints(model, { start: { line: first, character: 0 }, end: { line: last, character: Number.MAX_SAFE_INTEGER } }, DEFAULT_SETTINGS, locale);
}

/** `line (1-based) → label` for lines first..last (1-based), as a reader of the editor sees them. */
function labelsOn(model: DocumentModel, first: number, last: number, locale: Locale = 'zh'): Record<number, string> {
  const out: Record<number, string> = {};
  for (const h of hintsIn(model, first - 1, last - 1, locale)) {
    assert.equal(out[h.position.line + 1], undefined, `two hints on line ${h.position.line + 1}`);
    out[h.position.line + 1] = h.label as string;
  }
  return out;
}

const tooltip = (h: InlayHint) => (h.tooltip as MarkupContent).value;

function hintOn(model: DocumentModel, line: number): InlayHint {
  const h = hintsIn(model, line - 1, line - 1)[0];
  assert.ok(h, `no hint on line ${line}`);
  return h;
}

describe('features/inlay-hints', () => {
  describe('the sample (§3 goal tables)', () => {
    const text = sampleText();
    const lines = text.split('\n');
    const model = parseDocument(text);
    /** 1-based line of the first line equal to `needle`. */
    const lineOf = (needle: string, from = 0) => {
      const i = lines.findIndex((l, k) => k >= from && l === needle);
      assert.ok(i >= 0, `${needle} not in the sample`);
      return i + 1;
    };

    it('names every cell of a 年度 row, right after its TAB', () => {
      const level3 = lineOf('\t惠企便民事项'); // 3rd cell of the row
      const first = level3 - 3;
      assert.deepEqual(labelsOn(model, first, first + 7), {
        [first]: '年度绩效指标',
        [first + 1]: '一级',
        [first + 2]: '二级',
        [first + 3]: '三级',
        [first + 4]: '前年',
        [first + 5]: '上年',
        [first + 6]: '当年目标',
        [first + 7]: '依据',
      });
      const h = hintOn(model, first + 4);
      assert.deepEqual(h.position, { line: first + 3, character: 1 });
      assert.equal(h.paddingRight, true);
      assert.equal(h.kind, 2); // InlayHintKind.Parameter
      assert.match(tooltip(h), /^\*\*前年实际值\*\*\n\n\*\*武汉市东西湖区行政审批局\*\* › 年度目标1：.* › 产出指标 › 数量指标 › \*\*惠企便民事项\*\*$/);
    });

    it('an empty merged 一级/二级 shows what it inherits from above', () => {
      const level3 = lineOf('\t审批改革事项');
      assert.deepEqual(labelsOn(model, level3 - 2, level3 + 1), {
        [level3 - 2]: '↑ 产出指标',
        [level3 - 1]: '↑ 数量指标',
        [level3]: '三级',
        [level3 + 1]: '指标值',
      });
      assert.match(tooltip(hintOn(model, level3 - 2)), /^\*\*一级指标\*\*：产出指标_（沿用上方合并单元格）_\n\n/);
    });

    it('the overview’s cells are named by column; header rows and sub-headers are not hinted', () => {
      const ov = labelsOn(model, 7, 16);
      assert.deepEqual(ov, { 11: '整体绩效总目标', 12: '长期目标', 15: '年度目标' });
      assert.match(tooltip(hintOn(model, 12)), /^\*\*长期目标（截止2028年）\*\*\n\n\*\*武汉市东西湖区行政审批局\*\* › 整体绩效总目标 › 长期目标1$/);
      // The goal header, the indicator header and the two 年度 sub-header rows of the first 年度 table.
      const header = lineOf('\t年度目标1：');
      const data = lineOf('\t按合同执行', header) - 3;
      assert.deepEqual(labelsOn(model, header, data - 1), {});
    });

    it('in English the fixed names are English', () => {
      const level3 = lineOf('\t惠企便民事项');
      const got = Object.values(labelsOn(model, level3 - 3, level3 + 4, 'en'));
      assert.deepEqual(got, ['Annual indicators', 'Level 1', 'Level 2', 'Level 3', 'Year before last', 'Last year', 'This year (target)', 'Basis']);
    });

    it('only the requested range: nothing before its start or after its end, to the character', () => {
      const level3 = lineOf('\t惠企便民事项');
      const all = hintsIn(model, level3 - 4, level3 + 4);
      assert.equal(all.length, 8);
      // A range ending at the start of the 三级 line (before the hint's character 1) leaves the 三级 out.
      const cut = inlayHints(model, { start: { line: level3 - 3, character: 1 }, end: { line: level3 - 1, character: 0 } }, DEFAULT_SETTINGS, 'zh');
      assert.deepEqual(
        cut.map((h) => h.label),
        ['一级', '二级'],
      );
      for (const h of hintsIn(model, 5000, 5040)) assert.ok(h.position.line >= 5000 && h.position.line <= 5040);
    });

    it('builds only the trees of the sections the range overlaps', () => {
      clearTreePool();
      const mid = model.sections[20];
      hintsIn(model, mid.startLine + 40, mid.startLine + 80);
      const built = model.sections.filter((s) => hasTree(s.body)).map((s) => model.sections.indexOf(s));
      assert.deepEqual(built, [20]);
    });

    it('the setting turns them off', () => {
      const off = normalizeSettings({ inlayHints: { enabled: false } });
      assert.equal(off.inlayHints, false);
      assert.equal(normalizeSettings({}).inlayHints, true);
      assert.equal(normalizeSettings({ inlayHints: { enabled: 'yes' } }).inlayHints, true);
      assert.deepEqual(inlayHints(model, { start: { line: 0, character: 0 }, end: { line: 600, character: 0 } }, off, 'zh'), []);
    });
  });

  describe('header-driven tables (docs/format.md §7)', () => {
    it('project: the document’s own column labels, a 一级 stated further down the block (↓), fields on their value cell', () => {
      const model = parseDocument(readTemplate('01-huangshi-dangxiao-zhutiban.txt'));
      assert.deepEqual(labelsOn(model, 43, 49), {
        43: '绩效指标',
        44: '↓ 产出指标',
        45: '二级指标',
        46: '三级指标',
        47: '2021年实际实现值',
        48: '预期2022年实现值',
        49: '指标标准或依据',
      });
      assert.match(tooltip(hintOn(model, 44)), /^\*\*一级指标\*\*：产出指标_（取自下方合并单元格的标签）_/);
      assert.match(tooltip(hintOn(model, 47)), /^\*\*2021年实际实现值\*\*（上年实际值）/);
      // 项目名称 | 主体班: the value is named, not the label; an empty value (项目负责人) is named too.
      assert.deepEqual(labelsOn(model, 5, 8), { 6: '项目名称', 8: '项目负责人' });
      assert.deepEqual(labelsOn(model, 25, 26), { 26: '年度绩效目标(文字)' });
      // The header row and its second row are not hinted.
      assert.deepEqual(labelsOn(model, 28, 42), {});
    });

    it('project self-evaluation: 完成值, 权重, 得分 by the table’s labels, empty cells included; a budget grid as group · column', () => {
      const model = parseDocument(readTemplate('13-qingshen-fagai-gongzi-ziping.txt'));
      assert.deepEqual(Object.values(labelsOn(model, 104, 114)), [
        '绩效指标(90分)',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标性质',
        '指标值',
        '度量单位',
        '完成值',
        '权重',
        '得分',
        '未完成原因分析',
      ]);
      assert.match(tooltip(hintOn(model, 111)), /^\*\*完成值\*\*（实际完成值）\n\n\*\*51000021R000000019951-工资性支出\*\* › /);
      assert.equal(hintOn(model, 44).label, '总额 · 年初预算');
      assert.match(tooltip(hintOn(model, 44)), /› 基本信息$/);
      // The 合计 row closes the table: no hints.
      assert.deepEqual(labelsOn(model, 127, 135), {});
    });

    it('overall self-evaluation: the family’s columns', () => {
      const model = parseDocument(readVariant('self-evaluation.txt'));
      assert.deepEqual(Object.values(labelsOn(model, 12, 19)), [
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ]);
      // The label says what the column holds in our words already: no explanation after it.
      assert.match(tooltip(hintOn(model, 19)), /^\*\*偏差原因分析及改进措施\*\*\n\n\*\*测试县民政局\*\* › /);
      assert.equal(hintOn(model, 21).label, '↑ 产出指标');
    });

    it('overall: no label column, a split value, an unnamed column by its number', () => {
      const model = parseDocument(readTemplate('10-fuliang-linye-zhengti.txt'));
      assert.deepEqual(Object.values(labelsOn(model, 33, 40)), ['一级指标', '二级指标', '三级指标', '计算符号', '目标值', '度量单位', '指标值说明', '第8列']);
      assert.match(tooltip(hintOn(model, 40)), /^\*\*第8列\*\*（本模板未命名的列）/);
      assert.equal(hintOn(model, 22).label, '年度绩效总目标');
    });

    it('project with goals in a goal header row, and template rows left unfilled', () => {
      const model = parseDocument(readTemplate('05-xiangtan-wupaoche-2024.txt'));
      assert.deepEqual(labelsOn(model, 44, 49), { 48: '长期目标', 49: '年度目标' });
      // Row @107 is a 二级 left without an indicator (TT408): still named, so the user sees where to write.
      assert.deepEqual(Object.values(labelsOn(model, 107, 112)), ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '绩效标准']);
    });

    it('a cut-short header label is shown as written, and the tooltip says so', () => {
      const model = parseDocument(readTemplate('04-huaibei-wenlv-songxi.txt'));
      const row = labelsOn(model, 61, 65);
      assert.deepEqual(Object.values(row).slice(0, 2), ['绩', '一级']);
      const first = Number(Object.keys(row)[0]);
      assert.match(tooltip(hintOn(model, first)), /^\*\*绩\*\*（绩效指标，表头文字被截断）/);
    });

    it('side-by-side 长期/年度 blocks: one hint per cell, each block’s columns by their label', () => {
      const model = parseDocument(readTemplate('07-qingshanqu-jiaoyu-jijian.txt'));
      assert.deepEqual(Object.values(labelsOn(model, 61, 67)), [
        '一级指标',
        '二级指标(长期)',
        '三级指标(长期)',
        '指标值(长期)',
        '二级指标(年度)',
        '三级指标(年度)',
        '指标值(年度)',
      ]);
      // The 一级 is the 年度 table's (an own label), named with the path of its row.
      assert.match(tooltip(hintOn(model, 61)), /› 产出指标 › 数量指标 › \*\*重点建设工程安排数量\*\*$/);
    });

    it('a 一级 inferred from the 二级 shows ≈ and says so', () => {
      const model = parseDocument(
        fx(`
→测试项目项目支出绩效目标表

→项目名称
→测试项目

→一级指标
→二级指标
→三级指标
→指标值

→
→数量指标
→培训人次
→≥100人次
`),
      );
      const h = hintOn(model, 11);
      assert.equal(h.label, '≈ 产出指标');
      assert.match(tooltip(h), /^\*\*一级指标\*\*：产出指标_（由二级指标推断）_/);
      assert.match(tooltip(hintOn(model, 11)), /› \*\*培训人次\*\*$/);
    });
  });

  it('never throws on garbage, and returns hints inside the range only', () => {
    const base = readTemplate('13-qingshen-fagai-gongzi-ziping.txt');
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const junk = ['\t', '\n', '\r\n', '一级指标', '≥', '\t\t', '目标1：', '合计', '  ', '长期目标1：', '\t产出指标\n'];
    for (let run = 0; run < 60; run++) {
      let text = base;
      for (let k = 0; k < 8; k++) {
        const at = rnd(text.length);
        text = text.slice(0, at) + junk[rnd(junk.length)] + text.slice(at + rnd(20));
      }
      const model = parseDocument(text);
      const first = rnd(model.lineCount);
      const last = first + rnd(60);
      for (const h of hintsIn(model, first, last)) assert.ok(h.position.line >= first && h.position.line <= last);
    }
    assert.deepEqual(hintsIn(parseDocument(''), 0, 10), []);
    assert.deepEqual(inlayHints(parseDocument(base), { start: { line: 9, character: 0 }, end: { line: 3, character: 0 } }, DEFAULT_SETTINGS, 'zh'), []);
  });
});
