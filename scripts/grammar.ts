/**
 * The TextMate grammar (syntaxes/target-table.tmLanguage.json) and the language's `firstLine`
 * (package.json), generated from the table families (server/src/core/templates): the titles from
 * each family's title rules, the labels of header-zone fields, goals, indicator columns and footers
 * from its label lists. So the colouring knows every label the parser knows, and a label added to
 * labels.ts is coloured after the next build. scripts/grammar.mjs runs this and writes the files
 * (scripts/build.mjs calls it); test/unit/grammar.test.ts checks the committed files are what this gives.
 *
 * Every regex here must mean the same in Oniguruma (VS Code's TextMate engine) and in JavaScript
 * (the tests, and VS Code's firstLine): the family data's regexes are translated by `alternatives`,
 * which refuses what it does not know.
 */
import { FAMILIES } from '../server/src/core/templates';
import type { FooterKind, LabelPattern, TableFamily } from '../server/src/core/templates/types';

interface Captures {
  [group: string]: { name: string };
}

export interface GrammarRule {
  comment?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  captures?: Captures;
  patterns?: GrammarRule[];
}

export interface Grammar {
  $schema: string;
  name: string;
  comment: string;
  scopeName: string;
  patterns: GrammarRule[];
  repository: Record<string, GrammarRule>;
}

/** A space inside a cell: ASCII or ideographic. */
const SP = '[ 　]';
/** A bracket of a label or title, either width (labels are compared with half-width ones), perhaps after a space (`实施单位 (盖章)`). */
const OPEN = `${SP}*[（(]`;
const CLOSE = '[）)]';
/** A label cell's start: its TAB, spaces, a required-field star. Captures the star. */
const CELL_START = `^\\t${SP}*(?:([*＊])${SP}*)?`;
/** A label cell's end: an optional colon, spaces. Captures the colon. */
const CELL_END = `([:：])?${SP}*$`;
/** What an unanchored side of a footer pattern may add to the cell: a short text (a paragraph is not a footer label). */
const AROUND = '.{0,40}?';
/**
 * What may follow a title (parse/titles.ts `TAIL`, stripped up to twice, and `mayEndTitle`): one or
 * two bracketed tails (`(2023年度)`, `(高标准农田建设)`), or a table number right after 表 (`目标表3`),
 * perhaps with a bracket after it. A number after a bracket, or after 绩效目标, ends no title.
 */
const BRACKET_TAIL = `${SP}*[（(][^（）()]{0,30}[）)]`;
const TITLE_TAIL = `(?:(?<=表)(?:[0-9]{1,2}(?:${BRACKET_TAIL})?|[0-9]{3,4})|(?:${BRACKET_TAIL}){1,2})?`;
/** A title is a short line (parse/titles.ts `MAX_TITLE_LENGTH`): at most 80 characters between its first and last visible one. */
const SHORT_LINE = '(?=[^ \\t　].{0,79}?[ \\t　]*$)';
/** A column label's bracketed tail (parse/columns.ts `TAIL`): the block (`三级指标(长期)`) or points (`绩效指标(90分)`). */
const COLUMN_TAIL = `(?:${OPEN}[^（）()]{0,30}${CLOSE})?`;

const SCOPE = {
  title: 'markup.heading.1.title.target-table',
  department: 'entity.name.section.department.target-table',
  titleKeyword: 'keyword.other.title.target-table',
  titleTail: 'entity.other.title-tail.target-table',
  field: 'entity.name.tag.field.target-table',
  goal: 'markup.heading.2.goal.target-table',
  goalKeyword: 'keyword.control.goal.target-table',
  column: 'entity.other.attribute-name.header.target-table',
  footer: (kind: FooterKind) => `keyword.other.footer.${kind}.target-table`,
  required: 'punctuation.definition.required.target-table',
  colon: 'punctuation.separator.key-value.target-table',
  comparator: 'keyword.operator.comparison.target-table',
  nonStandard: 'invalid.deprecated.comparator.non-standard.target-table',
};

