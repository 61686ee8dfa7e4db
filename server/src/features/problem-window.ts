/**
 * Which problems an editor is sent when a file has more than `targetTable.maxProblems`.
 *
 * Why a limit at all: VS Code keeps at most 1,000 diagnostics per file and per source (its
 * `ExtHostDiagnostics._maxDiagnosticsPerFile`); beyond that it keeps the errors first, then the
 * warnings, in file order, and adds "Not showing N further errors and warnings". On a file with
 * thousands of problems (a district's submissions pasted into one file) the department being
 * edited then shows no squiggles at all, while every keystroke still serialises, sends and
 * decodes every diagnostic of the file, which alone costs more than a keystroke may
 * (docs/performance.md, 'Diagnostics and the problem window').
 *
 * So the server makes the choice VS Code would make blindly, but around the user: whole
 * departments, starting with the one of the last edit or cursor position (the "focus") and
 * growing alternately below and above it while the budget (`windowBudget`) lasts, plus one information
 * diagnostic at the top of the file that says how many problems there are in all and how to see
 * them (the CLI, or the setting; 0 = no limit). Files under the limit (every real submission we
 * have seen) are sent whole and nothing changes for them.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Locale } from '../core/locale';

/**
 * How many problems the window around the focus may hold: half the limit, less the summary's
 * place (499 by default). Not the whole limit, because a file over it is sent this window again
 * on every keystroke, and the cost of a keystroke is the size of what is sent, nearly all of it
 * serialising, piping and decoding (docs/performance.md, 'Diagnostics and the problem window').
 * Half keeps a keystroke in a file of any size no dearer than one in a file just under the limit,
 * and still covers many departments around the cursor; the window follows it.
 * A limit of 0 (none) still bounds a progressive first send by the default.
 */
export function windowBudget(maxProblems: number, defaultMax: number): number {
  const limit = maxProblems > 0 ? maxProblems : defaultMax;
  return Math.max(0, Math.floor(limit / 2) - 1);
}

export interface SectionSpan {
  /** First and last section index (inclusive) whose problems are sent. */
  from: number;
  to: number;
  /** Problems in those sections. */
  count: number;
}

/**
 * The contiguous run of sections around `focus` whose problem counts fit in `budget`, grown one
 * section at a time alternately below and above. A section that does not fit stops growth on its
 * side (a department is sent whole or not at all, so no department looks cleaner than it is).
 * When the focus section alone exceeds the budget it is returned alone; the caller cuts it.
 */
export function selectWindow(counts: readonly number[] | ((i: number) => number), focus: number, budget: number, length?: number): SectionSpan {
  const countAt = typeof counts === 'function' ? counts : (i: number) => counts[i];
  const n = typeof counts === 'function' ? length! : counts.length;
  if (n === 0) return { from: 0, to: -1, count: 0 };
  const f = Math.max(0, Math.min(n - 1, focus));
  let from = f;
  let to = f;
  let count = countAt(f);
  let down = count <= budget;
  let up = down;
  while (down || up) {
    if (down) {
      const c = to + 1 < n ? countAt(to + 1) : Infinity;
      if (count + c <= budget) {
        count += c;
        to++;
      } else down = false;
    }
    if (up) {
      const c = from > 0 ? countAt(from - 1) : Infinity;
      if (count + c <= budget) {
        count += c;
        from--;
      } else up = false;
    }
  }
  return { from, to, count };
}

/**
 * When one department alone has more problems than the budget: the `budget` problems nearest
 * the focus line, in their original order.
 */
export function nearestProblems(diagnostics: readonly Diagnostic[], focusLine: number, budget: number): Diagnostic[] {
  if (diagnostics.length <= budget) return diagnostics.slice();
  const order = diagnostics.map((d, i) => ({ i, d: Math.abs(d.range.start.line - focusLine) }));
  order.sort((a, b) => a.d - b.d || a.i - b.i);
  const keep = new Set(order.slice(0, Math.max(0, budget)).map((o) => o.i));
  return diagnostics.filter((_, i) => keep.has(i));
}

