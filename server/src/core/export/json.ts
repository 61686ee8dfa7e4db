/**
 * The export model: what `target-table export` prints, as plain data (1-based lines).
 * Field names are a public interface (issue #2): add fields, never rename.
 */
import type { Cell, DocumentModel, IndicatorRow, SectionRef, Value } from '../model';
import type { FamilyId, GoalKindId } from '../templates/types';
import { isListedSection } from '../parse/section';

export interface ExportValue {
  raw: string;
  /** The one-number reading: comparator, number and unit (null for a range, a date, text). */
  comparator: string | null;
  number: number | null;
  unit: string | null;
  qualifier: string | null;
  /** What the value is: number, range, date, period, boolean, grade, text, placeholder, empty (docs/format.md §7.5). */
  shape: string;
  /** A range's bounds (`1-2次`, `80%-90%`, `≥1-2次` with its comparator), else null. */
  range: { from: number; to: number; unit: string | null; comparator: string | null } | null;
}

export interface ExportRow {
  line: number;
  level1: string;
  level2: string;
  level3: string;
  level1Inherited: boolean;
  level2Inherited: boolean;
  previous: ExportValue | null;
  last: ExportValue | null;
  target: ExportValue;
  basis: string;
  /** Whether the 一级 is the one the row's 二级 implies (no cell states it: docs/format.md §7.4). */
  level1Inferred: boolean;
  /** 实际完成值 (self-evaluation tables), else null. */
  actual: ExportValue | null;
  /** 分值 / 权重, 得分 and 偏差原因 (self-evaluation tables), else null. */
  weight: ExportValue | null;
  score: ExportValue | null;
  reason: string | null;
  /** Cells of columns the family does not know, by their header label. */
  extras: { label: string; raw: string }[];
}

export interface ExportTable {
  kind: 'long' | 'annual';
  number: number | null;
  goal: string;
  line: number;
  endLine: number;
  rows: ExportRow[];
}

export interface ExportGoal {
  /** long, annual (§3's overview); mid, period, overall as well in other templates. */
  kind: GoalKindId;
  number: number | null;
  text: string;
  line: number;
}

export interface ExportField {
  label: string;
  /** What the label means, when the family knows it (projectName, department, period, funds …). */
  key: string | null;
  value: string | null;
  /** In a grid (a budget block), the row's label (总额, 其中:财政资金). */
  group: string | null;
  /** A 主管部门's code written with its name (`[077]…` → `077`). */
  code: string | null;
  line: number;
}

/** A section: a department (§3) or a project; the name stays `departments` (a public interface). */
export interface ExportDepartment {
  name: string;
  line: number;
  endLine: number;
  goals: ExportGoal[];
  tables: ExportTable[];
  /** The table family: overall, project, overall-self-evaluation, project-self-evaluation. */
  family: FamilyId;
  /** A bracketed tail of the title that is not a year (`高标准农田建设`). */
  subtitle: string | null;
  /** The title zone's year line (`(2022年度)`), as written. */
  year: string | null;
  fields: ExportField[];
}

export interface ExportDocument {
  departments: ExportDepartment[];
}

export function exportValue(v: Value): ExportValue {
  // A range read as text keeps the one-number fields empty, as they always were: its bounds are in `range`.
  const single = v.upper === null || v.kind === 'numeric';
  return {
    raw: v.raw,
    comparator: single ? (v.comparator?.normalized ?? null) : null,
    number: single ? (v.number?.value ?? null) : null,
    unit: single ? (v.unit?.text ?? null) : null,
    qualifier: v.qualifier?.text ?? null,
    shape: v.shape,
    range:
      v.upper !== null && v.number !== null
        ? { from: v.number.value, to: v.upper.value, unit: v.unit?.text ?? null, comparator: v.comparator?.normalized ?? null }
        : null,
  };
}

const lineOf = (ref: SectionRef, cell: Cell) => ref.startLine + cell.range.start.line + 1;

