/**
 * Mutation fuzzing of the real sample: one department (sometimes two or three consecutive ones)
 * has lines deleted, duplicated, swapped and split, and symbols injected (≧ ≦ 《 》 ％, full-width
 * digits, TABs, titles, goal headers …), sometimes as CRLF or with a BOM. On the result:
 * parse and check never throw, the model invariants hold, every range is inside the document,
 * every fix is minimal and keeps line breaks, fix-all is idempotent; and for a share of the
 * cases a few random edits are applied incrementally and compared with a full parse.
 * Per-case work is one department (~0.5–1 ms), so `npm run fuzz` can run 100,000 cases.
 */
import fc from 'fast-check';
import { parseDocument, updateDocument, type TextChange } from '../../../server/src/core/parse/document';
import { sampleText } from '../../helpers/fixtures';
import { SCALE, mutate, spliceArb, toChange } from '../../helpers/edits';
import { assertModelInvariants, assertRobust } from '../../helpers/invariants';
import { assertSameModel } from '../../helpers/model-equality';

const INJECT = [
  '≧',
  '≦',
  '《',
  '》',
  '％',
  '%%',
  '＞',
  '＜',
  '＝',
  '>=',
  '１',
  '２０',
  '０.９８',
  '１００％',
  '\t',
  '\t\t',
  '　',
  ' ',
  '万',
  '万元',
  '武汉市东西湖区测试局整体支出绩效目标表',
  '整体支出绩效目标表',
  '绩效目标表',
  '\t长期目标1：',
  '\t年度目标1：',
  '目标1：',
  '\t整体绩效总目标',
  '\t产出指标',
  '\t成本指标',
  '\t满意度指标',
  '\t数量指标',
  '以上',
  '以内',
  '\u0000',
  '\ufeff',
  '𠀀',
  '😀',
  '\ud800',
];

const injectArb = fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.constantFrom(...INJECT) });

/** Inserts `what` into line ⌊a·n⌋ at column ⌊b·length⌋ (never inside a surrogate pair, which an editor cannot do either). */
function inject(text: string, injections: { a: number; b: number; what: string }[]): string {
  const lines = text.split('\n');
  for (const m of injections) {
    const i = Math.floor(m.a * lines.length);
    if (i >= lines.length) continue;
    let at = Math.floor(m.b * lines[i].length);
    const c = lines[i].charCodeAt(at);
    if (c >= 0xdc00 && c <= 0xdfff) at--;
    lines[i] = lines[i].slice(0, at) + m.what + lines[i].slice(at);
  }
  return lines.join('\n');
}

function sampleDepartments(): string[] {
  const model = parseDocument(sampleText());
  return model.sections.map((s) => s.body.lines.map((l, i) => l + s.body.eols[i]).join(''));
}

const mutationArb = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'split', 'delete', 'duplicate'),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
});

/**
 * What of the sample a case starts from. Mostly (90 %) a window of one department: its head
 * (title, unit, the start of the overview) and 10–80 lines from anywhere in it, which is what
 * makes 100,000 cases affordable; else the whole department (8 %), or two or three consecutive ones (2 %).
 */
const pieceArb = fc.oneof(
  {
    weight: 45,
    arbitrary: fc.record({
      kind: fc.constant('window' as const),
      head: fc.integer({ min: 0, max: 14 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 10, max: 80 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('departments' as const), count: fc.constant(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('departments' as const), count: fc.integer({ min: 2, max: 3 }) }) },
);

type Piece = { kind: 'window'; head: number; at: number; length: number } | { kind: 'departments'; count: number };

function cut(parts: string[], first: number, piece: Piece): string {
  if (piece.kind === 'departments') return parts.slice(first, first + piece.count).join('');
  const lines = parts[first].split(/(?<=\n)/);
  const head = Math.min(piece.head, lines.length);
  const from = head + Math.floor(piece.at * (lines.length - head));
  return lines.slice(0, head).join('') + lines.slice(from, from + piece.length).join('');
}

describe('fuzz: mutations of the sample', () => {
  const parts = sampleDepartments();

  it('mutated departments: parse, invariants, diagnostics inside, fixes minimal and line-break-safe, fix-all idempotent; incremental = full', function () {
    this.timeout(120000 * SCALE);
    let n = 0;
    let incremental = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: parts.length - 1 }),
        pieceArb,
        fc.array(mutationArb, { maxLength: 8 }),
        fc.array(injectArb, { maxLength: 6 }),
        fc.constantFrom('lf', 'lf', 'lf', 'crlf', 'bom-crlf', 'bom'),
        fc.oneof(
          { weight: 9, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.array(fc.array(spliceArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }) },
        ),
        (first, piece, mutations, injections, form, edits) => {
          n++;
          let text = inject(mutate(cut(parts, first, piece), mutations), injections);
          if (form.includes('crlf')) text = text.replace(/\r?\n/g, '\r\n');
          if (form.startsWith('bom')) text = '\ufeff' + text;
          const model = assertRobust(text);
          if (!edits) return;
          incremental++;
          let t = text;
          let m = model;
          for (const batch of edits) {
            const changes: TextChange[] = batch.map((s) => {
              const r = toChange(t, s);
              t = r.text;
              return r.change;
            });
            m = updateDocument(m, changes);
          }
          const full = parseDocument(t);
          assertSameModel(m, full);
          assertModelInvariants(m, t);
        },
      ),
      { numRuns: 3000 * SCALE },
    );
    console.log(`      mutated departments: ${n} cases (${incremental} with incremental edits)`);
  });
});