export interface WindowSummary {
  /** Problems found so far (all of them unless `pending`). */
  total: number;
  /** Departments not checked yet (a big file is checked around the cursor first, the rest in the background). */
  pending?: number;
  shown: number;
  /** Names of the first and last department shown (null for the text before the first title). */
  firstDepartment: string | null;
  lastDepartment: string | null;
  departments: number;
  /** Absolute lines covered by the departments shown. */
  fromLine: number;
  toLine: number;
}

/** 6920 → `6,920` (both languages group digits so); not toLocaleString, whose first call loads ICU data, a noticeable pause. */
const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function summaryMessage(s: WindowSummary, max: number, locale: Locale): string {
  const span = (a: string | null, b: string | null, none: string) => {
    const x = a ?? none;
    const y = b ?? none;
    return x === y ? `「${x}」` : `「${x}」…「${y}」`;
  };
  const pending = s.pending ?? 0;
  if (locale === 'en') {
    const where = `the ${s.departments} department${s.departments === 1 ? '' : 's'} around the cursor (${span(s.firstDepartment, s.lastDepartment, 'text before the first title')}, lines ${s.fromLine + 1}–${s.toLine + 1})`;
    if (pending > 0) {
      return `Checking this large file: ${fmt(s.shown)} problems in ${where} are shown; ${pending} more department${pending === 1 ? ' is' : 's are'} being checked and will be listed shortly.`;
    }
    return (
      `This file has ${fmt(s.total)} problems, more than targetTable.maxProblems (${fmt(max)}). ` +
      `To keep typing responsive only the ${fmt(s.shown)} in ${where} are shown; ` +
      `they follow the cursor. Run \`target-table check\` to list all of them, or set targetTable.maxProblems to 0 for no limit.`
    );
  }
  const where = `光标附近 ${s.departments} 个部门（${span(s.firstDepartment, s.lastDepartment, '标题前的内容')}，第 ${s.fromLine + 1}–${s.toLine + 1} 行）`;
  if (pending > 0) {
    return `正在检查这个大文件：先显示${where}的 ${fmt(s.shown)} 个问题，其余 ${pending} 个部门正在检查，稍后列出。`;
  }
  return (
    `本文件共有 ${fmt(s.total)} 个问题，超过 targetTable.maxProblems（${fmt(max)}）。` +
    `为保持编辑流畅，只显示${where}的 ${fmt(s.shown)} 个问题，` +
    `显示范围随光标移动。要列出全部问题，请运行 target-table check，或将 targetTable.maxProblems 设为 0（不限）。`
  );
}

/** The information diagnostic at the top of the file that explains the limit. */
export function summaryDiagnostic(s: WindowSummary, max: number, locale: Locale, source: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source,
    message: summaryMessage(s, max, locale),
  };
}

/**
 * Where the user is working in one document: the line of the last edit or of the last code-action
 * request (VS Code asks for code actions at the cursor whenever it moves, for the light bulb),
 * and the lines the last sent window covered, to know when the cursor has left it.
 */
export class Focus {
  #line = 0;
  #shown: { fromLine: number; toLine: number } | null | undefined = undefined;

  get line(): number {
    return this.#line;
  }

  /** Records an edit's line. The publish that follows every edit re-centres the window. */
  edited(line: number): void {
    this.#line = Math.max(0, line);
  }

  /**
   * Records a cursor position; true when it lies outside the window last sent (then the caller
   * re-sends diagnostics so the problems under the cursor appear).
   */
  moved(line: number): boolean {
    this.#line = Math.max(0, line);
    const w = this.#shown;
    return w !== undefined && w !== null && (line < w.fromLine || line > w.toLine);
  }

  /** The lines of the window just sent (null: the whole file was sent). */
  sent(window: { fromLine: number; toLine: number } | null): void {
    this.#shown = window;
  }
}
