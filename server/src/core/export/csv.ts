/**
 * CSV export: one line per indicator, UTF-8 with a BOM and CRLF line ends, so Excel and WPS
 * open the Chinese text correctly by double-click (without the BOM they guess GBK).
 */
import type { DocumentModel } from '../model';
import { exportDepartment, type ExportDepartment, type ExportDocument } from './json';

/** Columns added later go last, so that a sheet reading the old columns by position still reads them. */
export const CSV_HEADER = [
  '部门',
  '类型',
  '目标编号',
  '目标',
  '一级指标',
  '二级指标',
  '三级指标',
  '前年',
  '上年',
  '指标值',
  '指标值确定依据',
  '行号',
  '模板',
  '实际完成值',
  '分值',
  '得分',
];

const FAMILY_NAME: Record<ExportDepartment['family'], string> = {
  overall: '部门整体支出',
  project: '项目支出',
  'overall-self-evaluation': '部门整体支出自评',
  'project-self-evaluation': '项目支出自评',
};

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A department's indicator rows as CSV_HEADER's columns (the CSV lines; the report's indicator sheet). */
export function indicatorCells(d: ExportDepartment): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const t of d.tables) {
    for (const r of t.rows) {
      out.push([
        d.name,
        t.kind === 'long' ? '长期' : '年度',
        t.number ?? '',
        t.goal,
        r.level1,
        r.level2,
        r.level3,
        r.previous?.raw ?? '',
        r.last?.raw ?? '',
        r.target.raw,
        r.basis,
        r.line,
        FAMILY_NAME[d.family],
        r.actual?.raw ?? '',
        r.weight?.raw ?? '',
        r.score?.raw ?? '',
      ]);
    }
  }
  return out;
}

function departmentLines(d: ExportDepartment): string {
  let out = '';
  for (const cells of indicatorCells(d)) out += cells.map(csvField).join(',') + '\r\n';
  return out;
}

export function toCsv(doc: ExportDocument): string {
  let out = '\ufeff' + CSV_HEADER.map(csvField).join(',') + '\r\n';
  for (const d of doc.departments) out += departmentLines(d);
  return out;
}

/** The CSV export in pieces, one department at a time (joined: exactly `toCsv(exportDocument(model))`). */
export function* csvChunks(model: DocumentModel): Generator<string> {
  yield '\ufeff' + CSV_HEADER.map(csvField).join(',') + '\r\n';
  for (const ref of model.sections) {
    const d = exportDepartment(ref);
    if (d) yield departmentLines(d);
  }
}
