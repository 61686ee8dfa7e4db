import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { parseDocument, updateDocument } from '../../../server/src/core/parse/document';
import { PROGRESSIVE_SECTIONS, checkPending, sentDiagnostics } from '../../../server/src/features/diagnostics';
import { cachedDiagnostics, sendContext } from '../../helpers/diagnostics';
import { Focus, nearestProblems, selectWindow, summaryMessage, windowBudget } from '../../../server/src/features/problem-window';
import { DEFAULT_SETTINGS, normalizeSettings, settingsKey } from '../../../server/src/core/settings';
import { sampleText } from '../../helpers/fixtures';

describe('problem window: which problems a huge file sends', () => {
  describe('selectWindow', () => {
    it('grows alternately around the focus while whole sections fit', () => {
      assert.deepEqual(selectWindow([5, 5, 5, 5, 5], 2, 15), { from: 1, to: 3, count: 15 });
      // below first, then above
      assert.deepEqual(selectWindow([5, 5, 5, 5, 5], 2, 10), { from: 2, to: 3, count: 10 });
      // a section that does not fit stops its side; the other side goes on
      assert.deepEqual(selectWindow([1, 1, 50, 3, 1, 1, 1], 3, 10), { from: 3, to: 6, count: 6 });
      // sections without problems are free
      assert.deepEqual(selectWindow([9, 0, 0, 4, 0, 0, 9], 3, 5), { from: 1, to: 5, count: 4 });
    });

    it('returns the focus section alone when it is over the budget, and clamps the focus', () => {
      assert.deepEqual(selectWindow([1, 30, 1], 1, 10), { from: 1, to: 1, count: 30 });
      assert.deepEqual(selectWindow([2, 2], 99, 2), { from: 1, to: 1, count: 2 });
      assert.deepEqual(selectWindow([], 0, 10), { from: 0, to: -1, count: 0 });
    });
  });

  it('windowBudget: half the limit less the summary, the default when there is no limit', () => {
    assert.equal(windowBudget(1000, 1000), 499);
    assert.equal(windowBudget(250, 1000), 124);
    assert.equal(windowBudget(0, 1000), 499, '0 = no limit: a progressive first send still uses the default');
    assert.equal(windowBudget(1, 1000), 0);
    assert.equal(windowBudget(3, 1000), 0);
  });

  it('nearestProblems keeps the ones closest to the focus line, in their order', () => {
    const d = (line: number): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, message: String(line) });
    const all = [d(1), d(50), d(10), d(12), d(30)];
    assert.deepEqual(
      nearestProblems(all, 11, 3).map((x) => x.message),
      ['1', '10', '12'],
    );
    assert.deepEqual(nearestProblems(all, 11, 9).length, 5);
  });

  it('summary message in both languages names the total, the departments and the way out', () => {
    const s = { total: 6920, shown: 998, firstDepartment: '甲局', lastDepartment: '乙局', departments: 12, fromLine: 100, toLine: 9000 };
    const zh = summaryMessage(s, 1000, 'zh');
    assert.match(zh, /本文件共有 6,920 个问题/);
    assert.match(zh, /12 个部门（「甲局」…「乙局」，第 101–9001 行）的 998 个问题/);
    assert.match(zh, /target-table check/);
    assert.match(zh, /targetTable\.maxProblems 设为 0/);
    const en = summaryMessage(s, 1000, 'en');
    assert.match(en, /This file has 6,920 problems/);
    assert.match(en, /only the 998 in the 12 departments around the cursor/);
  });

  it('maxProblems setting: default 1000, 0 allowed, junk ignored', () => {
    assert.equal(DEFAULT_SETTINGS.maxProblems, 1000);
    assert.equal(normalizeSettings({ maxProblems: 0 }).maxProblems, 0);
    assert.equal(normalizeSettings({ maxProblems: '250' }).maxProblems, 250);
    assert.equal(normalizeSettings({ maxProblems: -3 }).maxProblems, 1000);
    assert.equal(normalizeSettings({ maxProblems: 'many' }).maxProblems, 1000);
    // it does not invalidate the per-section diagnostics
    assert.equal(settingsKey(normalizeSettings({ maxProblems: 5 })), settingsKey(DEFAULT_SETTINGS));
  });

  describe('sentDiagnostics on the sample ×3 (2,082 problems)', () => {
    const uri = 'file:///x/三份绩效目标表.txt';
    const sample = sampleText();
    const model = parseDocument([sample, sample, sample].join('\n'));
    const all = cachedDiagnostics(model, uri, DEFAULT_SETTINGS, 'zh');
    const inWindow = (w: { fromLine: number; toLine: number }) => all.filter((d) => d.range.start.line >= w.fromLine && d.range.start.line <= w.toLine);

    it('under the limit everything is sent, without a summary', () => {
      const sent = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', 0, 5000));
      assert.equal(sent.window, null);
      assert.equal(sent.total, all.length);
      assert.deepEqual(sent.diagnostics, all);
      assert.equal(`[${sent.pieces.map((b) => b.toString('utf8')).join(',')}]`, JSON.stringify(all));
      assert.deepEqual(sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', 0, 0)).diagnostics, all, '0 = no limit');
    });

    it('over the limit: a summary, then every problem of whole departments around the focus, at most half the limit in all', () => {
      assert.equal(all.length, 2082);
      const focusLine = model.sections[Math.floor(model.sections.length / 2)].startLine + 40;
      const sent = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', focusLine, 1000));
      assert.ok(sent.window);
      assert.ok(sent.window.fromLine <= focusLine && focusLine <= sent.window.toLine);
      // 1 summary + at most 499 problems: whole departments stop short of the budget by less than one department's worth
      assert.ok(sent.diagnostics.length <= 500 && sent.diagnostics.length > 400, String(sent.diagnostics.length));
      const [summary, ...rest] = sent.diagnostics;
      assert.equal(summary.severity, DiagnosticSeverity.Information);
      assert.equal(summary.code, undefined);
      assert.equal(summary.source, 'target-table');
      assert.match(summary.message as string, /本文件共有 2,082 个问题/);
      assert.deepEqual(rest, inWindow(sent.window), 'exactly the problems of the departments in the window');
      // the window is whole departments: it starts and ends on section boundaries
      assert.ok(model.sections.some((s) => s.startLine === sent.window!.fromLine));
      assert.ok(model.sections.some((s) => s.startLine === sent.window!.toLine + 1));
      assert.equal(`[${sent.pieces.map((b) => b.toString('utf8')).join(',')}]`, JSON.stringify(sent.diagnostics));
      assert.equal(sent.total, 2082);
    });

    it('the window follows the focus and stays right through an edit that moves lines', () => {
      const top = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', 0, 1000));
      assert.equal(top.window!.fromLine, 0);
      const lastLine = model.lineCount - 1;
      const bottom = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', lastLine, 1000));
      assert.ok(bottom.window!.toLine === lastLine);
      // insert two lines near the top: everything below moves, the cached sections are shifted right
      const edited = updateDocument(model, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n\n' }]);
      const after = sentDiagnostics(sendContext(edited, uri, DEFAULT_SETTINGS, 'zh', lastLine + 2, 1000));
      const full = cachedDiagnostics(edited, uri, DEFAULT_SETTINGS, 'zh');
      assert.deepEqual(
        after.diagnostics.slice(1),
        full.filter((d) => d.range.start.line >= after.window!.fromLine && d.range.start.line <= after.window!.toLine),
      );
    });

    it('a department alone over the limit sends its problems nearest the focus', () => {
      const big = model.sections.reduce((a, b) =>
        cachedDiagnostics({ sections: [b], lineCount: 0 }, uri, DEFAULT_SETTINGS, 'zh').length >
        cachedDiagnostics({ sections: [a], lineCount: 0 }, uri, DEFAULT_SETTINGS, 'zh').length
          ? b
          : a,
      );
      const sent = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', big.startLine, 12));
      assert.equal(sent.diagnostics.length, 6, 'the summary and the 5 nearest (half of 12, less the summary)');
      assert.ok(sent.diagnostics.slice(1).every((d) => d.range.start.line >= big.startLine && d.range.start.line < big.startLine + big.body.lines.length));
    });
  });

  it('Focus: an edit moves the focus; a cursor outside the window sent asks for a new one', () => {
    const f = new Focus();
    assert.equal(f.line, 0);
    f.edited(120);
    assert.equal(f.line, 120);
    assert.equal(f.moved(5000), false, 'nothing sent yet');
    f.sent({ fromLine: 100, toLine: 400 });
    assert.equal(f.moved(300), false);
    assert.equal(f.moved(401), true);
    assert.equal(f.line, 401);
    f.sent(null);
    assert.equal(f.moved(99999), false, 'everything was sent');
  });
});

