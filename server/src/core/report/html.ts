/**
 * The review report as one self-contained HTML page: inline style, no script, nothing fetched, so it
 * can be mailed, archived and printed as it is. A summary of the submissions ranked by errors and
 * warnings, the counts by rule, then for each file and section every problem under its table row as
 * the Word table looked (the table view's layout, ../layout/section.ts, with the merged cells that
 * reach into the row).
 *
 * Written in pieces (`htmlReportChunks`): the summary from `FileSummary`s, then one file at a time.
 */
import type { SectionRef } from '../model';
import { family as familyOf } from '../templates';
import { msg, sectionName, type Locale } from '../locale';
import type { DocumentProblem } from '../rules/index';
import { ruleDocUri } from '../rule-docs';
import { layoutSection } from '../layout/section';
import type { DrawnBlock as ViewBlock, DrawnCell as ViewCell } from '../layout/section';
import { problemsBySection, ranking, REPORT_WORDS, ruleCounts, totals, type FileSummary, type ReportFile, type ReportWords } from './index';

/** Text for HTML, in an element or in a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A cell's text: escaped, its paragraphs on lines of their own. */
const cellHtml = (s: string) => escapeHtml(s).replace(/\r\n|\r|\n/g, '<br>');

const fill = (template: string, ...values: (string | number)[]) => template.replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)]));

export interface HtmlReportOptions {
  /** When the report was made (shown in its header; tests pass a fixed time). */
  generated?: Date;
}

const STYLE = `
:root { --err: #c62828; --warn: #b26a00; --info: #1565c0; --line: #c8c8c8; --head: #f1f3f5; --muted: #666; }
* { box-sizing: border-box; }
body { font: 14px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif; color: #222; margin: 0 auto; padding: 24px; max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #333; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
h4 { font-size: 14px; margin: 14px 0 4px; color: var(--muted); font-weight: normal; }
.meta { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; }
table.list { width: 100%; margin: 6px 0 12px; }
table.list th, table.list td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
table.list th { background: var(--head); }
table.list td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.list tfoot td { font-weight: bold; background: var(--head); }
.zero { color: #aaa; }
.e { color: var(--err); font-weight: bold; }
.w { color: var(--warn); font-weight: bold; }
.i { color: var(--info); }
.file { margin-top: 32px; }
.ok { color: #2e7d32; }
figure { margin: 8px 0 14px; padding: 0; }
figure .grid { overflow-x: auto; }
table.row { font-size: 13px; margin: 2px 0 6px; }
table.row td { border: 1px solid #999; padding: 2px 6px; vertical-align: middle; min-width: 3em; }
table.row td.header { background: var(--head); text-align: center; font-weight: bold; }
table.row td.above { color: var(--muted); }
table.row td.inferred { color: var(--muted); font-style: italic; }
table.row td.hit-error { background: #fdecea; outline: 2px solid var(--err); outline-offset: -2px; }
table.row td.hit-warning { background: #fff4e5; outline: 2px solid var(--warn); outline-offset: -2px; }
table.row td.hit-information { background: #e8f1fb; outline: 2px solid var(--info); outline-offset: -2px; }
table.row sup { color: var(--err); font-weight: bold; }
pre.source { background: var(--head); padding: 4px 8px; margin: 2px 0 6px; white-space: pre-wrap; font-size: 13px; }
ol.problems { margin: 0; padding-left: 2em; }
ol.problems li { margin: 2px 0; }
.badge { display: inline-block; border-radius: 3px; padding: 0 5px; font-size: 12px; color: #fff; margin-right: 4px; }
.badge.error { background: var(--err); }
.badge.warning { background: var(--warn); }
.badge.information { background: var(--info); }
.where { color: var(--muted); font-size: 12px; }
code { font-family: Consolas, "Courier New", monospace; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .file { break-before: page; }
  figure, tr { break-inside: avoid; }
  table.row td.hit-error, table.row td.hit-warning, table.row td.hit-information { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const num = (n: number, cls = '') => `<td class="n${n === 0 ? ' zero' : cls ? ' ' + cls : ''}">${n}</td>`;

/**
 * The page in pieces: the head, the ranking and the counts by rule (from `summaries`), then one piece
 * per section of each file, `load(i)` called once per file in the summaries' order.
 */
export function* htmlReportChunks(
  summaries: readonly FileSummary[],
  load: (index: number) => ReportFile,
  locale: Locale,
  options: HtmlReportOptions = {},
): Generator<string> {
  const W = REPORT_WORDS[locale];
  const t = totals(summaries);
  const generated = options.generated ?? new Date();
  let head = `<!DOCTYPE html>\n<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">\n<head>\n<meta charset="utf-8">\n`;
  head += `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(W.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`;
  head += `<h1>${escapeHtml(W.title)}</h1>\n<p class="meta">${escapeHtml(W.generated)}: ${escapeHtml(stamp(generated))} · ${escapeHtml(W.files)}: ${summaries.length} · `;
  head += `${escapeHtml(W.errors)}: ${t.error} · ${escapeHtml(W.warnings)}: ${t.warning} · ${escapeHtml(W.info)}: ${t.information} · ${escapeHtml(W.suppressed)}: ${t.suppressed}</p>\n`;
  yield head + summaryTable(summaries, W) + ruleTable(summaries, W, locale) + `<h2>${escapeHtml(W.details)}</h2>\n`;
  if (summaries.length === 0) yield `<p>${escapeHtml(W.noFiles)}</p>\n`;
  for (let i = 0; i < summaries.length; i++) yield* fileChunks(i, summaries[i], load(i), W, locale);
  yield '</body>\n</html>\n';
}

