/**
 * Reading a review config: JSON with comments and trailing commas (jsonc-parser, as VS Code reads its
 * own settings). Never throws: broken JSON, a value of the wrong type and an unknown key each give a
 * problem at its place in the file, and every entry that is right still applies. A suppression with a
 * mistake in it is dropped whole: applied without the key it got wrong, it would silence more than
 * the reviewer asked for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Range } from '../model';
import { RULES } from '../rules/index';
import type { Message, SeveritySetting } from '../rules/types';
import type { FrameworkSetting } from '../templates/frameworks';
import { globMatcher } from './globs';
import {
  FRAMEWORK_VALUES,
  SEVERITY_VALUES,
  SUPPRESSION_TARGET_KEYS,
  type ConfigProblem,
  type ConfigReader,
  type LoadedConfig,
  type Suppression,
  type SuppressionEntry,
} from './types';

const SUPPRESSION_KEYS = new Set<string>(['rule', ...SUPPRESSION_TARGET_KEYS, 'reason']);
const TOP_KEYS = new Set(['$schema', 'rules', 'framework', 'minSatisfaction', 'ignores', 'suppressions']);
const CODES = new Set(RULES.map((r) => r.code));

/** Reads files from disk; a missing or unreadable file is `undefined`. */
export const FILE_SYSTEM_READER: ConfigReader = {
  read(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(file) {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

/** A file's modification time and size (`missing` when there is none): whether a config read from it is stale. */
export function fileStamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

function m(zh: string, en: string): Message {
  return { zh, en };
}

/** Offsets → line/character, for the text the config was read from. */
export class TextPositions {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }
  range(offset: number, length: number): Range {
    return { start: this.at(offset), end: this.at(offset + length) };
  }
  private at(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.#starts[lo] };
  }
}

/** A short stable hash of the text (FNV-1a), for the config's cache key. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36) + ':' + text.length.toString(36);
}

const PARSE_ERRORS: Record<string, Message> = {
  InvalidSymbol: m('无效的符号', 'invalid symbol'),
  InvalidNumberFormat: m('无效的数字', 'invalid number'),
  PropertyNameExpected: m('此处应为属性名', 'property name expected'),
  ValueExpected: m('此处应为值', 'value expected'),
  ColonExpected: m('此处应为冒号', 'colon expected'),
  CommaExpected: m('此处应为逗号', 'comma expected'),
  CloseBraceExpected: m('此处应为 }', '} expected'),
  CloseBracketExpected: m('此处应为 ]', '] expected'),
  EndOfFileExpected: m('此处应为文件末尾', 'end of file expected'),
};

function parseErrorMessage(e: ParseError): Message {
  const name = printParseErrorCode(e.error);
  const what = PARSE_ERRORS[name] ?? m(`无法解析（${name}）`, `cannot be read (${name})`);
  return m(`审核配置的 JSON 有误：${what.zh}。`, `The review config's JSON is broken: ${what.en}.`);
}

/** Reads the config at `file` with `reader` (the file system by default). Never throws. */
export function loadConfig(file: string, reader: ConfigReader = FILE_SYSTEM_READER): LoadedConfig {
  const abs = path.resolve(file);
  const text = reader.read(abs);
  if (text === undefined) {
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return {
      ...emptyConfig(abs, `missing:${abs}`),
      problems: [{ severity: 'error', message: m('无法读取审核配置文件。', 'The review config file cannot be read.'), range: zero }],
    };
  }
  return parseConfig(abs, text);
}

function emptyConfig(abs: string, key: string): LoadedConfig {
  return {
    path: abs,
    dir: path.dirname(abs),
    rules: {},
    framework: undefined,
    minSatisfaction: undefined,
    ignores: [],
    ignored: () => false,
    suppressions: [],
    problems: [],
    key,
  };
}

/** Reads a config's text as if it were the file `file` (what `loadConfig` does once it has the text). */
export function parseConfig(file: string, text: string): LoadedConfig {
  const abs = path.resolve(file);
  const at = new TextPositions(text);
  const problems: ConfigProblem[] = [];
  const problem = (node: { offset: number; length: number }, message: Message, severity: ConfigProblem['severity'] = 'warning') =>
    problems.push({ severity, message, range: at.range(node.offset, node.length) });
  const errors: ParseError[] = [];
  // A BOM (Notepad writes one) is not JSON; jsonc-parser would report it as an invalid symbol.
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  for (const e of errors) problem(e, parseErrorMessage(e), 'error');
  const config = emptyConfig(abs, `${abs}|${hash(text)}`);
  const rules: Record<string, SeveritySetting> = {};
  const ignores: string[] = [];
  const suppressions: Suppression[] = [];
  let framework: LoadedConfig['framework'];
  let minSatisfaction: number | undefined;
  if (root && root.type !== 'object') problem(root, m('审核配置应为一个对象 {…}。', 'The review config must be an object {…}.'));
  for (const prop of root?.type === 'object' ? (root.children ?? []) : []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    if (!value) continue; // a parse error was reported
    if (!TOP_KEYS.has(key)) {
      problem(keyNode, m(`未知的设置项 "${key}"，已忽略。`, `Unknown key "${key}", ignored.`));
      continue;
    }
    switch (key) {
      case '$schema':
        if (value.type !== 'string') problem(value, m('"$schema" 应为字符串。', '"$schema" must be a string.'));
        break;
      case 'rules':
        readRules(value, rules, problem);
        break;
      case 'framework':
        if (value.type === 'string' && (FRAMEWORK_VALUES as readonly string[]).includes(value.value as string)) framework = value.value as FrameworkSetting;
        else problem(value, m('"framework" 应为 "auto"、"2021" 或 "2015"。', '"framework" must be "auto", "2021" or "2015".'));
        break;
      case 'minSatisfaction':
        if (value.type === 'number' && (value.value as number) >= 0 && (value.value as number) <= 100) minSatisfaction = value.value as number;
        else problem(value, m('"minSatisfaction" 应为 0 到 100 之间的数。', '"minSatisfaction" must be a number from 0 to 100.'));
        break;
      case 'ignores':
        readStrings(value, 'ignores', ignores, problem);
        break;
      case 'suppressions':
        readSuppressions(value, suppressions, problem, at);
        break;
    }
  }
  const ignoreMatchers = ignores.map(globMatcher);
  const ignored = (rel: string) => ignoreMatchers.some((test) => test(rel));
  return { ...config, rules, framework, minSatisfaction, ignores, ignored, suppressions, problems };
}

type Report = (node: Node, message: Message) => void;

function readRules(value: Node, rules: Record<string, SeveritySetting>, problem: Report): void {
  if (value.type !== 'object') {
    problem(value, m('"rules" 应为对象，如 {"TT101": "off"}。', '"rules" must be an object, e.g. {"TT101": "off"}.'));
    return;
  }
  for (const prop of value.children ?? []) {
    const [keyNode, v] = prop.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string' || !v) continue;
    const code = keyNode.value.toUpperCase();
    if (!CODES.has(code)) {
      problem(keyNode, m(`没有规则 "${keyNode.value}"，已忽略。`, `There is no rule "${keyNode.value}"; ignored.`));
      continue;
    }
    if (v.type === 'string' && SEVERITY_VALUES.includes(v.value as SeveritySetting)) rules[code] = v.value as SeveritySetting;
    else problem(v, m(`规则 ${code} 的级别应为 ${SEVERITY_VALUES.join('、')} 之一。`, `The severity of ${code} must be one of ${SEVERITY_VALUES.join(', ')}.`));
  }
}

function readStrings(value: Node, key: string, out: string[], problem: Report): void {
  if (value.type !== 'array') {
    problem(value, m(`"${key}" 应为字符串数组。`, `"${key}" must be an array of strings.`));
    return;
  }
  for (const item of value.children ?? []) {
    if (item.type === 'string' && (item.value as string).trim() !== '') out.push(item.value as string);
    else problem(item, m(`"${key}" 的每一项应为非空字符串。`, `Each item of "${key}" must be a non-empty string.`));
  }
}

function readSuppressions(value: Node, out: Suppression[], problem: Report, at: TextPositions): void {
  if (value.type !== 'array') {
    problem(value, m('"suppressions" 应为数组。', '"suppressions" must be an array.'));
    return;
  }
  (value.children ?? []).forEach((item, index) => {
    const dropped = m('（此条忽略规则未生效）', ' (this suppression is not applied)');
    const bad = (node: Node, what: Message) => problem(node, m(what.zh + dropped.zh, what.en + dropped.en));
    if (item.type !== 'object') {
      bad(item, m('忽略规则应为对象，如 {"rule": "TT101", "indicator": "…"}。', 'A suppression must be an object, e.g. {"rule": "TT101", "indicator": "…"}.'));
      return;
    }
    const s: Partial<Record<string, string>> = {};
    let ok = true;
    for (const prop of item.children ?? []) {
      const [keyNode, v] = prop.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string' || !v) {
        ok = false;
        continue;
      }
      const key = keyNode.value;
      if (!SUPPRESSION_KEYS.has(key)) {
        bad(keyNode, m(`忽略规则中未知的键 "${key}"。`, `Unknown key "${key}" in a suppression.`));
        ok = false;
      } else if (v.type !== 'string' || (v.value as string).trim() === '') {
        bad(v, m(`"${key}" 应为非空字符串。`, `"${key}" must be a non-empty string.`));
        ok = false;
      } else if (key === 'rule' && !CODES.has((v.value as string).toUpperCase())) {
        bad(v, m(`没有规则 "${v.value as string}"。`, `There is no rule "${v.value as string}".`));
        ok = false;
      } else s[key] = key === 'rule' ? (v.value as string).toUpperCase() : (v.value as string);
    }
    if (ok && s.rule === undefined) {
      bad(item, m('忽略规则缺少 "rule"（规则代码，如 "TT101"）。', 'A suppression needs "rule" (a rule code such as "TT101").'));
      ok = false;
    }
    if (!ok) return;
    const fileMatcher = s.file === undefined ? null : globMatcher(s.file);
    out.push({
      ...(s as Omit<SuppressionEntry, 'rule'>),
      rule: s.rule!,
      index,
      range: at.range(item.offset, item.length),
      takesFile: (rel) => fileMatcher === null || (rel !== null && fileMatcher(rel)),
    });
  });
}
