/**
 * What a table is called, in both languages: the names the table view, the outline, hovers and the
 * review report share (server/src/i18n.ts takes its entries from here, so each is written once).
 */
import type { GoalTable } from '../model';
import type { Locale } from '../locale';
import { compact } from '../text';

export interface TableNames {
  overview: string;
  longGoal(n: number | null): string;
  annualGoal(n: number | null): string;
  indicatorTable(kind: 'long' | 'annual'): string;
}

export const TABLE_NAMES: Record<Locale, TableNames> = {
  zh: {
    overview: '整体绩效总目标',
    longGoal: (n) => `长期目标${n ?? ''}`,
    annualGoal: (n) => `年度目标${n ?? ''}`,
    indicatorTable: (kind) => (kind === 'long' ? '长期绩效指标' : '年度绩效指标'),
  },
  en: {
    overview: 'Overall targets',
    longGoal: (n) => `Long-term goal ${n ?? ''}`.trimEnd(),
    annualGoal: (n) => `Annual goal ${n ?? ''}`.trimEnd(),
    indicatorTable: (kind) => (kind === 'long' ? 'Long-term indicators' : 'Annual indicators'),
  },
};

/** A goal or goal table as `L` names it: 长期目标2 / Long-term goal 2. */
export function goalLabel(kind: 'long' | 'annual', number: number | null, L: TableNames): string {
  return kind === 'long' ? L.longGoal(number) : L.annualGoal(number);
}

/**
 * A table as the UI names it: §3's goal table by its goal (长期目标2), a header-driven table by its
 * label column as the document writes it (年度绩效指标), else by its kind.
 */
export function tableName(t: GoalTable, L: TableNames): string {
  if (t.goalCell !== null || t.indicatorHeader !== t.headerRow) return goalLabel(t.kind, t.number, L);
  const label = t.columns.label >= 0 ? compact(t.headerRow.cells[t.columns.label].text) : '';
  // A plain 绩效指标 (`绩效指标(90分)`, a cut-short `绩`) says no more than the kind does.
  return label !== '' && !/^(绩效指标|绩)([(（].*[)）])?$/.test(label) ? label : L.indicatorTable(t.kind);
}
