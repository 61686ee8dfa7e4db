/** format.md §4: the 指标值 parser, on single values. */
import * as assert from 'node:assert/strict';
import { makeCell } from '../../../server/src/core/parse/cell';
import fc from 'fast-check';
import { parseValue, scanNumber, valueDirection } from '../../../server/src/core/parse/value';

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
});
