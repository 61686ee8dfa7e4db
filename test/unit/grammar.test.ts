// Checks the TextMate grammar without a TextMate engine (no new dependency):
// every regex must compile as a JS RegExp (the grammar avoids Oniguruma-only syntax on purpose),
// and a tiny line tokenizer that follows TextMate's rule choice (earliest match, then first in list)
// must give lines of the real fixtures the intended scopes. The grammar is generated from the table
// families by scripts/grammar.ts: the committed file must be what it gives, its labels must be the
// parser's, and the §3 sample must tokenise as it did before the families (test/fixtures/grammar/v1).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTitleLine, mayEndTitle, titleCore } from '../../server/src/core/parse/titles';
import { FAMILIES, labelKey, labels, ownRowTitleFamily } from '../../server/src/core/templates';
import { alternatives, grammarText, withFirstLine } from '../../scripts/grammar';

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
const GRAMMAR_PATH = path.join(root, 'syntaxes/target-table.tmLanguage.json');
const grammar: Grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
/** The grammar before the families (the §3 template only), kept to check the sample still tokenises as it did. */
const grammarV1: Grammar = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/grammar/v1.tmLanguage.json'), 'utf8'));

const compiled = new Map<string, RegExp>();
/** A rule's regex, compiled once (the tokenizer sets lastIndex before each use). */
function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source, 'dg')));
  return re;
}

interface Token {
  text: string;
  scopes: string[];
}

