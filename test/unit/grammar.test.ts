// Checks the TextMate grammar without a TextMate engine (no new dependency):
// every regex must compile as a JS RegExp (the grammar avoids Oniguruma-only syntax on purpose),
// and a tiny line tokenizer that follows TextMate's rule choice (earliest match, then first in list)
// must give sample lines from the real fixture the intended scopes.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  captures?: Record<string, { name: string }>;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

/** The folder holding package.json above this file (src or out/), else the working directory. */
function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'syntaxes', 'target-table.tmLanguage.json'))) return dir;
  }
  return process.cwd();
}

const root = repoRoot();
const grammar: Grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/target-table.tmLanguage.json'), 'utf8'));

/** Expands `include`s and nested pattern lists into a flat list of match/begin rules. */
function flatten(rules: Rule[]): Rule[] {
  return rules.flatMap((r) => {
    if (r.include) return flatten([grammar.repository[r.include.slice(1)]]);
    if (!r.match && !r.begin && r.patterns) return flatten(r.patterns);
    return [r];
  });
}

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes one line (single-line regions only, which is all this grammar uses). */
function tokenizeLine(line: string): Token[] {
  const out: Token[] = [];
  const push = (from: number, to: number, scopes: string[]) => {
    if (to > from) out.push({ text: line.slice(from, to), scopes });
  };
  const scan = (rules: Rule[], start: number, stop: number, outer: string[]) => {
    let pos = start;
    while (pos < stop) {
      let best: { rule: Rule; m: RegExpExecArray } | undefined;
      for (const rule of rules) {
        const re = new RegExp(rule.match ?? rule.begin!, 'dg');
        re.lastIndex = pos;
        const m = re.exec(line.slice(0, stop));
        if (m && (!best || m.index < best.m.index)) best = { rule, m };
      }
      if (!best) break;
      const { rule, m } = best;
      push(pos, m.index, outer);
      const scopes = rule.name ? [...outer, rule.name] : outer;
      if (rule.begin) {
        // Region: inner patterns run from the end of `begin` to the first `end` match.
        const endRe = new RegExp(rule.end!, 'dg');
        endRe.lastIndex = m.index + m[0].length;
        const e = endRe.exec(line);
        const regionEnd = e ? e.index : line.length;
        push(m.index, m.index + m[0].length, scopes);
        scan(flatten(rule.patterns ?? []), m.index + m[0].length, regionEnd, scopes);
        pos = Math.max(regionEnd + (e ? e[0].length : 0), pos + 1);
        continue;
      }
      // Captured groups get their own scope; the rest of the match gets the rule's scope.
      let cursor = m.index;
      const groups = Object.entries(rule.captures ?? {})
        .map(([k, v]) => ({ span: m.indices![Number(k)], name: v.name }))
        .filter((g) => g.span && g.span[1] > g.span[0])
        .sort((a, b) => a.span![0] - b.span![0]);
      for (const g of groups) {
        push(cursor, g.span![0], scopes);
        push(g.span![0], g.span![1], [...scopes, g.name]);
        cursor = g.span![1];
      }
      push(cursor, m.index + m[0].length, scopes);
      pos = m[0].length > 0 ? m.index + m[0].length : m.index + 1;
    }
    push(pos, stop, outer);
  };
  scan(flatten(grammar.patterns), 0, line.length, [grammar.scopeName]);
  return out;
}

/** Scope (last one) of the first token whose text equals `text`. */
function scopeOf(line: string, text: string): string | undefined {
  return tokenizeLine(line)
    .find((t) => t.text === text)
    ?.scopes.at(-1);
}

