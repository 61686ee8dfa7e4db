/**
 * The editor features on sections of other templates (docs/format.md §7): the outline shows a
 * section's fields, goals and indicator tables; the hover reads a row back with its own table's
 * column labels and says where a 一级 comes from.
 */
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver';
import { parseDocument } from '../../../server/src/core/parse/document';
import { documentOutline } from '../../../server/src/features/document-symbols';
import { foldingRanges } from '../../../server/src/features/folding';
import { hoverAt } from '../../../server/src/features/hover';
import { limitedOutline } from '../../../server/src/features/limits';
import { readTemplate } from '../../helpers/export-rows';

function hover(file: string, line: number): string {
  const h = hoverAt(parseDocument(readTemplate(file)), { line: line - 1, character: 1 }, 'zh');
  assert.ok(h, `no hover at line ${line}`);
  return (h.contents as { value: string }).value;
}

const names = (s: DocumentSymbol) => (s.children ?? []).map((c) => c.name);

describe('features on the other families', () => {
  it('outline of a project table: the project, its fields, its goals (by the document’s labels), the table and its indicators', () => {
    const [project, ...rest] = documentOutline(parseDocument(readTemplate('05-xiangtan-wupaoche-2024.txt')), 'zh').symbols;
    // The title repeated above the table's own is a heading, not a project of its own.
    assert.equal(rest.length, 0);
    assert.equal(project.name, '雾炮车抑尘降尘服务');
    assert.deepEqual(
      names(project),
      ['基本信息', '长期目标', '年度目标', '年度绩效指标'].map((n) => `${n} — 雾炮车抑尘降尘服务`),
    );
    const fields = project.children![0];
    assert.ok(names(fields).includes('项目名称'));
    assert.ok(names(fields).includes('主管部门及其编码'));
    assert.equal(project.children![3].children!.length, 7);
  });

  it('outline of a self-evaluation table: budget grid fields are named by their row and column', () => {
    const [project] = documentOutline(parseDocument(readTemplate('13-qingshen-fagai-gongzi-ziping.txt')), 'zh').symbols;
    const fields = project.children!.find((c) => c.name.startsWith('基本信息 — '))!;
    const budget = fields.children!.find((c) => c.name === '总额 · 年初预算');
    assert.ok(budget, names(fields).join(', '));
    assert.equal(budget.detail, '238.93');
    assert.equal(names(project).at(-1), `年度绩效指标 — ${project.name}`);
  });

  it('the hover path says a 一级 stated further down the block is taken from there, and reads the row back with its labels', () => {
    const v = hover('01-huangshi-dangxiao-zhutiban.txt', 46);
    assert.match(v, /产出指标_（取自下方合并单元格的标签）_ › 数量指标 › \*\*主体班培训人次\*\*/);
    assert.match(v, /- 预期2022年实现值：280 人次/);
  });

  it('the hover of a self-evaluation row lists its weight under the table’s own label', () => {
    const v = hover('13-qingshen-fagai-gongzi-ziping.txt', 107);
    assert.match(v, /- 指标值：= 100%，精确值/);
    assert.match(v, /- 权重：60/);
  });

  it('the hover of a header-driven table header names the goal it measures', () => {
    const v = hover('05-xiangtan-wupaoche-2024.txt', 51);
    assert.match(v, /本表衡量的目标/);
    assert.match(v, /2024通过采购雾炮车抑尘降尘服务/);
  });

  it('folds the section, its header zone and its table (side-by-side blocks once)', () => {
    const ranges = foldingRanges(parseDocument(readTemplate('07-qingshanqu-jiaoyu-jijian.txt')));
    assert.deepEqual(
      ranges.map((r) => [r.startLine + 1, r.endLine + 1]),
      [
        [3, 115],
        [7, 51],
        [53, 115],
      ],
    );
  });
});

describe('the size limit’s department-only outline on the other families', () => {
  it('names a bare-titled section by its 项目名称 cell and a titled one by its title', () => {
    const text = readTemplate('07-qingshanqu-jiaoyu-jijian.txt') + '\n' + readTemplate('01-huangshi-dangxiao-zhutiban.txt');
    const names = limitedOutline(text).map((s) => s.name);
    // 07's first title (表3) is a heading above the table's own: no entry of its own.
    assert.deepEqual(names, ['教育系统基础设施建设和设备购置', '主体班']);
  });
});
