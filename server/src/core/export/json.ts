/**
 * The export model: what `target-table export` prints, as plain data (1-based lines).
 * Field names are a public interface (issue #2): add fields, never rename.
 */
import type { Cell, DocumentModel, SectionRef, Value } from '../model';

export interface ExportValue {
  raw: string;
  comparator: string | null;
  number: number | null;
  unit: string | null;
  qualifier: string | null;
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
  kind: 'long' | 'annual';
  number: number | null;
  text: string;
  line: number;
}

export interface ExportDepartment {
  name: string;
  line: number;
  endLine: number;
  goals: ExportGoal[];
  tables: ExportTable[];
}

export interface ExportDocument {
  departments: ExportDepartment[];
}

export function exportValue(v: Value): ExportValue {
  return {
    raw: v.raw,
    comparator: v.comparator?.normalized ?? null,
    number: v.number?.value ?? null,
    unit: v.unit?.text ?? null,
    qualifier: v.qualifier?.text ?? null,
  };
}

const lineOf = (ref: SectionRef, cell: Cell) => ref.startLine + cell.range.start.line + 1;

/** One department's export, or null for a section without a title (text before the first department). */
export function exportDepartment(ref: SectionRef): ExportDepartment | null {
  const b = ref.body;
  if (!b.title) return null;
  const goals: ExportGoal[] = [];
  for (const kind of ['long', 'annual'] as const) {
    for (const row of b.overview?.rows ?? []) {
      const g = row[kind];
      if (g) goals.push({ kind, number: g.number, text: g.text, line: lineOf(ref, g.cell) });
    }
  }
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
      rows: t.rows.map((r) => ({
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
      })),
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

/** Whether the export has anything to show: a department with a goal table. */
export function hasExportableTable(model: DocumentModel): boolean {
  return model.sections.some((ref) => ref.body.title !== null && ref.body.tables.length > 0);
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
