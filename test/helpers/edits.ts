/**
 * Random edits and line mutations shared by the property tests (incremental.test.ts and the
 * fuzz tests in test/unit/fuzz/): splices biased towards what breaks structure (line breaks of
 * every kind, TABs, titles, goal headers, comparators) turned into LSP content changes, and the
 * line-level mutations a careless copy-paste in Word does.
 */
import fc from 'fast-check';
import type { TextChange } from '../../server/src/core/parse/document';

/** Scale of every property's run count: `FUZZ_RUNS` (1 in the normal test run; `npm run fuzz` sets it high). */
export const SCALE = Number(process.env.FUZZ_RUNS ?? 1);

export const PIECES = [
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  '　',
  '≧',
  '《',
  '》',
  '1',
  '%',
  '项',
  '\ufeff',
  '',
  '整体支出绩效目标表',
  '绩效目标表',
  '武汉市东西湖区测试局',
  '武汉市东西湖区测试局整体支出绩效目标表\n',
  '\t长期目标1：\n',
  '\t年度目标2：\n',
  '\t整体绩效总目标\n',
  '\t产出指标\n',
  '\t\n',
  '目标3：',
  '单位：万元',
];

/** Position of an offset in a text, counting lines as LSP does. */
export function positionAt(text: string, offset: number) {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  // An offset between \r and \n is not a position LSP can name: callers avoid it.
  return { line, character: offset - lineStart };
}

export interface Splice {
  at: number;
  del: number;
  insert: string;
}

export const spliceArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 })),
  insert: fc.oneof(
    fc.constantFrom(...PIECES),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((a) => a.join('')),
    fc.string({ maxLength: 6 }),
  ),
});

/**
 * What changes the sections and layouts of the other families (docs/format.md §7): title endings
 * (表, a closing bracket, a table number, 绩效目标 on a row of its own), year lines, header labels
 * and the cells of split values.
 */
const FAMILY_PIECES = [
  '表',
  ')',
  '）',
  '3',
  '(2022年度)',
  '\n\n',
  '\n',
  '\t',
  '项目支出绩效目标表',
  '\t项目支出绩效目标批复表\n\n',
  '\n\t部门整体绩效目标\n\n',
  '部门预算项目支出绩效自评表(2023年度)\n',
  '\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n',
  '\t绩效指标\n',
  '\t项目名称\n\t测试项目\n\n',
  '\t=\n\t100\n\t%\n',
  '(长期)',
  '\t合计\n',
];

export const familySpliceArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 })),
  insert: fc.oneof(
    fc.constantFrom(...FAMILY_PIECES),
    fc.array(fc.constantFrom(...FAMILY_PIECES, ...PIECES), { maxLength: 3 }).map((a) => a.join('')),
  ),
});

/** Turns a random splice into an LSP change on `text`, and the text it produces. */
export function toChange(text: string, s: Splice): { change: TextChange; text: string } {
  let a = Math.floor(s.at * text.length);
  let b = Math.min(text.length, a + s.del);
  // keep \r\n pairs whole: LSP positions cannot point between them
  if (a > 0 && text[a - 1] === '\r' && text[a] === '\n') a--;
  if (b > 0 && b < text.length && text[b - 1] === '\r' && text[b] === '\n') b++;
  const change = { range: { start: positionAt(text, a), end: positionAt(text, b) }, text: s.insert };
  return { change, text: text.slice(0, a) + s.insert + text.slice(b) };
}

export interface Mutation {
  kind: string;
  a: number;
  b: number;
}

/** Line-level mutations of real text: what a careless copy-paste in Word does. */
export const mutationArb = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'split'),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
});

export function mutate(text: string, mutations: Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const i = Math.floor(m.a * lines.length);
    const j = Math.floor(m.b * lines.length);
    if (i >= lines.length || j >= lines.length) continue;
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]);
    else if (m.kind === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
    else {
      const at = Math.floor(m.b * lines[i].length);
      lines.splice(i, 1, lines[i].slice(0, at), lines[i].slice(at));
    }
  }
  return lines.join('\n');
}
