/**
 * Reading the JSON export of the template fixtures (issue 11) the way `../shared/tools/score-templates.mjs`
 * scores it: labels and values compared after removing whitespace, and a weight or required-field marker
 * at the end of a label (`产出指标(50)`, `绩效指标(90分)`, `时效指标(必填)`) ignored.
 *
 * Fields the export gains in issue 11 (`family`, `actual`, `extras`, …) are read through loose casts, so the
 * tests compile against the code of any stage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExportDepartment, ExportDocument, ExportRow, ExportValue } from '../../server/src/core/export/json';
import { FIXTURES } from './fixtures';

export const TEMPLATES = path.join(FIXTURES, 'templates');
export const VARIANTS = path.join(FIXTURES, 'variants');

export function readTemplate(file: string): string {
  return fs.readFileSync(path.join(TEMPLATES, file), 'utf8');
}

export function readVariant(file: string): string {
  return fs.readFileSync(path.join(VARIANTS, file), 'utf8');
}

/** Whitespace removed (ASCII, U+3000, NBSP, BOM), as the scorer does. */
export function compact(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u3000\u00a0\ufeff]+/g, '');
}

const MARKER = /[(（]?\s*(\d+(\.\d+)?\s*分?|必填[^)）]*)\s*[)）]$/;

/** A label compacted, with trailing weight / required markers removed (repeatedly, as the scorer does). */
export function label(s: string | null | undefined): string {
  let t = compact(s);
  let p: string;
  do {
    p = t;
    t = t.replace(MARKER, '');
  } while (p !== t);
  return t;
}

/** One expected indicator row: 1-based line of its first cell, 一级, 二级, 三级, target as written. */
export type RowSpec = readonly [line: number, level1: string, level2: string, level3: string, target: string];

/** An exported row with the kind of the table it is in. */
export interface FoundRow {
  kind: string;
  row: ExportRow;
  department: ExportDepartment;
}

export function exportedRows(doc: ExportDocument): FoundRow[] {
  return doc.departments.flatMap((department) => department.tables.flatMap((t) => t.rows.map((row) => ({ kind: t.kind, row, department }))));
}

/** A row as the comparison sees it: `[line, 一级, 二级, 三级, target]`, normalised. */
export function rowKey(r: ExportRow): RowSpec {
  return [r.line, label(r.level1), label(r.level2), label(r.level3), compact(r.target.raw)];
}

export function specKey(s: RowSpec): RowSpec {
  return [s[0], label(s[1]), label(s[2]), label(s[3]), compact(s[4])];
}

/** All exported rows, normalised, in line order (stable, so two blocks of one line keep export order). */
export function rowKeys(doc: ExportDocument, kind?: string): RowSpec[] {
  return exportedRows(doc)
    .filter((f) => kind === undefined || f.kind === kind)
    .map((f) => rowKey(f.row))
    .sort((a, b) => a[0] - b[0]);
}

// Loose readers for fields added by issue 11.
export const familyOf = (d: ExportDepartment): string | undefined => (d as unknown as { family?: string }).family;
export const actualOf = (r: ExportRow): ExportValue | null | undefined => (r as unknown as { actual?: ExportValue | null }).actual;
export const hasActualKey = (r: ExportRow): boolean => Object.prototype.hasOwnProperty.call(r, 'actual');
export const extrasOf = (r: ExportRow): { label: string; raw: string }[] | undefined => (r as unknown as { extras?: { label: string; raw: string }[] }).extras;