describe('TextMate grammar', () => {
  it('has regexes that compile as JS RegExp', () => {
    const all: Rule[] = [];
    const walk = (r: Rule) => {
      all.push(r);
      (r.patterns ?? []).forEach(walk);
    };
    grammar.patterns.forEach(walk);
    Object.values(grammar.repository).forEach(walk);
    for (const r of all) {
      for (const src of [r.match, r.begin, r.end]) {
        if (src !== undefined) assert.doesNotThrow(() => new RegExp(src), `bad regex: ${src}`);
      }
      if (r.include) assert.ok(grammar.repository[r.include.slice(1)], `missing ${r.include}`);
    }
  });

  it('marks titles and department names (line 1 starts with SPACE+TAB)', () => {
    const line = ' \t武汉市东西湖区行政审批局整体支出绩效目标申报表';
    assert.strictEqual(scopeOf(line, '武汉市东西湖区行政审批局'), 'entity.name.section.department.target-table');
    assert.strictEqual(scopeOf(line, '整体支出绩效目标申报表'), 'keyword.other.title.target-table');
    assert.strictEqual(scopeOf('\t整体支出绩效目标表', '整体支出绩效目标表'), 'keyword.other.title.target-table');
  });

  it('marks the unit, overview and goal headers', () => {
    assert.strictEqual(scopeOf('\t' + ' '.repeat(60) + '单位：万元', '万元'), 'keyword.other.unit.target-table');
    assert.strictEqual(scopeOf('\t整体绩效总目标', '整体绩效总目标'), 'markup.heading.2.overview.target-table');
    assert.strictEqual(scopeOf('\t长期目标（截止2028年）', '长期目标（截止2028年）'), 'markup.heading.2.overview.target-table');
    assert.strictEqual(scopeOf('\t长期目标1：', '长期目标'), 'keyword.control.goal.target-table');
    assert.strictEqual(scopeOf('\t年度目标 3:', '3'), 'constant.numeric.goal-number.target-table');
    assert.strictEqual(scopeOf('\t目标1：行政审批。', '目标'), 'keyword.control.goal.target-table');
  });

  it('marks column labels and categories', () => {
    assert.strictEqual(scopeOf('\t指标值确定依据', '指标值确定依据'), 'entity.other.attribute-name.header.target-table');
    assert.strictEqual(scopeOf('\t预计当年 实现值', '预计当年 实现值'), 'entity.other.attribute-name.header.target-table');
    assert.strictEqual(scopeOf('\t满意度指标', '满意度指标'), 'storage.type.category.level-1.target-table');
    assert.strictEqual(scopeOf('\t经济成本指标', '经济成本指标'), 'support.class.category.level-2.target-table');
    assert.strictEqual(scopeOf('满意度指标', '满意度指标'), 'support.class.category.level-2.target-table');
    assert.strictEqual(scopeOf('\t计划数据', '计划数据'), 'constant.language.basis.target-table');
  });

  it('marks values, comparators and units', () => {
    assert.strictEqual(scopeOf('\t≥90%', '≥'), 'keyword.operator.comparison.target-table');
    assert.strictEqual(scopeOf('\t≥90%', '90'), 'constant.numeric.target-table');
    assert.strictEqual(scopeOf('\t≥90%', '%'), 'keyword.other.unit.percent.target-table');
    assert.strictEqual(scopeOf('\t12次/年', '次/年'), 'keyword.other.unit.target-table');
    assert.strictEqual(scopeOf('\t90%以上', '以上'), 'keyword.operator.comparison.text.target-table');
    assert.strictEqual(scopeOf('\t100%      ', '100'), 'constant.numeric.target-table');
  });

  it('flags non-standard forms', () => {
    assert.strictEqual(scopeOf('\t≧1次', '≧'), 'invalid.deprecated.comparator.non-standard.target-table');
    assert.strictEqual(scopeOf('\t《16万元', '《'), 'invalid.deprecated.comparator.book-mark.target-table');
    assert.strictEqual(scopeOf('\t》10人', '》'), 'invalid.deprecated.comparator.book-mark.target-table');
    assert.strictEqual(scopeOf('\t100%%', '%%'), 'invalid.deprecated.double-percent.target-table');
    assert.strictEqual(scopeOf('\t１项', '１'), 'invalid.deprecated.full-width-digit.target-table');
    assert.strictEqual(scopeOf('\t≥ 20场', ' '), 'invalid.deprecated.whitespace.target-table');
    assert.strictEqual(scopeOf('\t50万', '万'), 'invalid.deprecated.unit.bare-wan.target-table');
  });

  it('never treats book titles as comparators', () => {
    const line = '\t《东西湖区人民政府公报》编辑印发期数';
    assert.strictEqual(scopeOf(line, '《东西湖区人民政府公报》'), 'string.quoted.other.book-title.target-table');
    const dated = '\t《2025年工作报告》编制';
    assert.ok(!tokenizeLine(dated).some((t) => t.scopes.some((s) => s.startsWith('invalid'))));
  });

  it('tokenizes the whole real sample, flagging 《/》 only before digits', () => {
    const text = fs.readFileSync(path.join(root, 'test/fixtures/dongxihu-overall-targets.txt'), 'utf8');
    let bookMarkFlags = 0;
    for (const line of text.split('\n')) {
      for (const t of tokenizeLine(line)) {
        if (t.scopes.at(-1) === 'invalid.deprecated.comparator.book-mark.target-table') {
          bookMarkFlags++;
          assert.match(line, /^\t[ \u3000]*[《》][ \u3000]*[0-9]/, `unexpected 《/》 flag in: ${line}`);
        }
      }
    }
    assert.ok(bookMarkFlags > 0);
  });
});
