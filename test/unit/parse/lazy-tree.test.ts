/**
 * Section trees are built on demand and kept in a small pool (parse/section.ts): parsing builds
 * none, a read builds one, an evicted tree is rebuilt equal, caches holding tree nodes go with the
 * tree, and the rules give the same problems whatever the pool's size.
 */
import * as assert from 'node:assert/strict';
import { matchGoals } from '../../../server/src/core/goals';
import type { SectionBody } from '../../../server/src/core/model';
import { parseDocument, retireReplacedTrees, updateDocument } from '../../../server/src/core/parse/document';
import { clearTreePool, DEFAULT_TREE_POOL_SIZE, hasTree, setTreePoolSize, treeMemo } from '../../../server/src/core/parse/section';
import { checkDocument, checkSection } from '../../../server/src/core/rules/index';
import { allValues } from '../../../server/src/core/rules/util/text';
import { DEFAULT_RULE_SETTINGS, type Problem, type RuleContext } from '../../../server/src/core/rules/types';
import { newTreeMemo } from '../../../server/src/core/tree-memo';
import { changeDocument, openDocument } from '../../../server/src/features/document-store';
import { sampleText } from '../../helpers/fixtures';
import { assertSameBody } from '../../helpers/model-equality';

/** Runs `fn` with the pool set to `size`, restoring the default (and an empty pool) after. */
function withPool<T>(size: number, fn: () => T): T {
  clearTreePool();
  const previous = setTreePoolSize(size);
  try {
    return fn();
  } finally {
    setTreePoolSize(previous);
    clearTreePool();
  }
}

/** Evicts a body's tree by reading another section's tree with a pool of one. */
function evict(body: SectionBody, other: SectionBody): void {
  const previous = setTreePoolSize(1);
  void other.rows;
  setTreePoolSize(previous);
  assert.equal(hasTree(body), false, 'evicted');
}

