/**
 * The JSON schema of the review config `.target-table.json` (server/src/core/config), generated from
 * the rule registry like the rule settings (./rule-settings.ts): every rule code with its title and
 * description, the severities, and the keys the config reader takes, each described in Chinese and
 * English. VS Code validates and completes the file with it (`jsonValidation` in package.json);
 * scripts/config-schema.mjs writes schemas/target-table.schema.json (scripts/build.mjs calls it, `npm
 * run lint` checks it with `--check`), and test/unit/config/schema.test.ts checks the committed file.
 */
import { RULES } from '../server/src/core/rules/index';
import type { Rule } from '../server/src/core/rules/types';
import { FRAMEWORK_VALUES, SEVERITY_VALUES } from '../server/src/core/config/types';
import { ruleDescription } from './rule-settings';

export const SCHEMA_FILE = 'schemas/target-table.schema.json';

type Json = Record<string, unknown>;

/** One description in both languages: VS Code shows the text as is, Chinese first. */
function both(zh: string, en: string): Json {
  return { description: `${zh}\n${en}`, markdownDescription: `${zh}\n\n${en}` };
}

function ruleTexts(rule: Rule): Json {
  const zh = ruleDescription(rule, 'zh-cn');
  const en = ruleDescription(rule, 'en');
  return { description: `${rule.code} ${rule.title.zh} ${rule.title.en}`, markdownDescription: `${zh}\n\n${en}` };
}

const SEVERITY_TEXT: Record<string, [string, string]> = {
  off: ['不检查此项', 'Not checked'],
  hint: ['提示：在编辑器中以淡色小点标出，不计数', 'Hint: faint dots in the editor, not counted'],
  information: ['信息', 'Information'],
  warning: ['警告', 'Warning'],
  error: ['错误', 'Error'],
};

const text = (zh: string, en: string) => ({ type: 'string', minLength: 1, ...both(zh, en) });

export function configSchema(rules: readonly Rule[] = RULES): Json {
  const severity = {
    type: 'string',
    enum: [...SEVERITY_VALUES],
    enumDescriptions: SEVERITY_VALUES.map((s) => `${SEVERITY_TEXT[s][0]} ${SEVERITY_TEXT[s][1]}`),
  };
  const codes = rules.map((r) => r.code);
  const suppression = {
    type: 'object',
    ...both(
      '忽略一类问题：按名称（而非行号）指出规则、文件、部门或项目、指标、目标或字段；给出的每一项都须相符。',
      'Silences problems by name, not line: the rule, file, department or project, indicator, goal or field; every key given must match.',
    ),
    required: ['rule'],
    additionalProperties: false,
    properties: {
      rule: { type: 'string', enum: codes, enumDescriptions: rules.map((r) => `${r.title.zh} ${r.title.en}`), ...both('规则代码', 'The rule code') },
      file: text(
        '文件的 glob，相对于本配置文件所在文件夹，以 / 分隔，如 "教育局.txt"、"2026/**/*.txt"',
        'A glob of files relative to this config file’s folder, with / between folders, e.g. "教育局.txt", "2026/**/*.txt"',
      ),
      section: text('部门或项目名称（诊断信息末尾 — 之后的名称）', 'The department or project (the name after — at the end of a diagnostic)'),
      indicator: text('指标的三级指标名称', 'The indicator’s 三级 (level 3) name'),
      level1: text('一级指标，用于区分同名的三级指标', 'The 一级 (level 1) category, to tell apart indicators of one name'),
      level2: text('二级指标，用于区分同名的三级指标', 'The 二级 (level 2) category, to tell apart indicators of one name'),
      goal: text('目标的文字（目标本身，或其表格所衡量的目标）', 'The goal’s text (the goal itself, or the goal its table measures)'),
      field: text('表头字段的标签，如 "项目名称"', 'A header field’s label, e.g. "项目名称"'),
      text: text('问题所在的文字（不在指标、目标或字段中的问题）', 'The text the problem is on (for a problem outside any indicator, goal or field)'),
      reason: text('忽略的原因（仅供阅读）', 'Why it is ignored (for readers only)'),
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '绩效目标表审核配置 Target-table review config',
    ...both(
      '审核配置 .target-table.json：对其所在文件夹及子文件夹中的文件生效（最近的配置文件生效，不合并），优先于编辑器设置。',
      'Review config .target-table.json: applies to the files in its folder and below (the nearest config wins, configs are not merged), over the editor’s settings.',
    ),
    type: 'object',
    allowTrailingCommas: true,
    allowComments: true,
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        ...both(
          '各规则的级别，如 {"TT101": "off"}；与设置 targetTable.rules.TTxxx 的取值相同',
          'Each rule’s severity, e.g. {"TT101": "off"}; the values of the settings targetTable.rules.TTxxx',
        ),
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((r) => [r.code, { ...severity, ...ruleTexts(r) }])),
      },
      framework: {
        type: 'string',
        enum: [...FRAMEWORK_VALUES],
        enumDescriptions: [
          '按各部分指标表所用的框架自动判断 Each section by the framework its tables follow',
          '2021 年版指标框架 The 2021 framework',
          '2015 年版指标框架（成本指标为产出指标下的二级指标） The 2015 framework (成本 a 二级 under 产出)',
        ],
        ...both('一级/二级指标框架的版本', 'The version of the 一级/二级 framework'),
      },
      minSatisfaction: { type: 'number', minimum: 0, maximum: 100, ...both('满意度指标的最低值（%）', 'The lowest satisfaction target (%)') },
      ignores: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        ...both(
          '不检查的文件：glob，相对于本配置文件所在文件夹，如 "草稿/"、"**/*.bak.txt"',
          'Files not checked: globs relative to this config file’s folder, e.g. "草稿/", "**/*.bak.txt"',
        ),
      },
      suppressions: { type: 'array', items: suppression, ...both('忽略的问题', 'Problems ignored') },
    },
  };
}

/** The schema file's text (2-space JSON, as the repository keeps its JSON). */
export function configSchemaText(): string {
  return JSON.stringify(configSchema(), null, 2) + '\n';
}
