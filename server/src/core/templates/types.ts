/**
 * What a table family is, as data (docs/format.md §7). A family file (./overall.ts, ./project.ts …)
 * says which titles start its sections, which labels its header zone, goals and indicator columns
 * use, and which rows close its tables. The parser (../parse/layouts/indicator-tables.ts) reads
 * these descriptions; it knows no template by name. Adding a template is a new family file or new
 * labels in one, plus its fixture and tests (ARCHITECTURE.md, "Add a table family").
 */

export type FamilyId = 'overall' | 'project' | 'overall-self-evaluation' | 'project-self-evaluation';

/** Kinds of goal a family may have: 长期, 中期, 实施期, 年度, 总体. */
export type GoalKindId = 'long' | 'mid' | 'period' | 'annual' | 'overall';

/** What a column of an indicator table holds. */
export type ColumnRole =
  | 'label'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'comparator'
  | 'target'
  | 'unit'
  | 'previous'
  | 'last'
  | 'actual'
  | 'basis'
  | 'weight'
  | 'score'
  | 'reason'
  | 'extra';

/**
 * How a label cell is recognised. Labels are compared compact (no whitespace: a wrapped
 * `实际⏎完成值` is `实际完成值`), without a leading `*` (required-field marker) and a trailing `:`.
 */
export interface LabelPattern {
  /** The label's full spellings. */
  exact: readonly string[];
  /** Spellings with a variable part (a year). */
  re?: readonly RegExp[];
  /** A cell that is a proper prefix of an exact spelling also matches (Word cut the label short: `绩`, `一级`). */
  cutShort?: boolean;
}

export interface ColumnSpec {
  role: ColumnRole;
  label: LabelPattern;
}

/** A title that starts a section of the family, matched on the title's compact text without its tails (year, bracket). */
export interface TitleRule {
  suffix: RegExp;
  /**
   * A title that is also an ordinary phrase (`部门整体绩效目标`): it starts a section only when it
   * stands alone, with blank lines (or the document's edge) before and after it.
   */
  ownRow?: boolean;
}

/** What a header-zone field holds (docs/format.md §7.2). */
export type FieldKey =
  | 'projectName'
  | 'departmentName'
  | 'department'
  | 'departmentCode'
  | 'implementer'
  | 'manager'
  | 'contact'
  | 'phone'
  | 'attribute'
  | 'period'
  | 'source'
  | 'funds'
  | 'duties'
  | 'overview'
  | 'filler';

export interface FieldSpec {
  key: FieldKey;
  label: LabelPattern;
}

/** A goal label of a family's goal zone (`年度绩效目标(文字)`, `长期目标`, `中期目标` …) and the kind it gives. */
export interface GoalLabel {
  label: LabelPattern;
  kind: GoalKindId;
}

export type FooterKind = 'total' | 'conclusion' | 'problems' | 'improvement' | 'note' | 'signature';

export interface FooterSpec {
  kind: FooterKind;
  /** Matched on the row's first non-empty cell, compact. */
  label: RegExp;
}

export interface TableFamily {
  id: FamilyId;
  name: { zh: string; en: string };
  titles: readonly TitleRule[];
  fields: readonly FieldSpec[];
  goals: readonly GoalLabel[];
  columns: readonly ColumnSpec[];
  footers: readonly FooterSpec[];
  /** 一级 categories a table of the family must have (docs/format.md §7.6). */
  requiredLevel1: readonly string[];
  selfEvaluation: boolean;
}