describe('section trees on demand', () => {
  afterEach(() => clearTreePool());

  it('parsing builds no tree; the title and department are there without one', () => {
    clearTreePool();
    const model = parseDocument(sampleText());
    assert.equal(model.sections.filter((s) => hasTree(s.body)).length, 0);
    assert.equal(model.sections[1].body.department, '中国共产党武汉市东西湖区委员会办公室');
    assert.equal(model.sections.filter((s) => hasTree(s.body)).length, 0, 'reading the title builds nothing');
    void model.sections[1].body.tables;
    assert.equal(hasTree(model.sections[1].body), true, 'a read builds the tree and keeps it');
  });

  it('an evicted tree is rebuilt equal to the original, as new objects', () => {
    const model = parseDocument(sampleText());
    const [, a, b] = model.sections;
    const tables = a.body.tables;
    const rows = a.body.rows;
    const before = { unit: a.body.unit, moneyUnit: a.body.moneyUnit, overview: a.body.overview, stray: a.body.stray };
    assert.ok(tables.length > 0 && rows.length > 0);
    evict(a.body, b.body);
    assert.notEqual(a.body.tables, tables, 'a new tree');
    assert.deepStrictEqual(a.body.tables, tables);
    assert.deepStrictEqual(a.body.rows, rows);
    assert.deepStrictEqual({ unit: a.body.unit, moneyUnit: a.body.moneyUnit, overview: a.body.overview, stray: a.body.stray }, before);
    // and equal to the same section of a fresh parse
    assertSameBody(a.body, parseDocument(sampleText()).sections[1].body);
  });

  it('keeps at most the pool size of trees, the most recently used ones', () => {
    withPool(3, () => {
      const model = parseDocument(sampleText());
      const bodies = model.sections.slice(0, 10).map((s) => s.body);
      for (const b of bodies) void b.tables;
      assert.deepEqual(bodies.map(hasTree), [false, false, false, false, false, false, false, true, true, true]);
      void bodies[7].rows; // now the most recent: 8 is the oldest
      void bodies[0].rows;
      assert.deepEqual(bodies.map(hasTree), [true, false, false, false, false, false, false, true, false, true]);
    });
  });

  it('memos holding tree nodes go with the tree; results kept per body stay', () => {
    const model = parseDocument(sampleText());
    const [, a, b] = model.sections;
    /** A rule's context for `body`, as the rule runner makes it. */
    const ctx = (body: SectionBody): RuleContext => ({ section: body, memo: treeMemo(body), settings: DEFAULT_RULE_SETTINGS, report: () => undefined });
    const match = matchGoals(a.body, treeMemo(a.body), 'long');
    const values = allValues(ctx(a.body));
    assert.equal(matchGoals(a.body, treeMemo(a.body), 'long'), match, 'kept while the tree lives');
    assert.equal(allValues(ctx(a.body)), values, 'kept while the tree lives');
    assert.equal(
      match.tables[0],
      a.body.tables.find((t) => t.kind === 'long'),
    );
    const problems = checkSection(a.body, DEFAULT_RULE_SETTINGS);
    evict(a.body, b.body);
    assert.deepStrictEqual(treeMemo(a.body), newTreeMemo(), 'a rebuilt tree starts with an empty memo');
    const again = matchGoals(a.body, treeMemo(a.body), 'long');
    assert.notEqual(again, match);
    assert.equal(
      again.tables[0],
      a.body.tables.find((t) => t.kind === 'long'),
      'the new match holds the new tree’s tables',
    );
    assert.deepStrictEqual(again, match);
    assert.notEqual(allValues(ctx(a.body)), values);
    assert.deepStrictEqual(allValues(ctx(a.body)), values);
    assert.equal(checkSection(a.body, DEFAULT_RULE_SETTINGS), problems, 'problems are kept per body, not with the tree');
  });

  it('checking a document keeps no tree it built (each dies before the next is built)', () => {
    withPool(DEFAULT_TREE_POOL_SIZE, () => {
      const model = parseDocument(sampleText());
      void model.sections[3].body.tables; // in use by a feature: stays
      checkDocument(model.sections, DEFAULT_RULE_SETTINGS);
      assert.deepEqual(
        model.sections.map((s) => hasTree(s.body)),
        model.sections.map((_, i) => i === 3),
      );
    });
  });

  it('an incremental edit builds no tree', () => {
    clearTreePool();
    const model = parseDocument(sampleText());
    const next = updateDocument(model, [{ range: { start: { line: 100, character: 0 }, end: { line: 100, character: 0 } }, text: 'x' }]);
    assert.equal(next.sections.filter((s) => hasTree(s.body)).length, 0);
  });

  describe('a replaced section’s tree leaves the pool', () => {
    /** The sample with every tree built, as after the features read every section. */
    function allBuilt() {
      const model = parseDocument(sampleText());
      for (const s of model.sections) void s.body.rows;
      assert.ok(model.sections.length <= DEFAULT_TREE_POOL_SIZE, 'the pool holds them all');
      assert.ok(model.sections.every((s) => hasTree(s.body)));
      return model;
    }
    const at = (line: number, character = 0) => ({ line, character });

    it('a keystroke in a section retires that section’s old tree and keeps every other', () => {
      withPool(DEFAULT_TREE_POOL_SIZE, () => {
        const model = allBuilt();
        const k = 5;
        const line = model.sections[k].startLine + 3;
        const next = updateDocument(model, [{ range: { start: at(line), end: at(line) }, text: '1' }]);
        const old = model.sections[k].body;
        const rows = old.rows.length;
        retireReplacedTrees(model, next);
        assert.deepEqual(
          model.sections.map((s) => hasTree(s.body)),
          model.sections.map((_, i) => i !== k),
        );
        assert.equal(hasTree(next.sections[k].body), false, 'the new body’s tree is built when asked for');
        assert.equal(next.sections.filter((s, i) => i !== k && s.body !== model.sections[i].body).length, 0, 'the other bodies are shared');
        assert.equal(old.rows.length, rows, 'a reader of the old model gets its tree back, rebuilt');
      });
    });

    it('an edit across two sections (a title merged away) retires both old trees', () => {
      withPool(DEFAULT_TREE_POOL_SIZE, () => {
        const model = allBuilt();
        const k = 7;
        const from = model.sections[k].startLine + 2;
        const to = model.sections[k + 1].startLine + 1;
        const next = updateDocument(model, [{ range: { start: at(from), end: at(to) }, text: '' }]);
        assert.equal(next.sections.length, model.sections.length - 1);
        retireReplacedTrees(model, next);
        assert.deepEqual(
          model.sections.map((s) => hasTree(s.body)),
          model.sections.map((_, i) => i !== k && i !== k + 1),
        );
      });
    });

    it('a new text retires every tree; an unchanged model retires none', () => {
      withPool(DEFAULT_TREE_POOL_SIZE, () => {
        const model = allBuilt();
        retireReplacedTrees(model, model);
        assert.ok(model.sections.every((s) => hasTree(s.body)));
        retireReplacedTrees(model, updateDocument(model, [{ text: sampleText() }]));
        assert.equal(model.sections.filter((s) => hasTree(s.body)).length, 0);
      });
    });

    it('an open document’s edit retires the trees it replaced (the store owns the superseded version)', () => {
      withPool(DEFAULT_TREE_POOL_SIZE, () => {
        const doc = openDocument('file:///a.txt', 'target-table', 1, sampleText());
        for (const s of doc.model.sections) void s.body.rows;
        const k = 4;
        const line = doc.model.sections[k].startLine + 3;
        const next = changeDocument(doc, 2, [{ range: { start: at(line), end: at(line) }, text: '1' }]);
        assert.equal(next.version, 2);
        assert.deepEqual(
          doc.model.sections.map((s) => hasTree(s.body)),
          doc.model.sections.map((_, i) => i !== k),
        );
      });
    });
  });

  it('the rules give the same problems with a pool of one tree as with the default pool', () => {
    const small = withPool(1, () => checkDocument(parseDocument(sampleText()).sections, DEFAULT_RULE_SETTINGS));
    const normal = withPool(DEFAULT_TREE_POOL_SIZE, () => checkDocument(parseDocument(sampleText()).sections, DEFAULT_RULE_SETTINGS));
    const strip = (ps: typeof small) => ps.map(({ section, ...p }) => ({ startLine: section.startLine, ...p }));
    assert.ok(normal.length > 600);
    assert.deepStrictEqual(strip(small), strip(normal));
  });

  it('problems are plain data: no tree node is kept by the problem cache', () => {
    const model = parseDocument(sampleText());
    const allowed = new Set([
      'code',
      'range',
      'message',
      'fix',
      'related',
      'start',
      'end',
      'line',
      'character',
      'zh',
      'en',
      'title',
      'edits',
      'safe',
      'newText',
    ]);
    const visit = (v: unknown, path: string): void => {
      if (v === null || typeof v !== 'object') return;
      const proto = Object.getPrototypeOf(v);
      assert.ok(proto === Object.prototype || proto === Array.prototype, `${path}: a ${proto?.constructor?.name} in a problem`);
      for (const [k, x] of Object.entries(v)) {
        if (!Array.isArray(v)) assert.ok(allowed.has(k), `${path}.${k}: not a problem field`);
        visit(x, `${path}.${k}`);
      }
    };
    let n = 0;
    for (const s of model.sections) {
      for (const p of checkSection(s.body, DEFAULT_RULE_SETTINGS) as Problem[]) {
        visit(p, p.code);
        n++;
      }
    }
    assert.ok(n > 600);
  });
});