describe('progressive send: a big file is checked around the focus first', () => {
  it('sends the window at once, says how many departments are left, and is complete after checkPending', () => {
    const uri = 'file:///x/四份绩效目标表.txt';
    const sample = sampleText();
    const model = parseDocument([sample, sample, sample, sample].join('\n'));
    assert.ok(model.sections.length > PROGRESSIVE_SECTIONS);
    const focusLine = model.sections[100].startLine + 5;
    const early = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', focusLine, 1000));
    assert.ok(early.pending > 0 && early.pending < model.sections.length, String(early.pending));
    assert.ok(early.window && early.window.fromLine <= focusLine && focusLine <= early.window.toLine);
    assert.match(early.diagnostics[0].message as string, new RegExp(`正在检查这个大文件.*其余 ${early.pending} 个部门`));
    // in slices: a deadline in the past checks nothing, one far away checks the rest
    assert.equal(checkPending(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', focusLine), 0), true, 'some are left');
    assert.equal(sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', focusLine, 1000)).pending, early.pending, 'none was checked');
    // a few slices, each going on where the last stopped, then the rest
    for (let i = 0; i < 3; i++) checkPending(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', focusLine), performance.now() + 1);
    const later = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', focusLine, 1000)).pending;
    assert.ok(later < early.pending, `${later} left of ${early.pending}`);
    assert.equal(checkPending(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', focusLine), Infinity), false);
    const done = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', focusLine, 1000));
    assert.equal(done.pending, 0);
    const all = cachedDiagnostics(model, uri, DEFAULT_SETTINGS, 'zh');
    assert.equal(done.total, all.length);
    assert.match(done.diagnostics[0].message as string, new RegExp(`本文件共有 ${all.length.toLocaleString('en-US')} 个问题`));
    // the window's problems were right from the start
    assert.deepEqual(
      early.diagnostics.slice(1),
      all.filter((d) => d.range.start.line >= early.window!.fromLine && d.range.start.line <= early.window!.toLine),
    );
  });
});

describe('the total after a keystroke is counted from the sections that changed', () => {
  it('equals a full count through edits that re-check, split, merge, add and remove departments', () => {
    const uri = 'file:///x/计数绩效目标表.txt';
    const sample = sampleText();
    let model = parseDocument([sample, sample].join('\n'));
    const full = () => cachedDiagnostics(model, uri, DEFAULT_SETTINGS, 'zh');
    const check = (what: string) => {
      const windowed = sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', 0, 1000));
      assert.equal(windowed.total, full().length, what);
      assert.deepEqual(sentDiagnostics(sendContext(model, uri, DEFAULT_SETTINGS, 'zh', 0, 0)).diagnostics, full(), what);
    };
    check('open');
    const titleLine = model.sections[5].startLine;
    const title = model.sections[5].body.lines[0];
    const at = (line: number, character: number) => ({ line, character });
    const edits: [string, { start: { line: number; character: number }; end: { line: number; character: number } }, string][] = [
      ['a ≧ typed into a value', { start: at(model.sections[3].startLine + 30, 0), end: at(model.sections[3].startLine + 30, 0) }, '≧'],
      ['a title broken: two departments merge', { start: at(titleLine, title.length - 1), end: at(titleLine, title.length) }, ''],
      ['the title mended: they split again', { start: at(titleLine, title.length - 1), end: at(titleLine, title.length - 1) }, title.slice(-1)],
      ['a whole department deleted', { start: at(model.sections[8].startLine, 0), end: at(model.sections[9].startLine, 0) }, ''],
      ['a department pasted at the end', { start: at(model.lineCount, 0), end: at(model.lineCount, 0) }, '\n' + model.sections[2].body.lines.join('\n')],
      ['everything replaced by one department', { start: at(0, 0), end: at(model.lineCount, 0) }, model.sections[1].body.lines.join('\n')],
    ];
    for (const [what, range, text] of edits) {
      model = updateDocument(model, [{ range, text }]);
      check(what);
    }
  });
});
