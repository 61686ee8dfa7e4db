/**
 * Completion in indicator tables: category names in 一级 / 二级 cells (二级 by the row's 一级), the
 * comparators at the start of a target, units after a number; nothing elsewhere, and never an edit
 * outside the cursor's line or over a cell's TAB.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { applyEdits } from '../../../server/src/core/fixes';
import { parseDocument } from '../../../server/src/core/parse/document';
import { cellTabIndex } from '../../../server/src/core/parse/tokenizer';
import type { FrameworkSetting } from '../../../server/src/core/templates/frameworks';
import { completionsAt } from '../../../server/src/features/completion';
import { insertRowEdit } from '../../../server/src/features/insert-row';
import { TEMPLATES, VARIANTS, readTemplate, readVariant } from '../../helpers/export-rows';
import { department, sampleText } from '../../helpers/fixtures';

const PRODUCTION = ['数量指标', '质量指标', '时效指标'];
const LEVEL1_2021 = ['成本指标', '产出指标', '效益指标', '满意度指标'];

function complete(text: string, line: number, character: number, framework: FrameworkSetting = '2021', locale: 'zh' | 'en' = 'zh'): CompletionItem[] {
  return completionsAt(parseDocument(text), { line, character }, framework, locale);
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (i: CompletionItem) => i.textEdit as TextEdit;
const lineOf = (text: string, line: string, from = 0) => {
  const i = text.split('\n').indexOf(line, from);
  assert.ok(i >= 0, `no line ${JSON.stringify(line)}`);
  return i;
};
/** The text with one line replaced. */
const withLine = (text: string, line: number, content: string) =>
  text
    .split('\n')
    .map((l, i) => (i === line ? content : l))
    .join('\n');
/** VS Code keeps an item when the text typed in its edit's range (up to the cursor) fuzzily matches its filterText; a prefix always does. */
const kept = (items: CompletionItem[], text: string, line: number, character: number) => {
  const l = text.split('\n')[line];
  return items.filter((i) => (i.filterText ?? i.label).startsWith(l.slice(edit(i).range.start.character, character))).map((i) => i.label);
};

