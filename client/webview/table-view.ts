/**
 * The table view's renderer, in the webview: draws the server's layout (`TableView`, protocol/)
 * with plain DOM and tells the panel what the reader did. It computes no layout of its own: spans,
 * merged cells and which problem is in which cell all come from the server.
 */
import { cellPlace, spanRange, type TableView, type ViewBlock, type ViewCell, type ViewProblem } from '../../protocol';
import type { FromView, ToView } from '../src/table-view/messages';

interface VsCodeApi {
  postMessage(m: FromView): void;
  setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

const STRINGS = {
  zh: {
    sections: '章节',
    noSection: '本文件中没有绩效目标表。',
    problems: (n: number) => (n === 0 ? '没有问题' : `${n} 个问题`),
    fix: '修复',
    readOnly: '受限模式：只读',
    editHint: '双击单元格编辑；Enter 应用，Shift+Enter 换段，Esc 取消',
    insertRow: '在此行后插入指标行',
    loose: '不在单元格中的问题',
    empty: '（空）',
  },
  en: {
    sections: 'Sections',
    noSection: 'No target table in this file.',
    problems: (n: number) => (n === 0 ? 'No problems' : `${n} problem${n === 1 ? '' : 's'}`),
    fix: 'Fix',
    readOnly: 'Restricted mode: read-only',
    editHint: 'Double-click a cell to edit; Enter applies, Shift+Enter adds a paragraph, Esc cancels',
    insertRow: 'Insert an indicator row after this one',
    loose: 'Problems outside any cell',
    empty: '(empty)',
  },
};

let view: TableView | null = null;
let readOnly = false;
let T = STRINGS.zh;
let cursorLine = -1;
/** The drawn cells with their elements, to follow the cursor. */
let drawn: { cell: ViewCell; el: HTMLElement }[] = [];
let editing: HTMLTextAreaElement | null = null;
let pendingReveal: ReturnType<typeof setTimeout> | undefined;
/** How long a click waits to see whether it is the first of a double-click (which edits instead). */
const DOUBLE_CLICK_MS = 250;

const root = document.getElementById('root')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'];

function worst(ps: readonly ViewProblem[]): string {
  let best = 4;
  for (const p of ps) best = Math.min(best, SEVERITY_ORDER.indexOf(p.severity));
  return SEVERITY_ORDER[best] ?? 'hint';
}

function render(): void {
  drawn = [];
  editing = null;
  root.replaceChildren();
  if (!view) return;
  if (view.limited) {
    root.append(el('p', 'notice', view.limited));
    return;
  }
  root.append(toolbar(view));
  if (view.current < 0) {
    root.append(el('p', 'notice', T.noSection));
    return;
  }
  const head = el('header', 'section-head');
  head.append(el('h1', 'title', view.title ?? ''));
  if (view.subtitle) head.append(el('div', 'subtitle', view.subtitle));
  root.append(head);
  for (const b of view.blocks) root.append(block(b, view));
  if (view.loose.length) {
    const box = el('section', 'loose');
    box.append(el('h2', undefined, T.loose));
    const list = el('ul');
    for (const i of view.loose) list.append(problemItem(view.problems[i], view));
    box.append(list);
    root.append(box);
  }
  follow(cursorLine, false);
}

function toolbar(v: TableView): HTMLElement {
  const bar = el('nav', 'toolbar');
  const label = el('label', undefined, T.sections + ' ');
  const select = el('select');
  select.id = 'sections';
  const sections = v.sections ?? [];
  sections.forEach((s, i) => {
    const o = el('option', undefined, `${s.name}`);
    o.value = String(i);
    o.title = s.family;
    if (i === v.current) o.selected = true;
    select.append(o);
  });
  select.addEventListener('change', () => {
    const s = sections[Number(select.value)];
    if (s) vscode.postMessage({ type: 'reveal', at: { line: s.line, character: 0 } });
  });
  label.append(select);
  bar.append(label);
  bar.append(el('span', 'family', v.family));
  const count = el('span', 'count', T.problems(v.problems.length));
  if (v.problems.length) count.classList.add(`sev-${worst(v.problems)}`);
  bar.append(count);
  bar.append(el('span', 'hint', readOnly ? T.readOnly : T.editHint));
  return bar;
}

function block(b: ViewBlock, v: TableView): HTMLElement {
  const table = el('table', `block block-${b.kind}`);
  if (b.name) table.append(el('caption', undefined, b.name));
  const body = el('tbody');
  for (const row of b.rows) {
    const tr = el('tr', `row-${row.kind}`);
    tr.dataset.line = String(row.line);
    for (const c of row.cells) tr.append(cell(c, row.kind === 'header' || c.role === 'header' ? 'th' : 'td', v, row.kind === 'data' ? row.line : -1));
    body.append(tr);
  }
  table.append(body);
  return table;
}

function cell(c: ViewCell, tag: 'td' | 'th', v: TableView, rowLine: number): HTMLElement {
  const e = el(tag, `cell role-${c.role}`);
  if (c.colSpan && c.colSpan > 1) e.colSpan = c.colSpan;
  if (c.rowSpan && c.rowSpan > 1) e.rowSpan = c.rowSpan;
  if (c.origin) e.classList.add(`origin-${c.origin}`);
  const { at } = cellPlace(c);
  e.dataset.line = String(at.line);
  content(e, c);
  const problems = (c.problems ?? []).map((i) => v.problems[i]);
  if (problems.length) {
    e.classList.add('has-problem', `sev-${worst(problems)}`);
    e.title = problems.map((p) => `${p.code} ${p.message}`).join('\n');
    const list = el('div', 'problems');
    for (const p of problems) list.append(problemItem(p, v));
    e.append(list);
  }
  if (rowLine >= 0 && c.role === 'level3' && !readOnly) {
    const add = el('button', 'insert-row', '+');
    add.title = T.insertRow;
    add.addEventListener('click', (ev) => {
      ev.stopPropagation();
      vscode.postMessage({ type: 'insertRow', version: v.version, line: rowLine });
    });
    e.append(add);
  }
  if (at.line >= 0) {
    // A click moves the editor's cursor (and focus) there, unless it was the first of a double-click.
    e.addEventListener('click', (ev) => {
      if ((ev.target as HTMLElement).closest('button, textarea') || ev.detail > 1) return;
      clearTimeout(pendingReveal);
      pendingReveal = setTimeout(() => vscode.postMessage({ type: 'reveal', at }), DOUBLE_CLICK_MS);
    });
  }
  if (c.edit && !readOnly)
    e.addEventListener('dblclick', () => {
      clearTimeout(pendingReveal);
      startEdit(e, c, v);
    });
  drawn.push({ cell: c, el: e });
  return e;
}

function content(e: HTMLElement, c: ViewCell): void {
  const text = el('span', 'text');
  if (c.parts) for (const p of c.parts) text.append(el('span', `part-${p.kind}`, p.text));
  else text.textContent = c.text;
  e.append(text);
}

function problemItem(p: ViewProblem, v: TableView): HTMLElement {
  const item = el('div', `problem sev-${p.severity}`);
  item.append(el('span', 'code', p.code), el('span', 'message', p.message));
  if (p.fix && !readOnly) {
    const b = el('button', 'fix', `${T.fix}: ${p.fix.title}`);
    b.addEventListener('click', (ev) => {
      ev.stopPropagation();
      vscode.postMessage({ type: 'fix', version: v.version, edits: p.fix!.edits });
    });
    item.append(b);
  }
  return item;
}

function startEdit(e: HTMLElement, c: ViewCell, v: TableView): void {
  if (!c.edit || editing) return;
  const source = c.edit.source ?? c.text;
  const eol = c.edit.eol ?? v.eol;
  const range = spanRange(c.edit.span);
  const area = el('textarea', 'editor');
  area.value = source;
  area.rows = Math.max(1, source.split('\n').length);
  editing = area;
  e.classList.add('editing');
  e.append(area);
  area.focus();
  area.select();
  const done = () => {
    editing = null;
    area.remove();
    e.classList.remove('editing');
  };
  area.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      done();
    } else if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      const text = area.value;
      done();
      if (text !== source) vscode.postMessage({ type: 'edit', version: v.version, range, text, eol });
    }
  });
  area.addEventListener('blur', () => {
    if (editing === area) done();
  });
}