// ---------------------------------------------------------------------------------------------
// Translating the family data's labels and regexes

/** A label (labels are written as parse compares them: no spaces, half-width brackets) as a regex. */
export function labelRegex(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch === '(' || ch === '（') out += OPEN;
    else if (ch === ')' || ch === '）') out += CLOSE;
    else if (PUNCTUATION.includes(ch)) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

/** Characters a family regex may escape, kept escaped. */
const PUNCTUATION = '\\^$.|?*+[]{}/-';

/** One top-level alternative of a family regex: its body, and whether it was anchored at the start (`^`) and at the end (`$`). */
export interface Alternative {
  body: string;
  start: boolean;
  end: boolean;
}

/**
 * A family regex (matched by the parser on a compact text: no spaces, half-width brackets) as
 * top-level alternatives in the subset both engines read alike: groups become non-capturing,
 * `\d` is `[0-9]`, `\s` a space of either width, an escaped bracket one of either width, a `$`
 * inside a group the end of the cell. Anything else with a backslash or `(?` is refused, so a
 * regex the grammar would misread fails the build instead of colouring wrongly.
 */
export function alternatives(re: RegExp): Alternative[] {
  if (re.flags !== '') throw new Error(`grammar: ${re}: flags are not supported`);
  const src = re.source;
  const out: Alternative[] = [];
  let body = '';
  let start = false;
  let end = false;
  let depth = 0;
  let atAltStart = true;
  const refuse = (what: string): never => {
    throw new Error(`grammar: ${re}: ${what} is not supported`);
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    const first = atAltStart;
    atAltStart = false;
    if (end && !(ch === '|' && depth === 0)) refuse('text after $');
    if (ch === '\\') {
      const next = src[++i];
      if (next === 'd') body += '[0-9]';
      else if (next === 's') body += SP;
      else if (next === '(') body += OPEN;
      else if (next === ')') body += CLOSE;
      else if (next !== undefined && PUNCTUATION.includes(next)) body += '\\' + next;
      else refuse(`\\${next}`);
    } else if (ch === '[') {
      let cls = '[';
      for (i++; i < src.length && src[i] !== ']'; i++) {
        if (src[i] === '\\') {
          const next = src[++i];
          if (next === 'd') cls += '0-9';
          else if (next === 's') cls += ' 　';
          else if (next === '(' || next === ')') cls += next === '(' ? '(（' : ')）';
          else if (next !== undefined && PUNCTUATION.includes(next)) cls += '\\' + next;
          else refuse(`\\${next} in a class`);
        } else if (src[i] === '(' || src[i] === ')') cls += src[i] === '(' ? '(（' : ')）';
        else cls += src[i];
      }
      if (i >= src.length) refuse('an unclosed class');
      body += cls + ']';
    } else if (ch === '(') {
      depth++;
      if (src[i + 1] !== '?') body += '(?:';
      else if (src[i + 2] === ':' || src[i + 2] === '=' || src[i + 2] === '!') {
        body += '(?' + src[i + 2];
        i += 2;
      } else refuse('(?' + (src[i + 2] ?? ''));
      atAltStart = true;
    } else if (ch === ')') {
      depth--;
      body += ')';
    } else if (ch === '|' && depth === 0) {
      out.push({ body, start, end });
      body = '';
      start = end = false;
      atAltStart = true;
    } else if (ch === '|') {
      body += '|';
      atAltStart = true;
    } else if (ch === '^') {
      if (!first || depth > 0) refuse('^ inside an alternative');
      start = true;
      atAltStart = true;
    } else if (ch === '$') {
      // At the end of a top-level alternative: anchored. Inside a group (`注([:：]|$)`): the cell ends there.
      if (depth === 0 && (i === src.length - 1 || src[i + 1] === '|')) end = true;
      else body += `(?=[:：]?${SP}*$)`;
    } else body += ch;
  }
  out.push({ body, start, end });
  for (const a of out) if (a.body === '') refuse('an empty alternative');
  return out;
}

