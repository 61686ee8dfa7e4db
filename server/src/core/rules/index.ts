/**
 * The rule registry and the runner. Each rule lives in a file of its own (named after it);
 * this file lists them in code order and runs them over a section, keeping the result per
 * section body so unchanged sections are never re-checked.
 */
import { BodyCache } from '../body-cache';
import type { SectionBody, SectionRef } from '../model';
import { absRange } from '../model';
import { hasTree, retireTree, treeMemo, treeView } from '../parse/section';
import type { TreeMemo } from '../tree-memo';
import type { ProblemFilter } from '../settings';
import type { Problem, Rule, RuleContext, RuleSettings, Severity, SeveritySetting } from './types';
import { missingUnit } from './missing-unit';
import { rateAsFraction } from './rate-as-fraction';
import { doublePercent } from './double-percent';
import { bareWan } from './bare-wan';
import { fullWidthDigits } from './full-width-digits';
import { spaceInValue } from './space-in-value';
import { nonstandardComparator } from './nonstandard-comparator';
import { comparatorDirection } from './comparator-direction';
import { inconsistentDirection } from './inconsistent-direction';
import { comparatorInActual } from './comparator-in-actual';
import { over100Percent } from './over-100-percent';
import { satisfactionBelowMinimum } from './satisfaction-below-minimum';
import { comparatorBeforeRange } from './comparator-before-range';
import { goalWithoutTable } from './goal-without-table';
import { tableWithoutGoal } from './table-without-goal';
import { goalNumber } from './goal-number';
import { goalTextMismatch } from './goal-text-mismatch';
import { goalFigureMissing } from './goal-figure-missing';
import { unknownLevel1 } from './unknown-level1';
import { level2Mismatch } from './level2-mismatch';
import { level2Suffix } from './level2-suffix';
import { level1WithoutLevel2 } from './level1-without-level2';
import { emptyValue } from './empty-value';
import { duplicateIndicator } from './duplicate-indicator';
import { requiredLevel1Missing } from './required-level1-missing';
import { olderFramework } from './older-framework';
import { level2WithoutIndicator } from './level2-without-indicator';
import { unexpectedWidth } from './unexpected-width';
import { strayContent } from './stray-content';
import { templateInstructionLeft } from './template-instruction-left';
import { goalRepeatsDuties } from './goal-repeats-duties';
import { emptyColumn } from './empty-column';
import { cutShortLabel } from './cut-short-label';
import { scoreAboveWeight } from './score-above-weight';
import { totalMismatch } from './total-mismatch';
import { shortfallWithoutReason } from './shortfall-without-reason';
import { actualMissing } from './actual-missing';

export const RULES: readonly Rule[] = [
  // units
  missingUnit,
  rateAsFraction,
  doublePercent,
  bareWan,
  fullWidthDigits,
  spaceInValue,
  // comparators
  nonstandardComparator,
  comparatorDirection,
  inconsistentDirection,
  comparatorInActual,
  over100Percent,
  satisfactionBelowMinimum,
  comparatorBeforeRange,
  // goals
  goalWithoutTable,
  tableWithoutGoal,
  goalNumber,
  goalTextMismatch,
  goalFigureMissing,
  goalRepeatsDuties,
  // categories
  unknownLevel1,
  level2Mismatch,
  level2Suffix,
  level1WithoutLevel2,
  emptyValue,
  duplicateIndicator,
  requiredLevel1Missing,
  level2WithoutIndicator,
  olderFramework,
  // structure
  unexpectedWidth,
  strayContent,
  templateInstructionLeft,
  emptyColumn,
  cutShortLabel,
  // self-evaluation
  scoreAboveWeight,
  totalMismatch,
  shortfallWithoutReason,
  actualMissing,
];

/*
 * Loops over rows, values and problems here and in the rules are indexed, not for-of: until a loop
 * is optimised, for-of over an array calls the iterator's next() and allocates a result object per
 * element, and on a cold check most of the rules' loops run unoptimised for the first several
 * hundred sections (docs/performance.md, 'Rules and the cold check').
 */

