/** The part of a section built on demand (./section.ts): its rows and everything parsed from them, filled by a layout (./layouts). */
import type { Cell, Field, FooterNode, Goal, GoalTable, Overview, Row, SectionLayout, StrayNode } from '../model';
import type { TreeMemo } from '../tree-memo';

export interface SectionTree {
  rows: Row[];
  layout: SectionLayout;
  year: Cell | null;
  unit: Cell | null;
  moneyUnit: string | null;
  overview: Overview | null;
  fields: Field[];
  goals: Goal[];
  tables: GoalTable[];
  footers: FooterNode[];
  stray: StrayNode[];
  /** What is worked out from this tree and holds its nodes (../tree-memo.ts): it goes with the tree. */
  memo: TreeMemo | null;
}