/** Distinct strings, in the order first seen. */
function distinct(items: Iterable<string>): string[] {
  return [...new Set(items)];
}

/** An alternation of regexes, longest first (a label that is the start of another is tried after it). */
function alternation(regexes: Iterable<string>): string {
  return distinct(regexes)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/** A label pattern's spellings as regexes: the exact ones, and the patterns (anchored at both ends: labels are whole cells). */
function labelRegexes(p: LabelPattern): string[] {
  const out = p.exact.map(labelRegex);
  for (const re of p.re ?? []) {
    for (const alt of alternatives(re)) {
      if (!alt.start || !alt.end) throw new Error(`grammar: ${re}: a label pattern must be anchored with ^ and $`);
      out.push(alt.body);
    }
  }
  return out;
}

/** Every family's label patterns of one kind (fields, goals, columns), as one alternation. */
function labelsOf(pick: (f: TableFamily) => readonly { label: LabelPattern }[]): string {
  return alternation(FAMILIES.flatMap((f) => pick(f).flatMap((s) => labelRegexes(s.label))));
}

/** A footer pattern (matched by the parser on a row's first cell, anywhere unless anchored) as a whole-cell regex. */
function footerRegex(re: RegExp): string {
  return alternatives(re)
    .map((a) => `${a.start ? '' : AROUND}${a.body}${a.end ? '' : AROUND}`)
    .join('|');
}

/** The title suffixes of every family (each rule's regex, anchored at the end), ordinary titles first, then titles that stand on a row of their own. */
function titleSuffixes(): string {
  const rules = FAMILIES.flatMap((f) => f.titles);
  const ordered = [...rules.filter((t) => !t.ownRow), ...rules.filter((t) => t.ownRow)];
  const out: string[] = [];
  for (const t of ordered) {
    for (const alt of alternatives(t.suffix)) {
      if (alt.start || !alt.end) throw new Error(`grammar: ${t.suffix}: a title rule must be anchored with $ only`);
      out.push(alt.body);
    }
  }
  return distinct(out).join('|');
}

const FOOTER_KINDS: readonly FooterKind[] = ['total', 'conclusion', 'problems', 'improvement', 'note', 'signature'];

// ---------------------------------------------------------------------------------------------
// The rules

function titleRule(): GrammarRule {
  return {
    comment:
      "Section title (generated from the families' title rules): <name><suffix><tail>, a short line with any leading spaces/TABs. The tail is a bracket (2023年度) or a table number; 部门整体绩效目标 counts as a title only on a row of its own, which a grammar cannot see.",
    match: `^[ \\t\u3000]*${SHORT_LINE}(.*?)(${titleSuffixes()})(${TITLE_TAIL})${SP}*$`,
    name: SCOPE.title,
    captures: { '1': { name: SCOPE.department }, '2': { name: SCOPE.titleKeyword }, '3': { name: SCOPE.titleTail } },
  };
}

const yearLine: GrammarRule = {
  comment: 'The year of a split title on a line of its own: (2022年度), 2020年度) (parse/titles.ts YEAR_LINE, with a bracket).',
  match: `^\\t?${SP}*((?:[（(]${SP}*[0-9]{4}${SP}*年度?${SP}*[）)]?|[0-9]{4}${SP}*年度?${SP}*[）)]))${SP}*$`,
  name: SCOPE.title,
  captures: { '1': { name: SCOPE.titleTail } },
};

function labelRule(comment: string, labels: string, labelScope: string, name?: string): GrammarRule {
  const rule: GrammarRule = { comment, match: `${CELL_START}(${labels})${CELL_END}` };
  if (name) rule.name = name;
  rule.captures = { '1': { name: SCOPE.required }, '2': { name: labelScope }, '3': { name: SCOPE.colon } };
  return rule;
}

function footerRules(): Record<string, GrammarRule> {
  const out: Record<string, GrammarRule> = {};
  for (const kind of FOOTER_KINDS) {
    const regexes = distinct(FAMILIES.flatMap((f) => f.footers.filter((s) => s.kind === kind).map((s) => footerRegex(s.label))));
    if (regexes.length === 0) continue;
    out[`footer-${kind}`] = labelRule(`A row that closes a table (${kind}), from the families' footers.`, regexes.join('|'), SCOPE.footer(kind));
  }
  return out;
}

const comparatorCell: GrammarRule = {
  comment: 'A comparator in a cell of its own (指标性质 / 计算符号 column): = ≥ ≤ > <, and the non-standard >= <= ≧ ＝ … (parse/value.ts).',
  match: `^\\t${SP}*(?:(>=|<=|＞＝|＜＝|[≧≦＞＜＝⩾⩽])|([≥≤<>=]))${SP}*$`,
  captures: { '1': { name: SCOPE.nonStandard }, '2': { name: SCOPE.comparator } },
};

/** Units a value may end with (§4), and after a slash (`次/年`). */
const UNITS =
  '万平方米|平方公里|平方米|万人次|人次|场次|项次|个工作日|个月|小时|分钟|公里|千米|万元|亿元|万册|万件|万辆|万吨|万亩|万方|万字|万人|万本|万斤|万盆|元|次|人|个|份|篇|场|本|项|天|条|期|件|版|家|处|块|套|亩|台|种|集|类|米|日|年|月|周|对|批|户|辆|名|起|分|吨|卷|张|所|座|盏|棵|株|间|枚|km|m|h|㎡';

/** The rules written by hand: the §3 template's headers, categories, values. */
const HAND_WRITTEN: Record<string, GrammarRule> = {
  bookmark: {
    comment: 'Word bookmark residue left by the docx-to-text export ([bookmark: _GoBack]).',
    match: '\\[bookmark:[^\\]]*\\]',
    name: 'comment.block.bookmark.target-table',
  },
  'unit-header': {
    match: '^[ \\t　]*(单位)([：:])[ 　]*(万元|元)[ 　]*$',
    name: 'meta.unit-declaration.target-table',
    captures: {
      '1': { name: 'keyword.other.unit-label.target-table' },
      '2': { name: 'punctuation.separator.key-value.target-table' },
      '3': { name: 'keyword.other.unit.target-table' },
    },
  },
  'overview-header': {
    comment: 'Header of the 整体绩效总目标 block (label may wrap: 整体绩效⏎总目标), and its 长期目标（截至2028年） column.',
    patterns: [
      {
        match: '^\\t?[ 　]*(整体绩效总目标|整体绩效目标|整体绩效|总目标)[ 　]*$',
        captures: { '1': { name: 'markup.heading.2.overview.target-table' } },
      },
      {
        match: '^\\t[ 　]*(长期目标[ 　]*[（(][ 　]*截[至止][ 　]*[0-9]{4}[ 　]*年?[ 　]*[）)])[ 　]*$',
        captures: { '1': { name: 'markup.heading.2.overview.target-table' } },
      },
    ],
  },
  'goal-header': {
    comment: 'Goal table header cell: 长期目标N： / 年度目标N： (also without number or colon).',
    match: '^\\t[ 　]*((?:长期|年度)目标)[ 　]*([0-9]+)?[ 　]*([：:.、]?)[ 　]*$',
    name: SCOPE.goal,
    captures: {
      '1': { name: SCOPE.goalKeyword },
      '2': { name: 'constant.numeric.goal-number.target-table' },
      '3': { name: 'punctuation.separator.target-table' },
    },
  },
  'goal-prefix': {
    comment: 'Goal number at the start of an overview or goal-text cell: 目标1： 目标 1: 目标1. 目标1、 1、',
    match: '^\\t[ 　]*(?:(目标)[ 　]*([0-9]+)[ 　]*([：:.．、])|(目标)([：:])|([0-9]+)(、))',
    captures: {
      '1': { name: SCOPE.goalKeyword },
      '2': { name: 'constant.numeric.goal-number.target-table' },
      '3': { name: 'punctuation.separator.target-table' },
      '4': { name: SCOPE.goalKeyword },
      '5': { name: 'punctuation.separator.target-table' },
      '6': { name: 'constant.numeric.goal-number.target-table' },
      '7': { name: 'punctuation.separator.target-table' },
    },
  },
  'column-header': {
    comment: "Column labels of the §3 template's indicator header rows (some wrap onto a continuation line without TAB).",
    match:
      '^\\t?[ 　]*(一级指标|二级指标|三级指标|指标名称|指标值确定依据|指标值|(?:长期|年度)?[ 　]*绩效指标[ 　]*[0-9]*|近两年指标值|预[计期]当年[ 　]*(?:实现值?)?|实现值|前[ 　]*年|上[ 　]*年|当年目标|长期|年度)[ 　]*$',
    captures: { '1': { name: SCOPE.column } },
  },
  'level-1': {
    comment: 'The four 一级 categories (满意度 may wrap: 满意度⏎指标).',
    match: '^\\t[ 　]*(成本指标|产出指标|效益指标|满意度指标|满意度)[ 　]*$',
    captures: { '1': { name: 'storage.type.category.level-1.target-table' } },
  },
  'level-2': {
    comment: 'Known 二级 categories, with or without the 指标 suffix (服务对象⏎满意度指标 wraps).',
    match:
      '^\\t?[ 　]*((?:经济成本|社会成本|生态环境成本|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|(?:服务|宣传)对象满意度|服务对象)(?:指标)?|满意度指标)[ 　]*$',
    captures: { '1': { name: 'support.class.category.level-2.target-table' } },
  },
  basis: {
    comment: '指标值确定依据 values: 计划数据 历史数据 计划标准 行业标准 …',
    match: '^\\t[ 　]*((?:按照)?(?:计划|历史|行业|其他|文件)(?:数据|标准|指标)(?:[和、及](?:计划|历史|行业|其他|文件)(?:数据|标准|指标))*)[ 　]*$',
    captures: { '1': { name: 'constant.language.basis.target-table' } },
  },
  value: {
    comment: 'A short cell that starts with a (comparator and a) number: an indicator value like ≥90%, 12次/年, 《16万元.',
    begin: '^(?=\\t[ 　]*(?:(?:>=|<=|＞＝|＜＝|[≥≤<>=≧≦＞＜＝⩾⩽》]|《(?![^》]*》))[ 　]*)?[0-9０-９][^\\t]{0,24}[ 　]*$)',
    end: '$',
    name: 'meta.value.target-table',
    patterns: [
      { match: '《(?=[ 　]*[0-9０-９][^》]*$)|》(?=[ 　]*[0-9０-９])', name: 'invalid.deprecated.comparator.book-mark.target-table' },
      { match: '>=|<=|＞＝|＜＝|[≧≦＞＜＝⩾⩽]', name: SCOPE.nonStandard },
      { match: '[≥≤<>=]', name: SCOPE.comparator },
      {
        match: '(?<=[≥≤<>=≧≦＞＜＝⩾⩽《》])[ 　]+(?=[0-9０-９])|(?<=[0-9０-９])[ 　]+(?=[%％一-鿿])',
        name: 'invalid.deprecated.whitespace.target-table',
      },
      { match: '[０-９]+(?:[.．][０-９]+)?', name: 'invalid.deprecated.full-width-digit.target-table' },
      { match: '[0-9]+(?:\\.[0-9]+)?', name: 'constant.numeric.target-table' },
      { match: '%%+', name: 'invalid.deprecated.double-percent.target-table' },
      { match: '[%％]', name: 'keyword.other.unit.percent.target-table' },
      { match: '万(?=[ 　]*$)', name: 'invalid.deprecated.unit.bare-wan.target-table' },
      {
        match: `(?:${UNITS})(?:[（(](?:次|套)[）)])?(?:/(?:每)?(?:${UNITS}|[一-鿿]{1,2}(?:·[一-鿿]{1,2})?))*`,
        name: 'keyword.other.unit.target-table',
      },
      { match: '及?(?:以上|以内|以下|左右)', name: 'keyword.operator.comparison.text.target-table' },
      { match: '[-~～—至]', name: 'punctuation.separator.range.target-table' },
    ],
  },
  'book-title': {
    comment: '《…》 book titles inside text are never comparators.',
    match: '《[^《》\\t]*》',
    name: 'string.quoted.other.book-title.target-table',
  },
  loose: {
    comment: 'Comparators and full-width digits inside longer text.',
    patterns: [
      { match: '[≧≦＞＜＝⩾⩽]', name: SCOPE.nonStandard },
      { match: '[≥≤]', name: SCOPE.comparator },
      { match: '[０-９]+', name: 'invalid.deprecated.full-width-digit.target-table' },
    ],
  },
};

/** The grammar. Rules are tried in this order; of those matching at the same place, the first wins (so the §3 rules keep their lines). */
export function buildGrammar(): Grammar {
  const h = HAND_WRITTEN;
  const repository: Record<string, GrammarRule> = {
    bookmark: h.bookmark,
    title: titleRule(),
    'year-line': yearLine,
    'unit-header': h['unit-header'],
    'overview-header': h['overview-header'],
    'goal-header': h['goal-header'],
    'goal-prefix': h['goal-prefix'],
    'column-header': h['column-header'],
    'level-1': h['level-1'],
    'level-2': h['level-2'],
    basis: h.basis,
    'field-label': labelRule(
      "A header-zone field label (项目名称, 主管部门及代码 …), a whole cell, from the families' fields.",
      labelsOf((f) => f.fields),
      SCOPE.field,
    ),
    'goal-label': labelRule(
      "A goal label (年度绩效目标(文字), 总体目标 …), a whole cell, from the families' goals.",
      labelsOf((f) => f.goals),
      SCOPE.goalKeyword,
      SCOPE.goal,
    ),
    'column-label': labelRule(
      "An indicator column label (绩效指标, 计算符号, 目标值, 得分 …), a whole cell, perhaps with a bracketed tail, from the families' columns.",
      `(?:${labelsOf((f) => f.columns)})${COLUMN_TAIL}`,
      SCOPE.column,
    ),
    ...footerRules(),
    'comparator-cell': comparatorCell,
    value: h.value,
    'book-title': h['book-title'],
    loose: h.loose,
  };
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Target Table (绩效目标表)',
    comment: 'Generated by scripts/grammar.ts from server/src/core/templates (npm run build, or node scripts/grammar.mjs): do not edit by hand.',
    scopeName: 'source.target-table',
    patterns: Object.keys(repository).map((k) => ({ include: `#${k}` })),
    repository,
  };
}

/** The grammar file's text, as committed. */
export function grammarText(): string {
  return JSON.stringify(buildGrammar(), null, 2) + '\n';
}

/**
 * The language's `firstLine` (a JavaScript regex VS Code tries on a file's first line): a title of
 * any family, as the grammar's title rule reads it.
 */
export function firstLinePattern(): string {
  const ws = '[ \\t\\u3000]';
  return `^${ws}*(?=[^ \\t\\u3000].{0,79}?${ws}*$).*?(?:${titleSuffixes()})${TITLE_TAIL}${ws}*$`.replace(/\u3000/g, '\\u3000');
}

/** package.json's text with the language's firstLine set to `firstLinePattern()`, everything else kept byte for byte. */
export function withFirstLine(packageJson: string): string {
  const re = /("firstLine"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
  const hits = packageJson.match(re);
  if (hits === null || hits.length !== 1) throw new Error(`grammar: package.json should have one "firstLine", has ${hits?.length ?? 0}`);
  return packageJson.replace(re, (_m, key: string) => key + JSON.stringify(firstLinePattern()));
}
