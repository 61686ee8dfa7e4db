import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Range } from '../../../server/src/core/model';
import { documentText, parseDocument } from '../../../server/src/core/parse/document';
import type { DocumentProblem } from '../../../server/src/core/rules/index';
import { codeActions, FIX_ALL_KIND } from '../../../server/src/features/code-actions';
import { documentProblems } from '../../../server/src/features/diagnostics';
import { applyEdits, collectFixEdits, diffEdits, fixAll, fixAllText, type TextEdit } from '../../../server/src/core/fixes';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { assertSameModel } from '../../helpers/model-equality';
import { department, sampleText } from '../../helpers/fixtures';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const edit = (range: Range, newText: string): TextEdit => ({ range, newText });

function problem(code: string, range: Range, edits: TextEdit[], safe = true): DocumentProblem {
  return {
    code,
    range,
    severity: 'warning',
    message: { zh: '问题', en: 'problem' },
    fix: { title: { zh: '修复', en: 'fix' }, edits, safe },
    section: parseDocument('').sections[0],
  };
}

describe('features/fixes', function () {
  it('applyEdits keeps line breaks and applies edits in any order', function () {
    const text = 'a≧1\r\nb≦2\nc';
    assert.equal(applyEdits(text, [edit(r(1, 1, 1, 2), '≤'), edit(r(0, 1, 0, 2), '≥')]), 'a≥1\r\nb≤2\nc');
    assert.throws(() => applyEdits(text, [edit(r(0, 0, 0, 2), 'x'), edit(r(0, 1, 0, 3), 'y')]), /overlapping/);
  });

  it('collectFixEdits takes identical edits once, skips overlapping fixes whole and unsafe ones', function () {
    const ps = [
      problem('TT201', r(0, 1, 0, 2), [edit(r(0, 1, 0, 2), '≥')]),
      problem('TT201', r(0, 1, 0, 2), [edit(r(0, 1, 0, 2), '≥')]), // reported twice
      problem('TT104', r(0, 0, 0, 4), [edit(r(0, 0, 0, 1), ''), edit(r(0, 2, 0, 4), 'x')]), // overlaps nothing? (0,0-1) no, (0,2-4) no
      problem('TT105', r(0, 1, 0, 3), [edit(r(0, 1, 0, 3), 'yy')]), // overlaps the TT201 edit
      problem('TT999', r(1, 0, 1, 1), [edit(r(1, 0, 1, 1), 'z')], false),
    ];
    const got = collectFixEdits(ps);
    assert.equal(got.fixes, 2);
    assert.equal(got.skipped, 1);
    assert.deepEqual(got.edits, [edit(r(0, 0, 0, 1), ''), edit(r(0, 1, 0, 2), '≥'), edit(r(0, 2, 0, 4), 'x')]);
  });

  it('collected edits never overlap (property)', function () {
    const arbEdit = fc.record({ line: fc.nat(3), a: fc.nat(6), len: fc.nat(3), text: fc.constantFrom('', 'x', '≥') });
    fc.assert(
      fc.property(fc.array(fc.array(arbEdit, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (fixes) => {
        const ps = fixes.map((es) => {
          const edits = es.map((e) => edit(r(e.line, e.a, e.line, e.a + e.len), e.text));
          return problem('TT201', edits[0].range, edits);
        });
        const { edits } = collectFixEdits(ps);
        const text = '0123456789\n0123456789\r\n0123456789\n0123456789';
        applyEdits(text, edits); // throws on overlap
      }),
    );
  });

  it('diffEdits turns one text into another (property)', function () {
    const arbText = fc.array(fc.constantFrom('a', 'b', '≥', '\n', '\r\n', '\t'), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(arbText, arbText, (a, b) => {
        assert.equal(applyEdits(a, diffEdits(a, b)), b);
      }),
    );
  });

  describe('[rules] fix-all on the sample', function () {
    const text = sampleText();
    const model = parseDocument(text);

    it('its edits produce the fixed model, which equals a full parse, and a second fix-all changes nothing', function () {
      const res = fixAll(model, DEFAULT_SETTINGS);
      assert.ok(res.fixes > 0);
      const fixed = applyEdits(text, res.edits);
      assert.equal(documentText(res.model), fixed);
      assertSameModel(res.model, parseDocument(fixed));
      const again = fixAll(res.model, DEFAULT_SETTINGS);
      assert.equal(again.fixes, 0);
      assert.deepEqual(again.edits, []);
      // Nothing fixable is left: every remaining problem's fix is unsafe (quick fix only).
      assert.ok(documentProblems(res.model, DEFAULT_SETTINGS).every((p) => !p.fix?.safe));
    });

    it('fixAllText is idempotent', function () {
      const once = fixAllText(text, DEFAULT_SETTINGS);
      const twice = fixAllText(once.text, DEFAULT_SETTINGS);
      assert.equal(twice.fixes, 0);
      assert.equal(twice.text, once.text);
    });
  });
});

describe('features/code-actions', function () {
  const model = parseDocument(department());
  const ps = [
    problem('TT201', r(3, 1, 3, 2), [edit(r(3, 1, 3, 2), '≥')]),
    problem('TT201', r(5, 1, 5, 2), [edit(r(5, 1, 5, 2), '≥')]),
    problem('TT104', r(3, 2, 3, 4), [edit(r(3, 2, 3, 4), 'x')], false),
  ];
  const input = (range: Range, only?: string[]) => ({ uri: 'file:///a.txt', range, diagnostics: [], only });

  it('a preferred quick fix per problem with exactly its edits, plus fix-all of the kind', function () {
    const actions = codeActions(model, input(r(3, 1, 3, 1)), DEFAULT_SETTINGS, 'zh', ps);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1); // TT104 starts after the requested range
    assert.deepEqual(preferred[0].edit!.changes!['file:///a.txt'], [edit(r(3, 1, 3, 2), '≥')]);
    assert.equal(preferred[0].kind, 'quickfix');
    assert.equal(preferred[0].diagnostics![0].code, 'TT201');
    assert.equal(preferred[0].diagnostics![0].source, 'target-table');
    const all = actions.find((a) => a.title.includes('TT201'));
    assert.ok(all);
    assert.deepEqual(all.edit!.changes!['file:///a.txt'], [edit(r(3, 1, 3, 2), '≥'), edit(r(5, 1, 5, 2), '≥')]);
    assert.ok(!actions.some((a) => a.kind === FIX_ALL_KIND), 'no source action unless asked for');
  });

  it('source.fixAll.targetTable only when requested, with safe fixes only; versioned edits with a version', function () {
    const actions = codeActions(model, { ...input(r(0, 0, 0, 0), ['source.fixAll']), version: 7 }, DEFAULT_SETTINGS, 'en', ps);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, FIX_ALL_KIND);
    assert.equal(actions[0].title, 'Fix all safely fixable problems in this file');
    const dc = actions[0].edit!.documentChanges![0] as { textDocument: { version: number }; edits: TextEdit[] };
    assert.equal(dc.textDocument.version, 7);
    assert.deepEqual(dc.edits, [edit(r(3, 1, 3, 2), '≥'), edit(r(5, 1, 5, 2), '≥')]);
    assert.deepEqual(codeActions(model, input(r(0, 0, 0, 0), ['refactor']), DEFAULT_SETTINGS, 'zh', ps), []);
  });
});
