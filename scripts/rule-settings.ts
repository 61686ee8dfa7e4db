/**
 * The rule settings of package.json and their texts in package.nls*.json, generated from the rule
 * registry (server/src/core/rules): one entry per rule, `targetTable.rules.TT101`, with the five
 * severities described, the rule's default, its title and description in the Settings UI and an
 * `order` by code; and the deprecated `targetTable.severity` object, still read by the server, whose
 * codes are the same. scripts/rule-settings.mjs writes the files (scripts/build.mjs calls it, `npm run
 * lint` checks them with `--check`); test/unit/rule-registry.test.ts checks the committed files are
 * what this gives.
 *
 * This owns only those entries: `targetTable.severity` and `targetTable.rules.*` in the configuration's
 * properties, and the nls keys `config.severity`, `config.severity.*` and `config.rules.*`. Every other
 * property and key is kept as it is, where it is (other settings are written by hand).
 */
import { RULES } from '../server/src/core/rules/index';
import type { Message, Rule, SeveritySetting } from '../server/src/core/rules/types';

export const RULE_SETTING_PREFIX = 'targetTable.rules.';
export const DEPRECATED_SEVERITY_SETTING = 'targetTable.severity';
export const SEVERITY_CHOICES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
/**
 * Orders of the rule entries: RULE_ORDER_BASE + the rule's place in the registry (code order). A
 * setting with an order lists before those without, so settings written by hand can take an order
 * below this one to list first.
 */
export const RULE_ORDER_BASE = 100;

type Json = Record<string, unknown>;
type Locale = 'en' | 'zh-cn';

/** The texts the generated entries use, per locale (the nls files the keys are in). */
const SEVERITY_TEXT: Record<SeveritySetting, Message> = {
  off: msg('不检查此项', 'Not checked'),
  hint: msg('提示：在编辑器中以淡色小点标出', 'Hint: faint dots under the text in the editor'),
  information: msg('信息', 'Information'),
  warning: msg('警告', 'Warning'),
  error: msg('错误', 'Error'),
};

const DEPRECATED_TEXT = msg(
  '已弃用：请改用每条规则各自的设置 `targetTable.rules.TT101` … `targetTable.rules.TT604`（在设置中搜索 `targetTable.rules`）。本设置仍然有效；两者都设置时以 `targetTable.rules.*` 为准，它等于规则默认值时视为未设置。',
  'Deprecated: use the setting of each rule, `targetTable.rules.TT101` … `targetTable.rules.TT604` (search the Settings for `targetTable.rules`). This one still works; when both are set `targetTable.rules.*` wins, and at the rule’s default it counts as not set.',
);

const SEVERITY_OBJECT_TEXT = msg(
  '各项检查的严重级别，如 `{"TT403": "off"}`（`off` 表示关闭该检查）。',
  'Severity of each check, e.g. `{"TT403": "off"}` (`off` turns a check off).',
);

function msg(zh: string, en: string): Message {
  return { zh, en };
}

function text(m: Message, locale: Locale): string {
  return locale === 'en' ? m.en : m.zh;
}

/** A description as Markdown: the rules' texts hold `*`, `<` and the like (`≥**个`), which must stay literal. */
function markdownLiteral(s: string): string {
  return s.replace(/[\\`*_[\]<>#|]/g, (c) => '\\' + c);
}

function ruleKey(code: string): string {
  return `config.rules.${code}`;
}

/** `**TT101 缺少计量单位**：…` / `**TT101 Missing unit** (缺少计量单位): …`: what the code means, by its name. */
export function ruleDescription(rule: Rule, locale: Locale): string {
  const zh = markdownLiteral(rule.title.zh);
  if (locale === 'en') return `**${rule.code} ${markdownLiteral(rule.title.en)}** (${zh}): ${markdownLiteral(rule.description.en)}`;
  return `**${rule.code} ${zh}**：${markdownLiteral(rule.description.zh)}`;
}

/** The generated configuration properties, in the order they are written. */
export function ruleSettingProperties(rules: readonly Rule[] = RULES): [string, Json][] {
  const enumDescriptions = SEVERITY_CHOICES.map((s) => `%config.rules.severity.${s}%`);
  const deprecated: Json = {
    type: 'object',
    scope: 'resource',
    markdownDescription: '%config.severity%',
    markdownDeprecationMessage: '%config.severity.deprecated%',
    properties: Object.fromEntries(rules.map((r) => [r.code, { type: 'string', enum: [...SEVERITY_CHOICES], markdownDescription: `%${ruleKey(r.code)}%` }])),
    additionalProperties: false,
    default: {},
  };
  const out: [string, Json][] = [[DEPRECATED_SEVERITY_SETTING, deprecated]];
  rules.forEach((r, i) =>
    out.push([
      RULE_SETTING_PREFIX + r.code,
      {
        type: 'string',
        scope: 'resource',
        enum: [...SEVERITY_CHOICES],
        enumDescriptions,
        default: r.defaultSeverity,
        order: RULE_ORDER_BASE + i,
        markdownDescription: `%${ruleKey(r.code)}%`,
      },
    ]),
  );
  return out;
}

/** The generated nls entries of one locale, in the order they are written. */
export function ruleSettingTexts(locale: Locale, rules: readonly Rule[] = RULES): [string, string][] {
  const out: [string, string][] = [
    ['config.severity', text(SEVERITY_OBJECT_TEXT, locale)],
    ['config.severity.deprecated', text(DEPRECATED_TEXT, locale)],
  ];
  for (const s of SEVERITY_CHOICES) out.push([`config.rules.severity.${s}`, text(SEVERITY_TEXT[s], locale)]);
  for (const r of rules) out.push([ruleKey(r.code), ruleDescription(r, locale)]);
  return out;
}

const ownsProperty = (key: string) => key === DEPRECATED_SEVERITY_SETTING || key.startsWith(RULE_SETTING_PREFIX);
const ownsText = (key: string) => key === 'config.severity' || key.startsWith('config.severity.') || key.startsWith('config.rules.');

/**
 * `object` with the keys `owns` picks replaced by `generated`, written where the first of them was
 * (or after `after`, else at the end, when there was none); every other key keeps its place and value.
 */
function replaceOwned<T>(object: Record<string, T>, owns: (key: string) => boolean, generated: [string, T][], after?: string): Record<string, T> {
  const entries = Object.entries(object);
  let at = entries.findIndex(([k]) => owns(k));
  if (at < 0) at = after !== undefined && after in object ? entries.findIndex(([k]) => k === after) + 1 : entries.length;
  const before = entries.slice(0, at).filter(([k]) => !owns(k));
  const rest = entries.slice(at).filter(([k]) => !owns(k));
  return Object.fromEntries([...before, ...generated, ...rest]);
}

/** package.json's text with the rule settings brought up to date (2-space JSON, as the file is kept). */
export function withRuleSettings(packageJson: string): string {
  const pkg = JSON.parse(packageJson) as { contributes: { configuration: { properties: Record<string, Json> } } };
  const config = pkg.contributes.configuration;
  config.properties = replaceOwned(config.properties, ownsProperty, ruleSettingProperties());
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** A package.nls*.json's text with the rule settings' texts brought up to date. */
export function withRuleTexts(nlsJson: string, locale: Locale): string {
  const nls = JSON.parse(nlsJson) as Record<string, string>;
  return JSON.stringify(replaceOwned(nls, ownsText, ruleSettingTexts(locale), 'config.title'), null, 2) + '\n';
}
