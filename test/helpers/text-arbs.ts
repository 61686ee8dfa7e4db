/**
 * Generators of hostile text for the robustness property tests: every kind of line break, BOM,
 * NUL, lone surrogates, emoji and CJK Extension B (surrogate pairs), TABs, titles and table
 * fragments of the format, full-width digits and look-alike comparators.
 */
import fc from 'fast-check';
import { PIECES } from './edits';

export const NASTY = [
  '\r\n',
  '\r',
  '\n',
  '\n\r',
  '\t',
  '\t\t',
  '\ufeff',
  '\u0000',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '😀',
  '👨‍👩‍👧',
  '𠀀',
  '𠀀𠀁𪚥',
  '\u3000',
  '\u00a0',
  '\u2028',
  '\u200b',
  ' ',
  '≧',
  '≦',
  '＞',
  '＜',
  '＝',
  '>=',
  '⩾',
  '《',
  '》',
  '％',
  '%%',
  '１２３',
  '０.９８',
  '100万',
  '万元',
  '以上',
  '以内',
  '项',
  '场',
  '次',
  '1',
  '0.98',
  '-',
  '—',
  '/',
  '无',
  '是',
  '≥',
  '≤',
  '整体支出绩效目标表',
  '武汉市东西湖区测试局',
  '武汉市东西湖区测试局整体支出绩效目标表',
  '\t武汉市东西湖区测试局整体支出绩效目标表\n',
  '\t整体绩效总目标\t长期目标（截至2028年）\t年度目标',
  '\t长期目标1：',
  '\t年度目标2：',
  '目标3：',
  '1、',
  '\t长期绩效指标',
  '\t年度绩效指标',
  '\t一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据',
  '\t产出指标',
  '\t数量指标',
  '\t成本指标',
  '\t经济成本',
  '\t满意度指标',
  '\t效益指标',
  '\t服务对象满意度',
  '\t≥90%',
  '\t计划数据',
  '\t前年\t上年',
  '\t近两年指标值\t预计当年实现值',
  '单位：万元',
  '\t\n',
  '\n\n',
  ...PIECES,
];

/** Any UTF-16 code unit, lone surrogates included. */
export const codeUnitArb = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A short random string of one of several kinds. */
export const fragmentArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnitArb, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

/** A document made of random fragments (mostly format pieces and line breaks). */
export const hostileTextArb = fc.oneof(
  { weight: 5, arbitrary: fc.array(fragmentArb, { maxLength: 80 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnitArb, maxLength: 300 }) },
  // random bytes as an editor decoding a binary file would show them
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).chain((b) => fc.constantFrom(Buffer.from(b).toString('latin1'), Buffer.from(b).toString('utf8'))) },
);

/** A text with very long lines: a fragment repeated to ~100,000 characters, with a few breaks around. */
export const longLineTextArb = fc
  .tuple(fc.array(fragmentArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 50_000, max: 100_000 }), fragmentArb, fragmentArb, fc.boolean())
  .map(([parts, length, head, tail, two]) => {
    let unit = parts.join('').replace(/[\r\n]/g, '');
    if (unit === '') unit = '\t';
    const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    return head + '\n' + line + (two ? '\r\n' + line : '') + '\n' + tail;
  });