/** `2026-12-02 04:05 UTC`: the same on every machine, whatever its time zone. */
function stamp(d: Date): string {
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function summaryTable(summaries: readonly FileSummary[], W: ReportWords): string {
  const hasEncoding = summaries.some((s) => s.encoding);
  let out = `<h2>${escapeHtml(W.submissions)}</h2>\n<table class="list summary"><thead><tr><th>${escapeHtml(W.rank)}</th><th>${escapeHtml(W.file)}</th>`;
  if (hasEncoding) out += `<th>${escapeHtml(W.encoding)}</th>`;
  out += `<th>${escapeHtml(W.sections)}</th><th>${escapeHtml(W.errors)}</th><th>${escapeHtml(W.warnings)}</th><th>${escapeHtml(W.info)}</th><th>${escapeHtml(W.suppressed)}</th></tr></thead>\n<tbody>\n`;
  ranking(summaries).forEach((i, rank) => {
    const s = summaries[i];
    out += `<tr><td class="n">${rank + 1}</td><td><a href="#f${i}">${escapeHtml(s.name)}</a></td>`;
    if (hasEncoding) out += `<td>${escapeHtml(s.encoding ?? 'UTF-8')}</td>`;
    out += `${num(s.sections)}${num(s.error, 'e')}${num(s.warning, 'w')}${num(s.information, 'i')}${num(s.suppressed)}</tr>\n`;
  });
  const t = totals(summaries);
  out += `</tbody>\n<tfoot><tr><td></td><td>${escapeHtml(W.total)}</td>${hasEncoding ? '<td></td>' : ''}${num(t.sections)}${num(t.error)}${num(t.warning)}${num(t.information)}${num(t.suppressed)}</tr></tfoot></table>\n`;
  return out;
}

function ruleTable(summaries: readonly FileSummary[], W: ReportWords, locale: Locale): string {
  const counts = ruleCounts(summaries, locale);
  let out = `<h2>${escapeHtml(W.byRule)}</h2>\n`;
  if (counts.length === 0) return out + `<p class="ok">${escapeHtml(W.noProblems)}</p>\n`;
  out += `<table class="list rules"><thead><tr><th>${escapeHtml(W.code)}</th><th>${escapeHtml(W.rule)}</th><th>${escapeHtml(W.count)}</th><th>${escapeHtml(W.inFiles)}</th><th>${escapeHtml(W.page)}</th></tr></thead>\n<tbody>\n`;
  for (const c of counts) {
    const uri = ruleDocUri(c.code);
    const page = `docs/rules/${c.code}.md`;
    out += `<tr><td><code>${escapeHtml(c.code)}</code></td><td>${escapeHtml(c.title)}</td>${num(c.count)}${num(c.files)}`;
    out += `<td>${uri ? `<a href="${escapeHtml(uri)}">${escapeHtml(page)}</a>` : escapeHtml(page)}</td></tr>\n`;
  }
  return out + '</tbody></table>\n';
}

function* fileChunks(index: number, s: FileSummary, file: ReportFile, W: ReportWords, locale: Locale): Generator<string> {
  let head = `<section class="file" id="f${index}">\n<h2>${escapeHtml(file.name)}</h2>\n<p class="meta">`;
  if (s.encoding) head += `${escapeHtml(W.encoding)}: ${escapeHtml(s.encoding)} · `;
  head += `${escapeHtml(W.sections)}: ${s.sections} · ${escapeHtml(W.errors)}: ${s.error} · ${escapeHtml(W.warnings)}: ${s.warning} · ${escapeHtml(W.info)}: ${s.information} · ${escapeHtml(W.suppressed)}: ${s.suppressed}</p>\n`;
  const sections = problemsBySection(file);
  if (sections.length === 0) head += `<p class="ok">${escapeHtml(W.noProblems)}</p>\n`;
  yield head;
  for (const { ref, problems } of sections) yield sectionHtml(ref, problems, W, locale);
  yield '</section>\n';
}

interface Figure {
  /** The block and row the problems' first lines are in (null: on no drawn row). */
  block: ViewBlock | null;
  row: number;
  line: number;
  problems: number[];
}

function sectionHtml(ref: SectionRef, problems: readonly DocumentProblem[], W: ReportWords, locale: Locale): string {
  const b = ref.body;
  const layout = layoutSection(ref, locale, problems);
  const figures = new Map<string, Figure>();
  problems.forEach((p, i) => {
    const line = p.range.start.line;
    const block = layout.blocks.find((k) => k.firstLine <= line && line <= k.lastLine) ?? null;
    let row = -1;
    if (block) block.rows.forEach((r, k) => r.line <= line && (row = k));
    const key = block && row >= 0 ? `${layout.blocks.indexOf(block)}:${row}` : `line:${line}`;
    const f = figures.get(key);
    if (f) f.problems.push(i);
    else figures.set(key, { block: row >= 0 ? block : null, row, line, problems: [i] });
  });
  const family = msg(familyOf(b.family).name, locale);
  let out = `<h3>${escapeHtml(sectionName(b, locale))} <span class="where">${escapeHtml(family)} · ${escapeHtml(fill(W.lineShort, ref.startLine + 1))}</span></h3>\n`;
  for (const f of figures.values()) {
    out += '<figure>\n';
    if (f.block) {
      if (f.block.name) out += `<h4>${escapeHtml(f.block.name)}</h4>\n`;
      out += `<div class="grid">${rowTable(f.block, f.row, f.problems, problems)}</div>\n`;
    } else {
      const text = b.lines[f.line - ref.startLine] ?? '';
      out += `<pre class="source">${escapeHtml(text.replace(/\t/g, '  '))}</pre>\n`;
    }
    out += '<ol class="problems">\n';
    for (const i of f.problems) {
      const p = problems[i];
      out += `<li value="${i + 1}"><span class="badge ${p.severity}">${escapeHtml(W.severityName[p.severity])}</span><code>${escapeHtml(p.code)}</code> ${cellHtml(msg(p.message, locale))} `;
      out += `<span class="where">${escapeHtml(fill(W.lineColumn, p.range.start.line + 1, p.range.start.character + 1))}</span></li>\n`;
    }
    out += '</ol>\n</figure>\n';
  }
  return out;
}

/** A cell of a row as drawn, with whether it comes down from a row above (a merged 一级/二级, the label column). */
interface GridCell {
  cell: ViewCell;
  above: boolean;
}

/** Each row's cells including those reaching into it from above, so any row can be drawn on its own. */
export function rowsWithMerges(block: ViewBlock): GridCell[][] {
  const reach: ({ cell: ViewCell; left: number } | null)[] = new Array(block.columns).fill(null);
  return block.rows.map((row) => {
    const out: GridCell[] = [];
    const placed: { col: number; cell: ViewCell }[] = [];
    const used = new Set<{ cell: ViewCell; left: number }>();
    let col = 0;
    let k = 0;
    while (col < block.columns) {
      const r = reach[col];
      if (r && r.left > 0) {
        if (!used.has(r)) out.push({ cell: r.cell, above: true });
        used.add(r);
        col++;
        continue;
      }
      if (k >= row.cells.length) break;
      const c = row.cells[k++];
      out.push({ cell: c, above: false });
      placed.push({ col, cell: c });
      col += Math.max(1, c.colSpan ?? 1);
    }
    for (const r of used) r.left--;
    for (const { col: at, cell } of placed) {
      const entry = { cell, left: (cell.rowSpan ?? 1) - 1 };
      for (let j = 0; j < Math.max(1, cell.colSpan ?? 1) && at + j < block.columns; j++) reach[at + j] = entry;
    }
    return out;
  });
}

/** The block's header rows (for a table) and the row `row`, as a table of their own, the problems' cells marked. */
function rowTable(block: ViewBlock, row: number, shown: readonly number[], problems: readonly DocumentProblem[]): string {
  const grid = rowsWithMerges(block);
  const drawn: number[] = [];
  if (block.kind === 'table') block.rows.forEach((r, k) => r.kind === 'header' && k < row && drawn.push(k));
  drawn.push(row);
  let out = '<table class="row">';
  drawn.forEach((k, d) => {
    out += '<tr>';
    for (const g of grid[k]) {
      // A cell drawn in the row above is already drawn; its height counts the drawn rows it spans.
      if (d > 0 && grid[drawn[d - 1]].some((x) => x.cell === g.cell)) continue;
      let rowSpan = 1;
      while (d + rowSpan < drawn.length && grid[drawn[d + rowSpan]].some((x) => x.cell === g.cell)) rowSpan++;
      out += cellTd(g, rowSpan, shown, problems);
    }
    out += '</tr>';
  });
  return out + '</table>';
}

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'] as const;

function cellTd(g: GridCell, rowSpan: number, shown: readonly number[], problems: readonly DocumentProblem[]): string {
  const c = g.cell;
  const mine = (c.problems ?? []).filter((i) => shown.includes(i));
  const cls: string[] = [];
  if (c.role === 'header') cls.push('header');
  if (g.above) cls.push('above');
  if (c.origin === 'inferred') cls.push('inferred');
  if (mine.length) cls.push(`hit-${SEVERITY_ORDER.find((s) => mine.some((i) => problems[i].severity === s))}`);
  let td = '<td';
  if ((c.colSpan ?? 1) > 1) td += ` colspan="${c.colSpan}"`;
  if (rowSpan > 1) td += ` rowspan="${rowSpan}"`;
  if (cls.length) td += ` class="${cls.join(' ')}"`;
  td += `>${cellHtml(c.text)}`;
  if (mine.length) td += `<sup>${mine.map((i) => i + 1).join(',')}</sup>`;
  return td + '</td>';
}