/** Highlights the cell holding the cursor's line and scrolls it into view. */
function follow(line: number, scroll = true): void {
  cursorLine = line;
  let best: { el: HTMLElement; lines: number } | null = null;
  for (const d of drawn) {
    d.el.classList.remove('current');
    const { firstLine, lastLine } = cellPlace(d.cell);
    if (firstLine <= line && line <= lastLine && (!best || lastLine - firstLine < best.lines)) best = { el: d.el, lines: lastLine - firstLine };
  }
  if (!best) return;
  best.el.classList.add('current');
  if (scroll) best.el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

window.addEventListener('message', (ev: MessageEvent<ToView>) => {
  const m = ev.data;
  if (m.type === 'view') {
    if (editing) return; // never redraw under the reader's typing; the next update brings it
    view = m.view;
    readOnly = m.readOnly;
    T = STRINGS[m.locale];
    document.documentElement.lang = m.locale === 'en' ? 'en' : 'zh-CN';
    vscode.setState({ uri: m.view.uri });
    render();
  } else if (m.type === 'cursor') follow(m.line);
  else if (m.type === 'message') {
    const n = el('p', 'notice', m.text);
    root.prepend(n);
    setTimeout(() => n.remove(), 4000);
  }
});

vscode.postMessage({ type: 'ready' });