/**
 * Problems of one section, relative positions; cached per body and settings. Problems are plain
 * data (ranges, messages, fix edits: no tree nodes), so the cache keeps no tree alive. A tree built
 * only for this check is retired: checking a whole document then builds one tree at a time and each
 * dies young, instead of being promoted to the old generation and collected there.
 */
export function checkSection(body: SectionBody, settings: RuleSettings): readonly Problem[] {
  const cached = checked.get(body);
  if (cached && cached.framework === settings.framework && cached.minSatisfaction === settings.minSatisfaction) return cached.problems;
  const built = !hasTree(body);
  const ctx = new RuleRun(treeView(body), treeMemo(body), settings);
  for (let i = 0; i < RULES.length; i++) RULES[i].check(ctx);
  const problems = ctx.problems;
  checked.set(body, { framework: settings.framework, minSatisfaction: settings.minSatisfaction, problems });
  if (built) retireTree(body);
  return problems;
}

/** The problems of each section body, for the rule settings they were found with (the last ones asked for). */
const checked = new BodyCache<RuleSettings & { problems: readonly Problem[] }>();

/**
 * The context of one section's check. `report` is a method, the same function for every section:
 * it was a new closure per section, and the optimised code of every rule, specialised for the
 * closure it had seen, was thrown away ("wrong call target") at the next section.
 */
class RuleRun implements RuleContext {
  readonly problems: Problem[] = [];
  constructor(
    readonly section: SectionBody,
    readonly memo: TreeMemo,
    readonly settings: RuleSettings,
  ) {}
  report(problem: Problem): void {
    this.problems.push(problem);
  }
}

export interface DocumentProblem extends Problem {
  severity: Severity;
  section: SectionRef;
}

/**
 * Problems of a whole document with absolute ranges and the configured severities ('off' rules dropped,
 * and those a review config's `suppressed` filter takes).
 */
export function checkDocument(
  sections: readonly SectionRef[],
  settings: RuleSettings,
  severities: Readonly<Record<string, SeveritySetting>> = {},
  suppressed?: ProblemFilter,
): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  // One section at a time: its tree (if it has to be built) is garbage before the next one's.
  for (let si = 0; si < sections.length; si++) {
    const ref = sections[si];
    const problems = checkSection(ref.body, settings);
    for (let pi = 0; pi < problems.length; pi++) {
      const p = problems[pi];
      const severity = problemSeverity(p.code, severities);
      if (severity === 'off' || (suppressed && suppressed.suppressed(ref.body, p))) continue;
      // The same keys as `{ ...p, severity, section, range, fix, related }` had, written as a literal:
      // one object of one shape per problem, instead of a copy of `p` whose three fields are replaced.
      out.push({
        code: p.code,
        range: absRange(ref, p.range),
        message: p.message,
        fix: p.fix && { title: p.fix.title, edits: p.fix.edits.map((e) => ({ range: absRange(ref, e.range), newText: e.newText })), safe: p.fix.safe },
        related: p.related?.map((r) => ({ range: absRange(ref, r.range), message: r.message })),
        severity,
        section: ref,
      });
    }
  }
  return out;
}

const DEFAULT_SEVERITY = new Map<string, Severity>(RULES.map((r) => [r.code, r.defaultSeverity]));

/**
 * Whether a problem of this severity is one the user is shown as a problem: listed in VS Code's Problems
 * panel (which lists errors, warnings and information, never hints), counted in the status bar, the
 * language status (`targetTable/stats`) and by the CLI, and fixed by fix-all (fix-on-save, `check --fix`).
 * A hint is only a faint mark in the editor, so nothing counts it and nothing fixes it unasked; its quick
 * fix is offered at the cursor like any other. No rule defaults to hint: a user who sets one chooses this.
 */
export function isListed(severity: Severity): boolean {
  return severity !== 'hint';
}

/** The severity a problem of `code` is reported with: the configured one, else the rule's default. */
export function problemSeverity(code: string, severities: Readonly<Record<string, SeveritySetting>> = {}): SeveritySetting {
  return severities[code] ?? DEFAULT_SEVERITY.get(code) ?? 'warning';
}
