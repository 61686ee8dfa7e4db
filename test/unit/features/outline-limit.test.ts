import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver';
import { parseDocument } from '../../../server/src/core/parse/document';
import { TABLE_KIND, documentOutline, outlineDetails } from '../../../server/src/features/document-symbols';
import { normalizeSettings } from '../../../server/src/core/settings';
import { sampleText } from '../../helpers/fixtures';

const count = (ss: readonly DocumentSymbol[]): number => ss.reduce((n, s) => n + 1 + count(s.children ?? []), 0);

describe('outline of a file over targetTable.maxOutlineItems', () => {
  it('outlineDetails: everything when it fits; else the focus in full, then goals/tables, then indicators, nearest first', () => {
    const c: [number, number, number][] = [
      [1, 5, 20],
      [1, 5, 20],
      [1, 5, 20],
      [1, 5, 20],
    ];
    assert.deepEqual(outlineDetails(c, 1, 80), [2, 2, 2, 2]);
    assert.deepEqual(outlineDetails(c, 1, 0), [2, 2, 2, 2], '0 = no limit');
    // 4 departments + focus to 20 (+19) = 23; then detail 1 for f+1, f-1, f+2 (+4 each) = 35
    assert.deepEqual(outlineDetails(c, 1, 35), [1, 2, 1, 1]);
    assert.deepEqual(outlineDetails(c, 1, 30), [0, 2, 1, 0], 'f-1 no longer fits');
    // the focus department is always whole, even over the limit
    assert.deepEqual(outlineDetails(c, 3, 10), [0, 0, 0, 2]);
    // leftover budget goes to indicators nearest the focus
    assert.deepEqual(outlineDetails(c, 0, 54), [2, 2, 1, 1]);
  });

  const sample = sampleText();
  const model = parseDocument([sample, sample, sample].join('\n'));
  const full = documentOutline(model, 'zh').symbols;

  it('under the limit: the full outline; its pieces are its JSON', () => {
    const o = documentOutline(model, 'zh', 0, 0, true);
    assert.equal(o.limited, false);
    assert.deepEqual(o.symbols, full);
    assert.equal(`[${o.pieces.map((b) => b.toString('utf8')).join(',')}]`, JSON.stringify(full));
    assert.equal(count(full), 3 * 3751);
  });

  it("over the limit: every department, the cursor's in full, at most maxItems symbols, departments otherwise unchanged", () => {
    const focusDept = 70;
    const focusLine = full[focusDept].range.start.line + 100;
    const o = documentOutline(model, 'zh', focusLine, 5000, true);
    assert.equal(o.limited, true);
    assert.equal(o.symbols.length, 108, 'every department is listed');
    assert.ok(count(o.symbols) <= 5000 && count(o.symbols) > 4500, String(count(o.symbols)));
    assert.deepEqual(o.symbols[focusDept], full[focusDept], 'the department under the cursor is whole');
    assert.equal(`[${o.pieces.map((b) => b.toString('utf8')).join(',')}]`, JSON.stringify(o.symbols));
    for (let i = 0; i < full.length; i++) {
      const s = o.symbols[i];
      const f = full[i];
      // same name and ranges; children, when present, are the full ones or the full ones without indicators
      assert.deepEqual({ ...s, children: undefined }, { ...f, children: undefined });
      if (s.children) {
        assert.deepEqual(
          s.children.map((c) => ({ ...c, children: c.kind === TABLE_KIND ? undefined : c.children })),
          f.children!.map((c) => ({ ...c, children: c.kind === TABLE_KIND ? undefined : c.children })),
        );
      }
    }
    // the departments next to the cursor's get their goals and tables
    assert.ok(o.symbols[focusDept - 1].children && o.symbols[focusDept + 1].children);
  });

  it('setting: default 5000, 0 allowed, junk ignored', () => {
    assert.equal(normalizeSettings(undefined).maxOutlineItems, 5000);
    assert.equal(normalizeSettings({ maxOutlineItems: 0 }).maxOutlineItems, 0);
    assert.equal(normalizeSettings({ maxOutlineItems: 'lots' }).maxOutlineItems, 5000);
  });
});
