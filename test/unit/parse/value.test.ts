/** format.md §4 and §7.5: the 指标值 parser, on single values, values in three cells and units in names. */
import * as assert from 'node:assert/strict';
import { makeCell } from '../../../server/src/core/parse/cell';
import fc from 'fast-check';
import type { Cell, Range } from '../../../server/src/core/model';
import { joinValue, parseValue, scanNumber, unitFromName, valueDirection, yesNo } from '../../../server/src/core/parse/value';

/** A value cell on line 0 whose text starts at character 1 (after the TAB). */
const value = (text: string) => parseValue(makeCell(['\t' + text], 0, 1, 0, true));
const slice = (text: string, r: { start: { character: number }; end: { character: number } }) => text.slice(r.start.character - 1, r.end.character - 1);

describe('format.md §4: values', () => {
  for (const [text, raw, normalized, standard] of [
    ['≥90%', '≥', '≥', true],
    ['≤10', '≤', '≤', true],
    ['>5次', '>', '>', true],
    ['<3天', '<', '<', true],
    ['=100%', '=', '=', true],
    ['≧90%', '≧', '≥', false],
    ['≦5%', '≦', '≤', false],
    ['＞5次', '＞', '>', false],
    ['＜3天', '＜', '<', false],
    ['＝100%', '＝', '=', false],
    ['》90%', '》', '≥', false],
    ['《1000', '《', '≤', false],
    ['>=90%', '>=', '≥', false],
  ] as const) {
    it(`reads the comparator of ${text}`, () => {
      const v = value(text);
      assert.equal(v.kind, 'numeric');
      assert.equal(v.comparator?.raw, raw);
      assert.equal(v.comparator?.normalized, normalized);
      assert.equal(v.comparator?.standard, standard);
      assert.equal(slice(text, v.comparator!.range), raw);
    });
  }

  it('never reads a book title 《…》 as a comparator', () => {
    for (const text of ['《东西湖区人民政府公报》编辑印发期数', '《公报》12期', '《 100']) {
      const v = value(text);
      assert.equal(v.comparator, null, text);
      assert.equal(v.kind, 'text', text);
    }
  });

  for (const [text, num, unit] of [
    ['100%', 100, '%'],
    ['2项', 2, '项'],
    ['≥1,000人次', 1000, '人次'],
    ['0.98', 0.98, null],
    ['≤1.5万元/年', 1.5, '万元/年'],
    ['3元/生·学期', 3, '元/生·学期'],
    ['12km', 12, 'km'],
    ['5万平方米', 5, '万平方米'],
    ['1000', 1000, null],
    ['98%%', 98, '%%'],
    ['1000万', 1000, '万'],
  ] as const) {
    it(`reads number and unit of ${text}`, () => {
      const v = value(text);
      assert.equal(v.kind, 'numeric');
      assert.equal(v.number?.value, num);
      assert.equal(v.unit?.text ?? null, unit);
      if (unit) assert.equal(slice(text, v.unit!.range), unit);
    });
  }

  it('recognises and flags full-width digits', () => {
    const v = value('１２项');
    assert.equal(v.number?.value, 12);
    assert.equal(v.number?.fullWidth, true);
    assert.equal(v.unit?.text, '项');
  });

  it('reads textual qualifiers and their meaning', () => {
    assert.equal(value('90%以上').qualifier?.text, '以上');
    assert.equal(valueDirection(value('90%以上')), '≥');
    assert.equal(valueDirection(value('24小时以内')), '≤');
    assert.equal(value('24小时以内').unit?.text, '小时');
    assert.equal(valueDirection(value('5天左右')), null);
    assert.equal(valueDirection(value('不低于95%')), '≥');
  });

  it('records whitespace inside a value', () => {
    const v = value('≥ 20场');
    assert.equal(v.innerSpaces.length, 1);
    assert.equal(slice('≥ 20场', v.innerSpaces[0]), ' ');
    assert.equal(v.number?.value, 20);
  });

  for (const text of ['-', '/', '无', '——']) {
    it(`reads the placeholder ${text}`, () => assert.equal(value(text).kind, 'placeholder'));
  }

  for (const text of ['提升', '不超合同金额', '90%-95%', '按时完成年度100%工作任务', '显著']) {
    it(`reads ${text} as qualitative text`, () => assert.equal(value(text).kind, 'text'));
  }

  it('reads an empty cell as empty', () => assert.equal(value('').kind, 'empty'));

  it('scans numbers exactly as the regular expression it replaced', () => {
    const NUMBER_RE = /[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/y;
    const char = fc.constantFrom(...'0123456789０１２３４５６７８９,，.．%万 x≥');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 14 }), fc.nat(3), (chars, at) => {
        const text = chars.join('');
        const pos = Math.min(at, text.length);
        NUMBER_RE.lastIndex = pos;
        const m = NUMBER_RE.exec(text);
        assert.equal(scanNumber(text, pos), m ? pos + m[0].length : pos, JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives every value of §4 the shape it had the kind of', () => {
    assert.equal(value('≥90%').shape, 'number');
    assert.equal(value('1000').shape, 'number');
    assert.equal(value('').shape, 'empty');
    assert.equal(value('-').shape, 'placeholder');
    assert.equal(value('按时完成年度100%工作任务').shape, 'text');
    for (const text of ['≥90%', '1-2次', '2025年12月', '优良', '']) {
      const v = value(text);
      assert.equal(v.parts, null, text);
    }
  });
});

/** Source text of a range in the three-line documents below (one cell per line, after a TAB). */
function textIn(lines: readonly string[], r: Range): string {
  assert.equal(r.start.line, r.end.line, 'a part lies on one line');
  return lines[r.start.line].slice(r.start.character, r.end.character);
}

describe('format.md §7.5: ranges', () => {
  for (const [text, lower, upper, unit] of [
    ['1-2次', '1', '2', '次'],
    ['80%-90%', '80', '90', '%'],
    ['80-90%', '80', '90', '%'],
    ['3～5个', '3', '5', '个'],
    ['3~5个', '3', '5', '个'],
    ['1至2次', '1', '2', '次'],
    ['1到2次', '1', '2', '次'],
    ['1－2次', '1', '2', '次'],
    ['1—2次', '1', '2', '次'],
    ['1-12月', '1', '12', '月'],
    ['10-30万元/本', '10', '30', '万元/本'],
    ['1.5-2.5', '1.5', '2.5', null],
    ['1,000-2,000人', '1,000', '2,000', '人'],
  ] as const) {
    it(`reads ${text} as a range: lower ${lower}, upper ${upper}, unit ${unit}`, () => {
      const v = value(text);
      assert.equal(v.kind, 'text', 'a range stays kind text, as before');
      assert.equal(v.shape, 'range');
      assert.equal(v.comparator, null);
      assert.equal(v.ambiguousComparator, false);
      assert.equal(slice(text, v.number!.range), lower);
      assert.equal(v.number!.raw, lower);
      assert.equal(slice(text, v.upper!.range), upper);
      assert.equal(v.upper!.raw, upper);
      assert.equal(v.number!.value, Number(lower.replace(/,/g, '')));
      assert.equal(v.upper!.value, Number(upper.replace(/,/g, '')));
      assert.equal(v.unit?.text ?? null, unit);
      if (unit) assert.equal(slice(text, v.unit!.range), unit);
      assert.equal(v.date, null);
      assert.equal(v.dateEnd, null);
    });
  }

  it('reads spaces inside a range, and a qualifier after it', () => {
    const t = '1 - 2次以上';
    const v = value(t);
    assert.equal(v.shape, 'range');
    assert.equal(slice(t, v.number!.range), '1');
    assert.equal(slice(t, v.upper!.range), '2');
    assert.equal(slice(t, v.unit!.range), '次');
    assert.equal(slice(t, v.qualifier!.range), '以上');
    assert.equal(valueDirection(v), '≥');
    assert.equal(v.ambiguousComparator, false, 'only a comparator before the range is flagged');
    assert.deepEqual(
      v.innerSpaces.map((r) => slice(t, r)),
      [' ', ' '],
    );
  });

  it('reads full-width digits in both bounds', () => {
    const v = value('１-２次');
    assert.equal(v.number!.value, 1);
    assert.equal(v.number!.fullWidth, true);
    assert.equal(v.upper!.value, 2);
    assert.equal(v.upper!.fullWidth, true);
  });

  for (const text of ['5万-10万元', '20%/20%', '1--2次', '7*24小时', '区级≥50场，市级≥于7场', '1-2次，3-4次']) {
    it(`does not read ${text} as a range`, () => {
      const v = value(text);
      assert.equal(v.kind, 'text');
      assert.equal(v.shape, 'text');
      assert.equal(v.upper, null);
      assert.equal(v.number, null);
    });
  }

  it('leaves a number with a trailing dash as it was (numeric, unit -)', () => {
    const v = value('5-');
    assert.equal(v.kind, 'numeric');
    assert.equal(v.upper, null);
    assert.equal(v.unit?.text, '-');
  });

  for (const [text, sym, normalized, standard] of [
    ['≥1-2次', '≥', '≥', true],
    ['≧1-2次', '≧', '≥', false],
    ['>=1-2次', '>=', '≥', false],
    ['≤80%-90%', '≤', '≤', true],
    ['不低于1-2次', '不低于', '≥', true],
  ] as const) {
    it(`reads ${text}: comparator ${sym} before a range, flagged ambiguous`, () => {
      const v = value(text);
      assert.equal(v.kind, 'text', 'kind text, as before: rules that switch on kind see what they saw');
      assert.equal(v.shape, 'range');
      assert.equal(v.ambiguousComparator, true);
      assert.equal(v.comparator!.raw, sym);
      assert.equal(v.comparator!.normalized, normalized);
      assert.equal(v.comparator!.standard, standard);
      assert.equal(slice(text, v.comparator!.range), sym);
      const rest = text.slice(sym.length);
      const [lower, upper] = rest.split('-').map((p) => p.replace(/[^0-9]/g, ''));
      assert.equal(slice(text, v.number!.range), lower);
      assert.equal(slice(text, v.upper!.range), upper);
      assert.equal(slice(text, v.unit!.range), rest.endsWith('%') ? '%' : '次');
    });
  }

  it('reads ≥ 1-2次 with a space after the comparator', () => {
    const t = '≥ 1-2次';
    const v = value(t);
    assert.equal(v.ambiguousComparator, true);
    assert.equal(slice(t, v.comparator!.range), '≥');
    assert.equal(slice(t, v.number!.range), '1');
    assert.equal(v.innerSpaces.length, 1);
  });
});

describe('format.md §7.5: dates and periods', () => {
  it('reads 2025年12月 as a date (kind text, as before), with no numeric reading', () => {
    const t = '2025年12月';
    const v = value(t);
    assert.equal(v.kind, 'text');
    assert.equal(v.shape, 'date');
    assert.equal(v.number, null);
    assert.equal(v.unit, null);
    assert.deepEqual([v.date!.raw, v.date!.year, v.date!.month, v.date!.day], ['2025年12月', 2025, 12, null]);
    assert.equal(slice(t, v.date!.range), t);
    assert.equal(v.dateEnd, null);
  });

  it('reads 2025年12月31日, 2025年12月底前 and ≤2025年6月 as dates', () => {
    const v = value('2025年12月31日');
    assert.deepEqual([v.shape, v.date!.year, v.date!.month, v.date!.day], ['date', 2025, 12, 31]);
    const t = '2025年12月底前';
    const w = value(t);
    assert.equal(w.shape, 'date');
    assert.equal(slice(t, w.date!.range), '2025年12月');
    const u = value('≤2025年6月');
    assert.equal(u.shape, 'date');
    assert.equal(u.comparator!.normalized, '≤');
    assert.equal(u.ambiguousComparator, false, 'a bound on one date is clear');
    assert.equal(slice('≤2025年6月', u.date!.range), '2025年6月');
  });

  it('reads a year alone as a date and keeps its numeric reading (kind numeric, number 2025, unit 年)', () => {
    const t = '2025年';
    const v = value(t);
    assert.equal(v.kind, 'numeric');
    assert.equal(v.shape, 'date');
    assert.equal(v.number!.value, 2025);
    assert.equal(v.unit!.text, '年');
    assert.deepEqual([v.date!.raw, v.date!.year, v.date!.month], ['2025年', 2025, null]);
    assert.equal(slice(t, v.date!.range), '2025年');
    assert.equal(value('2025年度').shape, 'date');
    assert.equal(value('2025年底').shape, 'date');
    assert.equal(value('2025年内').shape, 'date');
  });

  for (const text of ['1年', '3年', '12个月', '12月', '1000年', '2025年份']) {
    it(`reads ${text} as a number (a duration, or no year), not a date`, () => {
      const v = value(text);
      assert.equal(v.kind, 'numeric');
      assert.equal(v.shape, 'number');
      assert.equal(v.date, null);
    });
  }

  for (const text of ['2025年13月', '2025年12', '当年12月', '2025年12月份工作']) {
    it(`does not read ${text} as a date`, () => {
      const v = value(text);
      assert.equal(v.shape, 'text');
      assert.equal(v.date, null);
    });
  }

  for (const [text, from, to, y1, m1, y2, m2] of [
    ['2023.07-2024.01', '2023.07', '2024.01', 2023, 7, 2024, 1],
    ['2023.7-2024.12', '2023.7', '2024.12', 2023, 7, 2024, 12],
    ['202001-202012', '202001', '202012', 2020, 1, 2020, 12],
    ['2023-2025年', '2023', '2025年', 2023, null, 2025, null],
    ['2023年-2024年', '2023年', '2024年', 2023, null, 2024, null],
  ] as const) {
    it(`reads ${text} as a period, with its numeric reading as a range`, () => {
      const v = value(text);
      assert.equal(v.kind, 'text');
      assert.equal(v.shape, 'period');
      assert.deepEqual([v.date!.raw, v.date!.year, v.date!.month], [from, y1, m1]);
      assert.deepEqual([v.dateEnd!.raw, v.dateEnd!.year, v.dateEnd!.month], [to, y2, m2]);
      assert.equal(slice(text, v.date!.range), from);
      assert.equal(slice(text, v.dateEnd!.range), to);
      assert.equal(slice(text, v.number!.range), from.replace('年', ''));
      assert.equal(slice(text, v.upper!.range), to.replace('年', ''));
    });
  }

  it('reads 2023年7月至2024年6月 as a period without a numeric reading', () => {
    const t = '2023年7月至2024年6月';
    const v = value(t);
    assert.equal(v.shape, 'period');
    assert.equal(v.number, null);
    assert.equal(slice(t, v.date!.range), '2023年7月');
    assert.equal(slice(t, v.dateEnd!.range), '2024年6月');
    assert.deepEqual([v.dateEnd!.year, v.dateEnd!.month], [2024, 6]);
  });

  it('reads ≥2023.07-2024.01 as an ambiguous period', () => {
    const v = value('≥2023.07-2024.01');
    assert.equal(v.shape, 'period');
    assert.equal(v.ambiguousComparator, true);
  });

  for (const text of ['2023.13-2024.01', '1800.01-1801.01', '2620.52-2700.10万元', '2023-2025']) {
    it(`reads ${text} as a range, not a period`, () => {
      const v = value(text);
      assert.equal(v.shape, 'range');
      assert.equal(v.date, null);
      assert.equal(v.dateEnd, null);
    });
  }

  it('reads 2620.52 (money) as a number, not a date', () => {
    assert.equal(value('2620.52').shape, 'number');
    assert.equal(value('202001').shape, 'number');
  });
});

describe('format.md §7.5: yes/no and grades', () => {
  for (const [text, kind, answer] of [
    ['是', 'text', true],
    ['有', 'text', true],
    ['否', 'text', false],
    ['无', 'placeholder', false],
  ] as const) {
    it(`reads ${text} as yes/no (${answer}), kind ${kind}`, () => {
      const v = value(text);
      assert.equal(v.kind, kind);
      assert.equal(v.shape, 'boolean');
      assert.equal(yesNo(v), answer);
    });
  }

  it('gives no yes/no answer for other values', () => {
    for (const text of ['-', '是否', '有效', '≥1次', '']) assert.equal(yesNo(value(text)), null, text);
  });

  for (const text of [
    '优良',
    '良好',
    '优秀',
    '合格',
    '达标',
    '明显',
    '显著',
    '影响程度明显',
    '成效明显',
    '效果显著',
    '长期',
    '持续改善',
    '巩固提高',
    '显著提升',
    '有效提升',
    '有所提升',
    '提升',
    '及时',
    '按时完成',
  ]) {
    it(`reads ${text} as a grade`, () => {
      const v = value(text);
      assert.equal(v.kind, 'text');
      assert.equal(v.shape, 'grade');
    });
  }

  for (const text of ['按市局要求开展', '良好以上', '逐年 推进', '不超合同金额', '指导各街道编纂街道志', '优秀、良好案卷≥80%', '显著提升了']) {
    it(`reads ${text} as text, not a grade`, () => assert.equal(value(text).shape, 'text'));
  }
});

/** Cells on consecutive lines, one per line after a TAB: a row of three cells. */
function cells(...texts: string[]): { lines: string[]; cells: Cell[] } {
  const lines = texts.map((t) => '\t' + t);
  return { lines, cells: texts.map((_, i) => makeCell(lines, i, 1, i, true)) };
}

describe('format.md §7.5: a value in three cells (joinValue)', () => {
  for (const [cmp, num, unit, raw, sym, normalized, standard] of [
    ['=', '116', '人', '=116人', '=', '=', true],
    ['≥', '95', '%', '≥95%', '≥', '≥', true],
    ['>=', '95', '%', '>=95%', '>=', '≥', false],
    ['≧', '95', '%', '≧95%', '≧', '≥', false],
    ['＝', '100', '%', '＝100%', '＝', '=', false],
    ['<=', '30', '天', '<=30天', '<=', '≤', false],
    ['不低于', '90', '%', '不低于90%', '不低于', '≥', true],
  ] as const) {
    it(`joins ${cmp} | ${num} | ${unit}: ${raw}, each part in its own cell`, () => {
      const {
        lines,
        cells: [c, n, u],
      } = cells(cmp, num, unit);
      const v = joinValue(c, n, u);
      assert.equal(v.raw, raw);
      assert.equal(v.kind, 'numeric');
      assert.equal(v.shape, 'number');
      assert.equal(v.comparator!.raw, sym);
      assert.equal(v.comparator!.normalized, normalized);
      assert.equal(v.comparator!.standard, standard);
      assert.deepEqual(v.comparator!.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 1 + sym.length } });
      assert.deepEqual(v.number!.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 1 + num.length } });
      assert.equal(v.number!.value, Number(num));
      assert.deepEqual(v.unit!.range, { start: { line: 2, character: 1 }, end: { line: 2, character: 1 + unit.length } });
      assert.equal(textIn(lines, v.unit!.range), unit);
      assert.equal(v.cell, n);
      assert.deepEqual(v.range, n.range);
      assert.equal(v.parts!.comparator, c);
      assert.equal(v.parts!.unit, u);
      assert.deepEqual(v.innerSpaces, []);
    });
  }

  it('lets a fix that replaces the comparator’s range edit the comparator cell only (>= | 95 | % → ≥ | 95 | %)', () => {
    const {
      lines,
      cells: [c, n, u],
    } = cells('>=', '95', '%');
    const r = joinValue(c, n, u).comparator!.range;
    const edited = lines.map((l, i) => (i === r.start.line ? l.slice(0, r.start.character) + '≥' + l.slice(r.end.character) : l));
    assert.deepEqual(edited, ['\t≥', '\t95', '\t%']);
  });

  it('reads 定性 | 优良 | (empty) as the grade 优良, with no comparator', () => {
    const {
      cells: [c, n, u],
    } = cells('定性', '优良', '');
    const v = joinValue(c, n, u);
    assert.equal(v.raw, '优良');
    assert.equal(v.kind, 'text');
    assert.equal(v.shape, 'grade');
    assert.equal(v.comparator, null);
    assert.equal(v.parts!.comparator, c, 'the 定性 cell is still there for rules to see');
    assert.equal(v.parts!.unit, u);
  });

  it('joins an empty comparator cell and a missing one as no comparator', () => {
    const {
      lines,
      cells: [c, n, u],
    } = cells('', '116', '人');
    const v = joinValue(c, n, u);
    assert.equal(v.raw, '116人');
    assert.equal(v.comparator, null);
    assert.equal(textIn(lines, v.unit!.range), '人');
    assert.equal(v.unit!.range.start.line, 2);
    const w = joinValue(null, n, null);
    assert.equal(w.raw, '116');
    assert.equal(w.unit, null);
    assert.deepEqual(w.parts, { comparator: null, unit: null });
  });

  it('leaves a comparator cell that holds text out of the value', () => {
    for (const text of ['计划数据', '《', '》', '≥≥', '大约']) {
      const {
        cells: [c, n, u],
      } = cells(text, '16', '万元');
      const v = joinValue(c, n, u);
      assert.equal(v.raw, '16万元', text);
      assert.equal(v.kind, 'numeric', text);
      assert.equal(v.comparator, null, text);
      assert.equal(v.number!.range.start.line, 1, text);
      assert.equal(v.parts!.comparator, c, text);
    }
  });

  it('joins ≥ | 1-2 | 次 as the ambiguous range ≥1-2次', () => {
    const {
      lines,
      cells: [c, n, u],
    } = cells('≥', '1-2', '次');
    const v = joinValue(c, n, u);
    assert.equal(v.raw, '≥1-2次');
    assert.equal(v.kind, 'text');
    assert.equal(v.shape, 'range');
    assert.equal(v.ambiguousComparator, true);
    assert.equal(textIn(lines, v.comparator!.range), '≥');
    assert.equal(v.comparator!.range.start.line, 0);
    assert.deepEqual(v.number!.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } });
    assert.deepEqual(v.upper!.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } });
    assert.deepEqual(v.unit!.range, { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } });
  });

  it('leaves out a unit cell that would make one unit with the number cell’s (95% | %)', () => {
    const {
      lines,
      cells: [c, n, u],
    } = cells('≥', '95%', '%');
    const v = joinValue(c, n, u);
    assert.equal(v.raw, '≥95%');
    assert.equal(v.unit!.text, '%');
    assert.equal(v.unit!.range.start.line, 1);
    assert.equal(textIn(lines, v.unit!.range), '%');
    assert.equal(v.parts!.unit, u);
  });

  it('leaves out a comparator cell that would make one comparator with the number cell’s (> | =95)', () => {
    const {
      cells: [c, n, u],
    } = cells('>', '=95', '%');
    const v = joinValue(c, n, u);
    assert.equal(v.raw, '=95%');
    assert.equal(v.comparator!.raw, '=');
    assert.deepEqual(v.comparator!.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } });
    assert.equal(v.unit!.range.start.line, 2);
  });

  it('reads an empty number cell as an empty value, whatever the other cells hold', () => {
    const {
      cells: [c, n, u],
    } = cells('=', '', '%');
    const v = joinValue(c, n, u);
    assert.equal(v.kind, 'empty');
    assert.equal(v.shape, 'empty');
    assert.equal(v.raw, '');
    assert.equal(v.cell, n);
    assert.deepEqual(v.parts, { comparator: c, unit: u });
  });

  it('keeps the comparator cell’s range when the number cell wraps onto two lines', () => {
    const lines = ['\t≥', '\t1,0', '00', '\t人次'];
    const c = makeCell(lines, 0, 1, 0, true);
    const n = makeCell(lines, 1, 1, 2, true);
    const u = makeCell(lines, 3, 1, 3, true);
    const v = joinValue(c, n, u);
    assert.equal(v.raw, '≥1,000人次');
    assert.equal(v.number!.value, 1000);
    assert.deepEqual(v.number!.range, { start: { line: 1, character: 1 }, end: { line: 2, character: 2 } });
    assert.deepEqual(v.unit!.range, { start: { line: 3, character: 1 }, end: { line: 3, character: 3 } });
    assert.deepEqual(v.comparator!.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
  });
});

