/**
 * What is worked out once per section tree and holds nodes of it: it must not outlive the tree
 * (trees are built on demand and dropped when unused, parse/section.ts), so it lives in the tree and
 * goes with it. Rules reach it through their context (`RuleContext.memo`), features through
 * `treeMemo(body)`. One typed field per memo: a new one is a field here and the function that fills it.
 */
import type { GoalMatch } from './goals';
import type { IndicatorRow } from './model';
import type { ValueRef } from './rules/util/text';
import type { FrameworkId } from './templates/frameworks';

export interface TreeMemo {
  /** Overview goals ↔ goal tables of the 长期 column (./goals.ts). */
  longGoals: GoalMatch | undefined;
  /** The same for the 年度 column. */
  annualGoals: GoalMatch | undefined;
  /** Every indicator row of every goal table, in table order (rules/util/text.ts). */
  indicatorRows: readonly IndicatorRow[] | undefined;
  /** Every parsed value of every indicator row (rules/util/text.ts). */
  values: readonly ValueRef[] | undefined;
  /** The framework the section's tables follow (templates/frameworks.ts `detectFramework`). */
  framework: FrameworkId | undefined;
}

export function newTreeMemo(): TreeMemo {
  return { longGoals: undefined, annualGoals: undefined, indicatorRows: undefined, values: undefined, framework: undefined };
}