describe('features/completion', () => {
  describe('categories', () => {
    it('a 二级 cell lists the 二级 of its row’s 一级, and the edit replaces the cell’s text on that line', () => {
      const text = department();
      const line = lineOf(text, '\t数量指标');
      const items = complete(text, line, 5);
      assert.deepEqual(labels(items), PRODUCTION);
      for (const i of items) {
        assert.deepEqual(edit(i).range, { start: { line, character: 1 }, end: { line, character: 5 } });
        assert.equal(i.filterText, i.label);
        assert.match(String(i.detail), /二级指标 · 产出指标/);
      }
    });

    it('an empty 二级 cell (a line holding just the TAB) of a row that inherits its 一级', () => {
      // 培训合格率 with its 二级 cell emptied: 一级 and 二级 both merged from the row above.
      const text = department().replace('\t质量指标\n\t培训合格率', '\t\n\t培训合格率');
      const name = lineOf(text, '\t培训合格率');
      assert.equal(text.split('\n')[name - 1], '\t');
      const items = complete(text, name - 1, 1);
      assert.deepEqual(labels(items), PRODUCTION);
      assert.deepEqual(edit(items[0]).range, { start: { line: name - 1, character: 1 }, end: { line: name - 1, character: 1 } });
      // In its 一级 cell: the framework's 一级 names.
      assert.deepEqual(labels(complete(text, name - 2, 1)), LEVEL1_2021);
    });

    it('a partly typed 二级: the edit covers what was typed, which the list’s names begin with', () => {
      const base = department();
      const line = lineOf(base, '\t质量指标');
      const text = withLine(base, line, '\t质量');
      const items = complete(text, line, 3);
      assert.deepEqual(labels(items), PRODUCTION);
      assert.deepEqual(edit(items[0]).range, { start: { line, character: 1 }, end: { line, character: 3 } });
      assert.deepEqual(kept(items, text, line, 3), ['质量指标']);
      const applied = applyEdits(text, [edit(items[1])]);
      assert.equal(applied.split('\n')[line], '\t质量指标');
    });

    it('a category cell whose text runs over two lines (`服务对象⏎满意度指标`): nothing, an edit of one line would garble it', () => {
      const base = department();
      const text = base.replace('\t服务对象满意度指标\n', '\t服务对象\n满意度指标\n');
      const line = lineOf(text, '\t服务对象');
      assert.equal(parseDocument(text).sections[0].body.tables[1].rows[1].level2.text, '服务对象满意度指标');
      assert.deepEqual(complete(text, line, 5), []);
      assert.deepEqual(complete(text, line + 1, 5), []);
    });

    it('the framework in the settings: 2015 has no 成本 一级 and files 成本指标 under 产出', () => {
      const text = department();
      assert.deepEqual(labels(complete(text, lineOf(text, '\t成本指标'), 5, '2015')), ['产出指标', '效益指标', '满意度指标']);
      assert.deepEqual(labels(complete(text, lineOf(text, '\t数量指标'), 5, '2015')), [...PRODUCTION, '成本指标']);
    });

    it('the 二级 under a 成本 or 满意度 一级, and under a 一级 written without its 指标 suffix', () => {
      const text = department();
      assert.deepEqual(labels(complete(text, lineOf(text, '\t经济成本指标'), 1)), ['经济成本指标', '社会成本指标', '生态环境成本指标']);
      assert.deepEqual(labels(complete(text, lineOf(text, '\t服务对象满意度指标'), 1)), ['服务对象满意度指标']);
      const short = withLine(text, lineOf(text, '\t成本指标'), '\t成本');
      assert.deepEqual(labels(complete(short, lineOf(short, '\t经济成本指标'), 1)), ['经济成本指标', '社会成本指标', '生态环境成本指标']);
    });

    it('a new row (插入指标行): after a row it inherits the 一级; right under the header it has none, so every 二级 is offered', () => {
      const text = department();
      const model = parseDocument(text);
      const under = insertRowEdit(model, lineOf(text, '\t长期绩效指标'))!;
      const edited = applyEdits(text, [under.edit]);
      const level2Line = under.cursor.line - 1;
      const all = complete(edited, level2Line, 1);
      assert.equal(all.length, 11);
      assert.match(String(all[0].detail), /成本指标/);
      assert.match(String((all[0].documentation as { value: string }).value), /尚无一级指标/);
      const after = insertRowEdit(model, lineOf(text, '\t培训场次'))!;
      const edited2 = applyEdits(text, [after.edit]);
      assert.deepEqual(labels(complete(edited2, after.cursor.line - 1, 1)), PRODUCTION);
      assert.deepEqual(labels(complete(edited2, after.cursor.line - 2, 1)), LEVEL1_2021);
    });

    it('header-driven tables: by the header’s columns, with a 一级 stated in a middle row of its block', () => {
      // 01: `→ → 数量指标 → 主体班培训人次 …`, its 一级 产出指标 stated further down.
      const text = readTemplate('01-huangshi-dangxiao-zhutiban.txt');
      const line = lineOf(text, '\t数量指标');
      assert.deepEqual(labels(complete(text, line, 5)), PRODUCTION);
      assert.deepEqual(labels(complete(text, line - 1, 1)), LEVEL1_2021);
      // The 三级 name and the header row offer nothing.
      assert.deepEqual(complete(text, line + 1, 3), []);
      assert.deepEqual(complete(text, lineOf(text, '\t二级指标'), 5), []);
    });

    it('framework "auto": a section that files 成本指标 under 产出指标 is offered the 2015 names, one with a 成本 一级 the 2021 ones', () => {
      const text = readTemplate('01-huangshi-dangxiao-zhutiban.txt');
      const line = lineOf(text, '\t数量指标');
      assert.deepEqual(labels(complete(text, line, 5, 'auto')), [...PRODUCTION, '成本指标']);
      assert.deepEqual(labels(complete(text, line - 1, 1, 'auto')), ['产出指标', '效益指标', '满意度指标']);
      const sample = department();
      assert.deepEqual(labels(complete(sample, lineOf(sample, '\t数量指标'), 5, 'auto')), PRODUCTION);
    });

    it('side by side 长期 and 年度: the 年度 block’s 二级 cell lists the 二级 of the row’s 一级', () => {
      const text = readVariant('side-by-side.txt');
      const model = parseDocument(text);
      const [, annual] = model.sections.flatMap((s) => s.body.tables);
      const row = annual.rows[0];
      const cell = row.row.cells[annual.columns.level2];
      assert.deepEqual(labels(complete(text, cell.range.start.line + model.sections[0].startLine, 1)), PRODUCTION);
    });
  });

  describe('comparators', () => {
    it('at the start of a target: ≥ ≤ = > <, each with its meaning; an edit that replaces a comparator already there', () => {
      const text = department();
      const line = lineOf(text, '\t≥2场');
      const items = complete(text, line, 1);
      assert.deepEqual(labels(items), ['≥', '≤', '=', '>', '<']);
      assert.match(String(items[0].detail), /以上/);
      assert.match(String(items[1].detail), /以下/);
      assert.deepEqual(edit(items[1]).range, { start: { line, character: 1 }, end: { line, character: 2 } });
      assert.equal(applyEdits(text, [edit(items[1])]).split('\n')[line], '\t≤2场');
    });

    it('a cost indicator puts ≤ first (a cost ceiling); satisfaction puts ≥ first', () => {
      const text = department();
      const cost = complete(text, lineOf(text, '\t≤10'), 1);
      assert.equal(cost[0].label, '≤');
      assert.match(String((cost[0].documentation as { value: string }).value), /成本指标设上限/);
      // An empty target of a new row under 成本指标 (inherited): still ≤ first.
      const ins = insertRowEdit(parseDocument(text), lineOf(text, '\t办公经费'))!;
      const edited = applyEdits(text, [ins.edit]);
      assert.equal(complete(edited, ins.cursor.line + 1, 1)[0].label, '≤');
      const satisfaction = complete(text, lineOf(text, '\t≥90%'), 1);
      assert.equal(satisfaction[0].label, '≥');
      assert.match(String((satisfaction[0].documentation as { value: string }).value), /满意度/);
    });

    it('a comparator cell of its own (计算符号): the comparators and 定性, replacing the cell’s text', () => {
      const text = readVariant('split-value-symbol.txt');
      const line = lineOf(text, '\t≥');
      const items = complete(text, line, 2);
      assert.deepEqual([...labels(items)].sort(), ['<', '=', '>', '≤', '≥', '定性'].sort());
      assert.deepEqual(edit(items[0]).range, { start: { line, character: 1 }, end: { line, character: 2 } });
      // The number cell next to it: no comparator, no unit (each has its own cell).
      assert.deepEqual(complete(text, line + 1, 1), []);
      assert.deepEqual(complete(text, line + 1, 3), []);
    });

    it('nowhere else in a value: not before a text value, not in 前年 / 上年 (actuals)', () => {
      const text = department();
      const basisText = withLine(text, lineOf(text, '\t≥2场'), '\t按时完成');
      assert.deepEqual(complete(basisText, lineOf(text, '\t≥2场'), 1), []);
      assert.deepEqual(complete(text, lineOf(text, '\t1场'), 1), []);
    });
  });

  describe('units', () => {
    it('a rate: % after the number, replacing the unit after the cursor', () => {
      const text = department();
      const line = lineOf(text, '\t100%');
      const items = complete(text, line, 4);
      assert.equal(items[0].label, '%');
      assert.deepEqual(edit(items[0]).range, { start: { line, character: 4 }, end: { line, character: 5 } });
      assert.equal(applyEdits(text, [edit(items[0])]).split('\n')[line], '\t100%');
    });

    it('money: the header’s 单位 (万元, or 元 when the header says so) on a cost row', () => {
      const text = department();
      const line = lineOf(text, '\t≤10');
      const items = complete(text, line, 4);
      assert.equal(items[0].label, '万元');
      assert.match(String(items[0].detail), /单位：万元/);
      const yuan = text.replace('单位：万元', '单位：元');
      assert.equal(complete(yuan, line, 4)[0].label, '元');
    });

    it('a count by the name’s ending (`…场次`), the unit typed so far covered by the edit', () => {
      const text = department();
      const line = lineOf(text, '\t≥2场');
      const items = complete(text, line, 3);
      assert.deepEqual(labels(items).slice(0, 2), ['场次', '场']);
      assert.match(String(items[0].detail), /名称以“场次”结尾/);
      const typed = complete(text, line, 4);
      assert.deepEqual(edit(typed[0]).range, { start: { line, character: 3 }, end: { line, character: 4 } });
      assert.deepEqual(kept(typed, text, line, 4), ['场次', '场']);
    });

    it('the row’s other values first (前年 / 上年 of a 年度 row)', () => {
      const text = department();
      const line = lineOf(text, '\t≥3场');
      const items = complete(text, line, 3);
      assert.equal(items[0].label, '场');
      assert.match(String(items[0].detail), /本行/);
    });

    it('learned from rows of the document whose names end the same way', () => {
      // 观摩 is in no rule: the 年度 row 开展教学观摩 uses 批, so the 长期 row 组织现场观摩 is offered 批.
      const text = department()
        .replace('\t培训场次\n\t≥2场', '\t组织现场观摩\n\t≥2')
        .replace('\t培训场次\n\t1场\n\t2场\n\t≥3场', '\t开展教学观摩\n\t1批\n\t2批\n\t≥3批');
      const line = lineOf(text, '\t≥2');
      const items = complete(text, line, 3);
      assert.equal(items[0].label, '批');
      assert.equal(items[0].detail, '本文档中 1 个以“观摩”结尾的指标用此单位');
      assert.equal(complete(text, line, 3, '2021', 'en')[0].detail, 'used by 1 row(s) whose name ends with “观摩”');
    });

    it('durations and dates by the name; the unit the name gives in brackets first', () => {
      const text = department();
      const at = (name: string, value: string) => {
        const t = text.replace('\t培训场次\n\t≥2场', `\t${name}\n\t${value}`);
        return labels(complete(t, lineOf(t, `\t${value}`), value.length + 1));
      };
      assert.equal(at('投诉响应时间', '≤24')[0], '小时');
      assert.equal(at('项目完成时间', '2025')[0], '年');
      assert.equal(at('保障在职职工人数(人)', '116')[0], '人');
      assert.equal(at('补贴发放人数', '≥20')[0], '人');
      assert.equal(at('人均培训经费', '≤500')[0], '元');
    });

    it('a unit cell of its own (度量单位): units for the row, replacing the cell’s text', () => {
      const text = readVariant('split-value-symbol.txt');
      const line = lineOf(text, '\t人');
      const items = complete(text, line, 2);
      assert.equal(items[0].label, '人');
      assert.deepEqual(edit(items[0]).range, { start: { line, character: 1 }, end: { line, character: 2 } });
    });

    it('self-evaluation: after a number in the 完成值 column too, learning from the row’s target', () => {
      const text = readVariant('self-evaluation.txt');
      const line = lineOf(text, '\t520人次');
      const items = complete(text, line, 4);
      assert.equal(items[0].label, '人次');
      assert.match(String(items[0].detail), /本行/);
      assert.deepEqual(edit(items[0]).range, { start: { line, character: 4 }, end: { line, character: 6 } });
    });

    it('not in the middle of a number, nor after text', () => {
      const text = department();
      assert.deepEqual(complete(text, lineOf(text, '\t100%'), 2), []);
      assert.deepEqual(complete(text, lineOf(text, '\t计划数据'), 5), []);
    });
  });

  describe('nothing elsewhere, never an error', () => {
    it('titles, the header zone, the overview, header rows, 三级 names and 依据: an empty list', () => {
      const text = department();
      for (const l of [
        '\t武汉市东西湖区测试局整体支出绩效目标表',
        '\t整体绩效总目标',
        '\t目标1：长期目标甲。',
        '\t长期目标1：',
        '\t一级指标',
        '\t培训场次',
        '\t计划数据',
        '\t近两年指标值',
      ])
        assert.deepEqual(complete(text, lineOf(text, l), l.length), [], l);
      assert.deepEqual(complete(text, 1, 0), [], 'a blank line');
      assert.deepEqual(complete(text, 9999, 0), [], 'past the end');
      assert.deepEqual(complete(text, lineOf(text, '\t数量指标'), 0), [], 'before the TAB');
    });

    it('every line of the sample, the templates and the variants (LF and CRLF): edits on the cursor’s line, after the TAB, around the cursor', function () {
      this.timeout(60000);
      const docs: [string, string][] = [['sample', sampleText()]];
      for (const f of fs.readdirSync(TEMPLATES).filter((x) => x.endsWith('.txt'))) docs.push([f, readTemplate(f)]);
      for (const f of fs.readdirSync(VARIANTS).filter((x) => x.endsWith('.txt'))) docs.push([f, readVariant(f)]);
      let offered = 0;
      for (const [name, raw] of docs) {
        for (const text of [raw, raw.replace(/\r?\n/g, '\r\n')]) {
          const model = parseDocument(text);
          const lines = text.split(/\r\n|\n/);
          const step = lines.length > 5000 ? 7 : 1;
          for (let line = 0; line < lines.length; line += step) {
            const l = lines[line];
            for (const character of new Set([0, 1, 2, l.length >> 1, l.length - 1, l.length])) {
              if (character < 0) continue;
              const items = completionsAt(model, { line, character }, line % 2 ? '2015' : '2021', 'en');
              if (items.length) offered++;
              const tab = cellTabIndex(l);
              for (const i of items) {
                const r = edit(i).range;
                const where = `${name} ${line + 1}:${character} ${i.label}`;
                assert.ok(r.start.line === line && r.end.line === line, where);
                assert.ok(r.start.character <= character && character <= r.end.character, where);
                assert.ok(r.end.character <= l.length, where);
                if (tab >= 0) assert.ok(r.start.character > tab, `${where}: the TAB is kept`);
                assert.ok(typeof i.detail === 'string' && i.detail.length > 0, where);
              }
            }
          }
        }
      }
      assert.ok(offered > 1000, `${offered} positions offered something`);
    });

    it('garbage text: no error, anywhere', () => {
      let seed = 12345;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      const alphabet = [
        '\t',
        '\n',
        '\r\n',
        '\r',
        '',
        ' ',
        '\u3000',
        '产出指标',
        '数量指标',
        '≥',
        '≤',
        '1',
        '2.5',
        '%',
        '万元',
        '长期目标1：',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标值',
        '绩效目标表',
        '（',
        '）',
        '人次',
        '\ud800',
      ];
      for (let k = 0; k < 300; k++) {
        let text = '';
        const n = 20 + rand(300);
        for (let i = 0; i < n; i++) text += alphabet[rand(alphabet.length)];
        const model = parseDocument(text);
        const lines = text.split(/\r\n|\r|\n/);
        for (let t = 0; t < 20; t++) {
          const line = rand(lines.length + 2) - 1;
          const character = rand((lines[line]?.length ?? 3) + 3) - 1;
          assert.ok(Array.isArray(completionsAt(model, { line, character }, '2021', 'zh')));
        }
      }
    });
  });
});