function exportRow(ref: SectionRef, r: IndicatorRow): ExportRow {
  return {
    line: ref.startLine + r.range.start.line + 1,
    level1: r.level1.text,
    level2: r.level2.text,
    level3: r.level3.text,
    level1Inherited: r.level1.inherited,
    level2Inherited: r.level2.inherited,
    previous: r.previous && exportValue(r.previous),
    last: r.last && exportValue(r.last),
    target: exportValue(r.target),
    basis: r.basis?.text ?? '',
    level1Inferred: r.level1.origin === 'inferred',
    actual: r.actual && exportValue(r.actual),
    weight: r.weight && exportValue(r.weight),
    score: r.score && exportValue(r.score),
    reason: r.reason?.text ?? null,
    extras: r.extras.map((e) => ({ label: e.label, raw: e.cell.text })),
  };
}

/**
 * One section's export, or null for text before the first title that holds no table (a preamble),
 * and for a title with nothing under it (a heading repeated above the table's own title).
 */
export function exportDepartment(ref: SectionRef): ExportDepartment | null {
  const b = ref.body;
  if (!exported(ref)) return null;
  const goals: ExportGoal[] = [];
  for (const kind of ['long', 'annual'] as const) {
    for (const row of b.overview?.rows ?? []) {
      const g = row[kind];
      if (g) goals.push({ kind, number: g.number, text: g.text, line: lineOf(ref, g.cell) });
    }
  }
  for (const g of b.goals) goals.push({ kind: g.kind, number: g.number, text: g.text, line: ref.startLine + g.range.start.line + 1 });
  return {
    name: b.department ?? '',
    line: ref.startLine + 1,
    endLine: ref.startLine + b.lines.length,
    goals,
    tables: b.tables.map((t) => ({
      kind: t.kind,
      number: t.number,
      goal: t.goalText,
      line: ref.startLine + t.range.start.line + 1,
      endLine: ref.startLine + t.range.end.line + 1,
      rows: t.rows.map((r) => exportRow(ref, r)),
    })),
    family: b.family,
    subtitle: b.subtitle,
    year: b.year?.text ?? null,
    fields: b.fields.map((f) => ({
      label: f.label.text,
      key: f.key,
      value: f.value?.text ?? null,
      group: f.group?.text ?? null,
      code: f.code?.text ?? null,
      line: lineOf(ref, f.label),
    })),
  };
}

export function exportDocument(model: DocumentModel): ExportDocument {
  const departments: ExportDepartment[] = [];
  for (const ref of model.sections) {
    const d = exportDepartment(ref);
    if (d) departments.push(d);
  }
  return { departments };
}

/** Whether a section is exported: a titled section with content, or an untitled one read as a table. */
function exported(ref: SectionRef): boolean {
  return isListedSection(ref.body);
}

/** Whether the export has anything to show: a section with a goal or indicator table. */
export function hasExportableTable(model: DocumentModel): boolean {
  return model.sections.some((ref) => exported(ref) && ref.body.tables.length > 0);
}

/**
 * The JSON export in pieces, one department at a time: joined, exactly the bytes of
 * `JSON.stringify(exportDocument(model), null, 2) + '\n'` (a test compares them on the sample),
 * without ever holding the whole document's export or one string of it (a big file's export can
 * be past what one V8 string of the whole can be built from).
 */
export function* jsonChunks(model: DocumentModel): Generator<string> {
  let first = true;
  for (const ref of model.sections) {
    const d = exportDepartment(ref);
    if (!d) continue;
    // Nested two levels deep ({"departments": [ … ]}): every line of the department moves 4 spaces
    // right. JSON.stringify escapes line breaks inside strings, so each \n is formatting.
    yield (first ? '{\n  "departments": [\n    ' : ',\n    ') + JSON.stringify(d, null, 2).replace(/\n/g, '\n    ');
    first = false;
  }
  yield first ? '{\n  "departments": []\n}\n' : '\n  ]\n}\n';
}