/** A line tokenizer for a grammar (single-line regions only, which is all this grammar uses). */
function tokenizer(g: Grammar): (line: string) => Token[] {
  /** Expands `include`s and nested pattern lists into a flat list of match/begin rules. */
  const flatten = (rules: Rule[]): Rule[] =>
    rules.flatMap((r) => {
      if (r.include) return flatten([g.repository[r.include.slice(1)]]);
      if (!r.match && !r.begin && r.patterns) return flatten(r.patterns);
      return [r];
    });
  const top = flatten(g.patterns);
  return (line: string): Token[] => {
    const out: Token[] = [];
    const push = (from: number, to: number, scopes: string[]) => {
      if (to > from) out.push({ text: line.slice(from, to), scopes });
    };
    const scan = (rules: Rule[], start: number, stop: number, outer: string[]) => {
      let pos = start;
      const text = line.slice(0, stop);
      while (pos < stop) {
        let best: { rule: Rule; m: RegExpExecArray } | undefined;
        for (const rule of rules) {
          const re = regex(rule.match ?? rule.begin!);
          re.lastIndex = pos;
          const m = re.exec(text);
          if (m && (!best || m.index < best.m.index)) best = { rule, m };
        }
        if (!best) break;
        const { rule, m } = best;
        push(pos, m.index, outer);
        const scopes = rule.name ? [...outer, rule.name] : outer;
        if (rule.begin) {
          // Region: inner patterns run from the end of `begin` to the first `end` match.
          const endRe = regex(rule.end!);
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
    scan(top, 0, line.length, [g.scopeName]);
    return out;
  };
}

const tokenizeLine = tokenizer(grammar);

/** Scope (last one) of the first token whose text equals `text`. */
function scopeOf(line: string, text: string): string | undefined {
  return tokenizeLine(line)
    .find((t) => t.text === text)
    ?.scopes.at(-1);
}

const TEMPLATES = path.join(root, 'test/fixtures/templates');
const templateLines = new Map<string, string[]>();
/** The lines of a template document (test/fixtures/templates/<prefix>-….txt). */
function linesOf(prefix: string): string[] {
  let lines = templateLines.get(prefix);
  if (!lines) {
    const file = fs.readdirSync(TEMPLATES).find((f) => f.startsWith(prefix + '-') && f.endsWith('.txt'))!;
    lines = fs.readFileSync(path.join(TEMPLATES, file), 'utf8').split(/\r?\n/);
    templateLines.set(prefix, lines);
  }
  return lines;
}
const TEMPLATE_IDS = ['01', '04', '05', '07', '10', '13'];

const SCOPE = {
  title: 'keyword.other.title.target-table',
  department: 'entity.name.section.department.target-table',
  tail: 'entity.other.title-tail.target-table',
  field: 'entity.name.tag.field.target-table',
  goal: 'keyword.control.goal.target-table',
  column: 'entity.other.attribute-name.header.target-table',
  footer: (kind: string) => `keyword.other.footer.${kind}.target-table`,
  comparator: 'keyword.operator.comparison.target-table',
  nonStandard: 'invalid.deprecated.comparator.non-standard.target-table',
};

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

describe('TextMate grammar: generated from the table families', () => {
  it('is what scripts/grammar.ts gives (run `npm run build` or `node scripts/grammar.mjs` after changing the templates)', () => {
    assert.ok(fs.readFileSync(GRAMMAR_PATH, 'utf8') === grammarText(), 'syntaxes/target-table.tmLanguage.json is out of date: run node scripts/grammar.mjs');
    const pkg = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    assert.ok(withFirstLine(pkg) === pkg, "package.json's firstLine is out of date: run node scripts/grammar.mjs");
  });

  it('reads the family regexes as whole-cell alternatives, and refuses what it cannot translate', () => {
    assert.deepStrictEqual(alternatives(/^(合计|总分)$/), [{ body: '(?:合计|总分)', start: true, end: true }]);
    assert.deepStrictEqual(
      alternatives(/^(备注|注)([:：]|$)|年\s*月\s*日$/).map((a) => [a.start, a.end]),
      [
        [true, false],
        [false, true],
      ],
    );
    assert.strictEqual(alternatives(/^\d{4}年\(x\)$/)[0].body, '[0-9]{4}年[ 　]*[（(]x[）)]');
    assert.deepStrictEqual(alternatives(/^总分$|^合计$/), [
      { body: '总分', start: true, end: true },
      { body: '合计', start: true, end: true },
    ]);
    for (const re of [/a(?<=b)/, /\w+/, /a/i, /(?<n>a)/, /a^b/]) assert.throws(() => alternatives(re), String(re));
  });

  /** Every label spelling of the families, in the forms a cell writes it: as is, with full-width brackets, a star, a colon. */
  function spellings(label: string): string[] {
    const wide = label.replace(/\(/g, '（').replace(/\)/g, '）');
    return [label, wide, `*${label}`, `＊${wide}：`, `${label}:`, ` ${label}  `];
  }

  it("colours every field, goal and column label of every family (the parser's lists)", () => {
    const rules: [string, (f: (typeof FAMILIES)[number]) => readonly { label: { exact: readonly string[] } }[]][] = [
      ['field-label', (f) => f.fields],
      ['goal-label', (f) => f.goals],
      ['column-label', (f) => f.columns],
    ];
    for (const [name, pick] of rules) {
      const re = new RegExp(grammar.repository[name].match!);
      for (const f of FAMILIES)
        for (const spec of pick(f))
          for (const label of spec.label.exact) for (const cell of spellings(label)) assert.match('\t' + cell, re, `${name}: ${cell}`);
    }
    // A column label's bracketed tail says its block or its points.
    const column = new RegExp(grammar.repository['column-label'].match!);
    for (const cell of ['三级指标(长期)', '指标值（年度）', '绩效指标(90分)', '2021年实际实现值', '预期2022年实现值']) assert.match('\t' + cell, column);
  });

  it('agrees with the parser on every cell of the six template documents: what it calls a label, the grammar does', () => {
    const ruleOf = (name: string) => new RegExp(grammar.repository[name].match!);
    const field = ruleOf('field-label');
    const goal = ruleOf('goal-label');
    const column = ruleOf('column-label');
    const footer = (kind: string) => ruleOf(`footer-${kind}`);
    let checked = 0;
    for (const id of TEMPLATE_IDS) {
      const lines = linesOf(id);
      lines.forEach((line, i) => {
        // A cell of one line (the next line is a new cell or the end of the row): its text is the line's.
        if (!line.startsWith('\t') || ((lines[i + 1] ?? '') !== '' && !lines[i + 1].startsWith('\t'))) return;
        const key = labelKey(line.slice(1));
        if (key === '') return;
        for (const f of FAMILIES) {
          const l = labels(f);
          const where = `${id}:${i + 1} ${line.trim()}`;
          if (l.fields.exact(key).length) assert.match(line, field, where);
          if (l.goals.exact(key).length) assert.match(line, goal, where);
          if (l.columns.exact(key.replace(/\([^()]*\)$/, '')).length) assert.match(line, column, where);
          for (const s of f.footers) if (s.label.test(key) && key.length <= 40) assert.match(line, footer(s.kind), where);
          checked++;
        }
      });
    }
    assert.ok(checked > 300, `${checked}`);
  });

  it('reads as a title every line the parser takes for one, and no other line of the fixtures', () => {
    const candidates = [
      ...TEMPLATE_IDS.flatMap(linesOf),
      ...fs.readFileSync(path.join(root, 'test/fixtures/dongxihu-overall-targets.txt'), 'utf8').split(/\r?\n/),
      '武汉市东西湖区卫生健康局部门整体支出绩效目标表',
      '某某县农业农村局项目支出绩效目标申报表（高标准农田建设）',
      '某某县教育局部门整体支出绩效自评表',
      '某某市财政局项目支出绩效自评表',
      '某某区项目支出绩效目标审核表',
      '\t某某局部门(单位)整体支出绩效目标表',
      '\t浮梁县林业局部门整体绩效目标',
      '2024年某某项目绩效目标表(2024年度)3',
      '2024年某某项目绩效目标表3(2024年度)',
      '某某项目绩效目标表(一)(二)',
      '某某项目绩效目标表1234',
      '某某项目绩效目标表12345',
      '某某项目绩效目标表 3',
      '\t部门整体绩效目标(2023年度)',
      '\t部门整体绩效目标2',
      '\t绩效目标',
      '\t整体绩效目标',
      '\t年度绩效目标',
      '附表1',
      '本表为' + '某'.repeat(80) + '项目支出绩效目标表',
    ];
    const title = new RegExp(grammar.repository.title.match!);
    let titles = 0;
    for (const line of candidates) {
      const t = line.trim();
      // As parse/titles.ts reads a line (部门整体绩效目标 also needs blank lines around it, which a grammar cannot see).
      const parserTitle = isTitleLine(line) || (mayEndTitle(line) && t.length <= 80 && ownRowTitleFamily(titleCore(t).core) !== null);
      assert.strictEqual(title.test(line), parserTitle, line);
      if (parserTitle) titles++;
    }
    assert.ok(titles >= 36 + 6 + 8, `${titles}`);
  });

  // One real line of the template documents per new scope: [document, line, token, scope].
  const cases: [string, string, string, string][] = [
    // Titles of every family, with their tails.
    ['01', '\t项目支出绩效目标批复表', '项目支出绩效目标批复表', SCOPE.title],
    ['04', '\t项目支出绩效目标表', '项目支出绩效目标表', SCOPE.title],
    ['05', '2024年项目绩效目标表(雾炮车降尘抑尘服务)', '项目绩效目标表', SCOPE.title],
    ['05', '2024年项目绩效目标表(雾炮车降尘抑尘服务)', '(雾炮车降尘抑尘服务)', SCOPE.tail],
    ['07', '项目支出绩效目标表3', '项目支出绩效目标表', SCOPE.title],
    ['07', '项目支出绩效目标表3', '3', SCOPE.tail],
    ['10', '\t部门整体绩效目标', '部门整体绩效目标', SCOPE.title],
    ['13', '\t部门预算项目支出绩效自评表(2023年度)', '项目支出绩效自评表', SCOPE.title],
    ['13', '\t部门预算项目支出绩效自评表(2023年度)', '部门预算', SCOPE.department],
    ['13', '\t部门预算项目支出绩效自评表(2023年度)', '(2023年度)', SCOPE.tail],
    // Year lines of split titles.
    ['01', '\t(2022年度)', '(2022年度)', SCOPE.tail],
    ['04', '\t(2025年度)', '(2025年度)', SCOPE.tail],
    ['07', '2020年度)', '2020年度)', SCOPE.tail],
    // Header-zone fields.
    ['01', '\t项目名称', '项目名称', SCOPE.field],
    ['01', '\t项目金额', '项目金额', SCOPE.field],
    ['01', '\t项目期', '项目期', SCOPE.field],
    ['04', '\t主管部门及代码', '主管部门及代码', SCOPE.field],
    ['04', '\t项目资金', '项目资金', SCOPE.field],
    ['05', '\t主管部门及其编码', '主管部门及其编码', SCOPE.field],
    ['05', '\t填报单位(盖章):', '填报单位(盖章)', SCOPE.field],
    ['05', '\t填报单位(盖章):', ':', 'punctuation.separator.key-value.target-table'],
    ['07', '\t项目起止时间', '项目起止时间', SCOPE.field],
    ['10', '\t*联系人:', '联系人', SCOPE.field],
    ['10', '\t*联系人:', '*', 'punctuation.definition.required.target-table'],
    ['10', '\t*部门职能职责概述', '部门职能职责概述', SCOPE.field],
    ['13', '\t实施单位 (盖章)', '实施单位 (盖章)', SCOPE.field],
    // Goals.
    ['01', '\t年度绩效目标(文字)', '年度绩效目标(文字)', SCOPE.goal],
    ['05', '\t长期目标', '长期目标', SCOPE.goal],
    ['07', '\t总体目标', '总体目标', SCOPE.goal],
    ['07', '\t中期目标', '中期目标', SCOPE.goal],
    ['10', '\t*年度绩效总目标', '年度绩效总目标', SCOPE.goal],
    ['13', '\t项目年度目标', '项目年度目标', SCOPE.goal],
    // Indicator columns.
    ['01', '\t绩效指标', '绩效指标', SCOPE.column],
    ['01', '\t2021年实际实现值', '2021年实际实现值', SCOPE.column],
    ['01', '\t预期2022年实现值', '预期2022年实现值', SCOPE.column],
    ['04', '\t二级指标', '二级指标', SCOPE.column],
    ['05', '\t绩效标准', '绩效标准', SCOPE.column],
    ['07', '\t三级指标(长期)', '三级指标(长期)', SCOPE.column],
    ['10', '\t计算符号', '计算符号', SCOPE.column],
    ['10', '\t度量单位', '度量单位', SCOPE.column],
    ['13', '\t绩效指标(90分)', '绩效指标(90分)', SCOPE.column],
    ['13', '\t完成值', '完成值', SCOPE.column],
    ['13', '\t得分', '得分', SCOPE.column],
    ['13', '\t未完成原因分析', '未完成原因分析', SCOPE.column],
    // Footers.
    ['01', '\t财政资金管理科室(盖章) 年 月 日', '财政资金管理科室(盖章) 年 月 日', SCOPE.footer('signature')],
    ['05', '\t其他需说明的问题', '其他需说明的问题', SCOPE.footer('note')],
    ['13', '\t合计', '合计', SCOPE.footer('total')],
    ['13', '\t评价结论', '评价结论', SCOPE.footer('conclusion')],
    ['13', '\t存在问题', '存在问题', SCOPE.footer('problems')],
    ['13', '\t改进措施', '改进措施', SCOPE.footer('improvement')],
    // Comparators in a cell of their own.
    ['10', '\t=', '=', SCOPE.comparator],
    ['10', '\t≥', '≥', SCOPE.comparator],
    ['13', '\t=', '=', SCOPE.comparator],
  ];
  for (const [id, line, token, scope] of cases) {
    it(`${id}: ${JSON.stringify(line)} marks ${token} as ${scope}`, () => {
      assert.ok(linesOf(id).includes(line), `not a line of ${id}`);
      assert.strictEqual(scopeOf(line, token), scope, JSON.stringify(tokenizeLine(line)));
    });
  }

  it('marks the other families and forms a template may use', () => {
    assert.strictEqual(scopeOf('某某县教育局部门整体支出绩效自评表', '部门整体支出绩效自评表'), SCOPE.title);
    assert.strictEqual(scopeOf('某某县教育局部门整体支出绩效自评表', '某某县教育局'), SCOPE.department);
    assert.strictEqual(scopeOf('\t某某区项目支出绩效目标申报表（高标准农田建设）', '（高标准农田建设）'), SCOPE.tail);
    assert.strictEqual(scopeOf('\t（2023年度）', '（2023年度）'), SCOPE.tail);
    assert.strictEqual(scopeOf('\t项目负责人:王某', '项目负责人:王某'), SCOPE.footer('signature'));
    assert.strictEqual(scopeOf('\t注：本表金额单位为万元', '注：本表金额单位为万元'), SCOPE.footer('note'));
    assert.strictEqual(scopeOf('\t预期目标', '预期目标'), SCOPE.goal);
    assert.strictEqual(scopeOf('\t>=', '>='), SCOPE.nonStandard);
    assert.strictEqual(scopeOf('\t≧', '≧'), SCOPE.nonStandard);
    assert.strictEqual(scopeOf('\t＝', '＝'), SCOPE.nonStandard);
    assert.strictEqual(scopeOf('\t>=90%', '>='), SCOPE.nonStandard);
    assert.strictEqual(scopeOf('\t<5%', '<'), SCOPE.comparator);
  });

  it('marks labels only as whole cells, never inside a sentence', () => {
    const labelScopes = [
      SCOPE.field,
      SCOPE.goal,
      SCOPE.column,
      SCOPE.title,
      SCOPE.tail,
      ...['total', 'conclusion', 'problems', 'improvement'].map(SCOPE.footer),
    ];
    for (const line of [
      '\t本项目名称为农村文化建设配套补助经费',
      '\t项目名称:农村文化建设配套补助经费',
      '\t年度绩效目标已全部完成',
      '\t按三级指标逐项填报',
      '\t合计金额为10万元',
      '\t存在问题较少',
      '\t2022年',
      '\t项目支出绩效目标表的填报说明见附件,' + '请各单位按时报送'.repeat(10),
    ]) {
      const hit = tokenizeLine(line).find((t) => labelScopes.includes(t.scopes.at(-1)!));
      assert.strictEqual(hit, undefined, `${line}: ${JSON.stringify(hit)}`);
    }
  });

  it('tokenises the whole §3 sample as before the families, for every scope the old grammar gave', () => {
    const before = tokenizer(grammarV1);
    const text = fs.readFileSync(path.join(root, 'test/fixtures/dongxihu-overall-targets.txt'), 'utf8');
    /** The scope stack of each character of a line. */
    const perChar = (tokens: Token[]) => tokens.flatMap((t) => Array.from({ length: t.text.length }, () => t.scopes.join(' ')));
    const changed: string[] = [];
    let scoped = 0;
    text.split('\n').forEach((line, i) => {
      const old = perChar(before(line));
      const now = perChar(tokenizeLine(line));
      assert.strictEqual(now.length, line.length);
      for (let c = 0; c < line.length; c++) {
        if (old[c] === grammar.scopeName) continue;
        scoped++;
        if (now[c] !== old[c]) {
          changed.push(`${i + 1}: ${line.trim()} (${old[c]} → ${now[c]})`);
          break;
        }
      }
    });
    assert.deepStrictEqual(changed.slice(0, 10), []);
    assert.ok(scoped > 50000, `${scoped}`);
  });
});