describe('format.md §7.5: a unit in the 三级 name (unitFromName)', () => {
  const name = (text: string) => makeCell(['\t' + text], 0, 1, 0, true);
  for (const [text, unit] of [
    ['培训人数(人)', '人'],
    ['完成率（%）', '%'],
    ['造林面积(万亩)', '万亩'],
    ['蓄水量(万立方米)', '万立方米'],
    ['发表论文(篇)', '篇'],
    ['建设数量(个)', '个'],
    ['受益人次（人次）', '人次'],
    ['项目资金（单位：万元）', '万元'],
    ['项目资金( 万元 )', '万元'],
  ] as const) {
    it(`reads the unit ${unit} of ${text}, ranged inside the brackets`, () => {
      const u = unitFromName(name(text));
      assert.equal(u?.text, unit);
      assert.equal(slice(text, u!.range), unit);
    });
  }

  for (const text of ['培训人数', '覆盖率(市级)', '人数(人', '培训次数/年', '总额/亿元', '(人)数量', '检查(次)(市级)', '()']) {
    it(`reads no unit in ${text}`, () => assert.equal(unitFromName(name(text)), null));
  }
});

describe('every part of a value slices to its own text', () => {
  const char = fc.constantFrom(...'0123456789１２.．,-～至年月日度底前%次人万元 ≥≧>=＝《以上内左右优良是');
  const partsOf = (v: ReturnType<typeof parseValue>) =>
    [
      [v.comparator, v.comparator?.raw],
      [v.number, v.number?.raw],
      [v.upper, v.upper?.raw],
      [v.unit, v.unit?.text],
      [v.qualifier, v.qualifier?.text],
      [v.date, v.date?.raw],
      [v.dateEnd, v.dateEnd?.raw],
    ] as const;

  it('in one cell', () => {
    fc.assert(
      fc.property(fc.array(char, { maxLength: 16 }), (chars) => {
        const text = chars.join('').trim();
        const v = value(text);
        for (const [part, raw] of partsOf(v)) if (part) assert.equal(slice(text, part.range), raw, JSON.stringify(text));
        if (v.upper) assert.ok(v.number, 'an upper bound has a lower one');
        if (v.ambiguousComparator) assert.ok(v.comparator && (v.upper || v.dateEnd));
        assert.equal(v.kind === 'numeric', v.shape === 'number' || (v.shape === 'date' && v.number !== null), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('in three cells, each part inside one cell', () => {
    const cellText = fc.array(char, { maxLength: 6 }).map((c) => c.join('').trim());
    fc.assert(
      fc.property(fc.constantFrom('', '≥', '>=', '＝', '定性', '《', '计划'), cellText, cellText, (cmp, num, unit) => {
        const {
          lines,
          cells: [c, n, u],
        } = cells(cmp, num, unit);
        const v = joinValue(c, n, u);
        for (const [part, raw] of partsOf(v)) if (part) assert.equal(textIn(lines, part.range), raw, JSON.stringify([cmp, num, unit]));
        assert.ok(v.raw.includes(num), 'the number cell is always in the value');
      }),
      { numRuns: 3000 },
    );
  });
});
