/**
 * What a rule is and what it reports. Rules see one department section at a time (every
 * check in the format is within a department), report positions relative to the section,
 * and their results are cached per section body by the runner (./index.ts): an edit re-checks
 * only the sections it re-parsed.
 */
import type { Range, SectionBody } from '../model';
import type { FrameworkSetting } from '../templates/frameworks';
import type { TreeMemo } from '../tree-memo';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A message in both languages the product speaks: Chinese first, English for English locales. */
export interface Message {
  zh: string;
  en: string;
}

export interface TextEdit {
  /** Relative to the section, like every position a rule reports. */
  range: Range;
  newText: string;
}

export interface Fix {
  /** Title of the quick fix, e.g. `将 ≧ 改为 ≥` / `Replace ≧ with ≥`. */
  title: Message;
  edits: TextEdit[];
  /**
   * Safe fixes are applied by fix-all (`source.fixAll.targetTable`, `target-table check --fix`).
   * A fix that guesses at meaning is offered as a quick fix only.
   */
  safe: boolean;
}

export interface Problem {
  code: string;
  range: Range;
  message: Message;
  fix?: Fix;
  /** Ranges of related places (e.g. the overview goal a table should match), relative. */
  related?: { range: Range; message: Message }[];
}

export interface RuleSettings {
  /**
   * Category framework: `auto` (default: each section by the framework its tables follow, templates/frameworks.ts
   * `detectFramework`), '2021' (the current national framework) or '2015' (成本 as a 二级 under 产出).
   */
  framework: FrameworkSetting;
  /** Minimum satisfaction target in percent (default 90). */
  minSatisfaction: number;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { framework: 'auto', minSatisfaction: 90 };

export interface RuleContext {
  section: SectionBody;
  /** What is worked out once per section tree and shared by the rules (goal matches, row and value lists). */
  memo: TreeMemo;
  settings: RuleSettings;
  report(problem: Problem): void;
}

export interface Rule {
  /** Stable code, e.g. `TT201`. Never reused or renumbered. */
  code: string;
  /** Short kebab-case name, e.g. `nonstandard-comparator`. */
  name: string;
  /** A few words naming it, for the Settings UI and the rule's page (docs/rules/TTxxx.md): `缺少计量单位` / `Missing unit`. */
  title: Message;
  defaultSeverity: Severity;
  /** What the rule means, for docs and the settings UI. */
  description: Message;
  fixable: boolean;
  check(ctx: RuleContext): void;
}
