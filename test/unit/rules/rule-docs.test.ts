/**
 * The rule pages (docs/rules/TTxxx.md) are what a diagnostic links to, so what they show must be
 * true: each page's wrong example, run through the checker, yields its rule on the line the page
 * names (and, for a fixable rule, its fix removes it), and its right example yields no problem at
 * all. Every registered rule has a page and every page a rule; each page states the rule's title,
 * default severity and whether it has a fix as the registry does. And a diagnostic's link is the
 * page's file: URI, which exists.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../../server/src/core/rules';
import { RULE_DOCS_DIR, ruleDocPath, ruleDocUri } from '../../../server/src/core/rule-docs';
import { applyEdits, check } from './helpers';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

const DOCS = path.join(repoRoot(), 'docs', 'rules');

interface Example {
  role: 'wrong' | 'right';
  text: string;
  /** The line the page says the problem is on (`（line N）` before a wrong block). */
  statedLine: number | null;
}

/** The ```text wrong / ```text right blocks of a page, in order. */
function examples(page: string): Example[] {
  const out: Example[] = [];
  const fence = /^```text (wrong|right)\n([\s\S]*?)\n```$/gm;
  let last = 0;
  for (let m = fence.exec(page); m !== null; m = fence.exec(page)) {
    const before = page.slice(last, m.index);
    const stated = [...before.matchAll(/[(（]line (\d+)[)）]/g)].pop();
    out.push({ role: m[1] as Example['role'], text: m[2] + '\n', statedLine: stated ? Number(stated[1]) : null });
    last = m.index + m[0].length;
  }
  return out;
}

/** A row of the page's head table: `| 默认严重性 Default severity | … |` → `…`. */
function field(page: string, label: string): string {
  const m = new RegExp(`^\\| ${label} \\| (.*) \\|$`, 'm').exec(page);
  assert.ok(m, `no "${label}" row`);
  return m[1];
}

describe('rule pages (docs/rules)', () => {
  const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md'));

  it('every registered rule has a page, and every page a rule', () => {
    assert.deepEqual(pages.sort(), RULES.map((r) => `${r.code}.md`).sort());
  });

  for (const rule of RULES) {
    describe(`${rule.code} ${rule.name}`, () => {
      const page = () => fs.readFileSync(path.join(DOCS, `${rule.code}.md`), 'utf8');

      it('states the title, default severity, fix and setting of the registry', () => {
        const p = page();
        assert.equal(p.split('\n')[0], `# ${rule.code} ${rule.title.zh} · ${rule.title.en}`);
        assert.equal(field(p, '代码 Code'), `\`${rule.code}\` · \`${rule.name}\``);
        assert.match(field(p, '默认严重性 Default severity'), new RegExp(`^\`${rule.defaultSeverity}\``));
        assert.equal(field(p, '修复 Fix') === '无 · none', !rule.fixable, 'the Fix row says none exactly when the rule has no fix');
        assert.ok(p.includes(`"targetTable.rules.${rule.code}": "off"`), 'shows how to change the severity');
      });

      it('its wrong example yields the rule on the line it names, its right example nothing', () => {
        const ex = examples(page());
        const wrong = ex.filter((e) => e.role === 'wrong');
        const right = ex.filter((e) => e.role === 'right');
        assert.ok(wrong.length >= 1 && right.length >= 1, 'a wrong and a right example');
        for (const e of ex) assert.ok(e.text.split('\n').filter((l) => l.startsWith('\t')).length >= 3, 'examples are cells: TAB-started lines');
        for (const e of wrong) {
          const c = check(e.text);
          const hits = c.problems.filter((p) => p.code === rule.code);
          assert.ok(hits.length > 0, `the wrong example yields no ${rule.code}: ${c.problems.map((p) => p.code).join(', ')}`);
          assert.ok(e.statedLine !== null, 'the page names the line of the problem');
          assert.ok(
            hits.some((p) => p.range.start.line + 1 === e.statedLine),
            `${rule.code} is on line(s) ${hits.map((p) => p.range.start.line + 1).join(', ')}, the page says ${e.statedLine}`,
          );
          if (rule.fixable) {
            const fixes = hits.filter((p) => p.fix);
            assert.ok(fixes.length > 0, 'a fixable rule offers its fix on the wrong example');
            const fixed = applyEdits(
              e.text,
              fixes.flatMap((p) => p.fix!.edits),
            );
            assert.deepEqual(
              check(fixed).problems.filter((p) => p.code === rule.code),
              [],
              'the fix removes the problem',
            );
          }
        }
        for (const e of right) {
          assert.deepEqual(
            check(e.text).problems.map((p) => `${p.code}@${p.range.start.line + 1}`),
            [],
            'the right example yields no problem',
          );
        }
      });

      it('is what its diagnostics link to: a file: URI of the page, which exists', () => {
        const uri = ruleDocUri(rule.code);
        assert.ok(uri !== undefined && uri.startsWith('file:'), String(uri));
        assert.equal(fileURLToPath(uri), path.join(DOCS, `${rule.code}.md`));
        assert.equal(ruleDocPath(rule.code), path.join(DOCS, `${rule.code}.md`));
      });
    });
  }

  it('finds the pages from the code’s own location, and no link for a code without a page', () => {
    assert.equal(RULE_DOCS_DIR, DOCS);
    assert.equal(ruleDocUri('TT999'), undefined);
    assert.equal(ruleDocPath('TT999'), null);
  });
});
