/**
 * Parser: one section's lines → its part of the model (docs/format.md §3, §7).
 *
 * A section is a department or a project: its title, then rows. The title names the section's
 * table family (../templates); the rows are read by one of two layouts (./layouts): §3's goal
 * tables (the district template we started from), or the header-driven layout of every other
 * template, whose indicator tables are mapped by their header row. The first row that marks one
 * of them decides. Whatever does not fit where it stands becomes a `StrayNode`, so the rules can
 * point at it: nothing is dropped.
 */
import type { Cell, Field, FooterNode, Goal, GoalTable, Overview, Row, SectionBody, SectionLayout, StrayNode, Title } from '../model';
import { family as familyById, type FamilyId } from '../templates';
import { newTreeMemo, type TreeMemo } from '../tree-memo';
import { isIndicatorHeader, parseIndicatorTables } from './layouts/indicator-tables';
import { isOverviewHeader, marksGoalTables, parseGoalTables } from './layouts/goal-tables';
import { parsePreamble } from './layouts/preamble';
import { isEmptyRow } from './layouts/rows';
import type { SectionTree } from './section-tree';
import { isHeadingLines, isTitleLine, lineText, readTitleText } from './titles';
import { cellTabIndex, tokenize } from './tokenizer';

export { ANNUAL_COLUMNS, LONG_COLUMNS, toNumber } from './layouts/goal-tables';

/**
 * A section body. Only the cheap parts are built when the document is parsed: the lines, the
 * title and the department (what the incremental parser and the section list need). The tree
 * (rows, overview, goal tables, stray content) is built from the lines when first asked for and
 * kept in a small pool of recently used trees (below); an evicted tree is rebuilt, equal, on the
 * next access, since a body is a pure function of its lines.
 *
 * Why: the tree is many times the size of its text. Built for every department at once and kept,
 * it was promoted to the old generation and much of opening a large file was garbage collection.
 * Built one department at a time and dropped, a tree dies young (a cheap scavenge) and the memory
 * an open file keeps is its lines plus per-section results (problems, diagnostics, outline), kept
 * by their producers (../body-cache.ts). Figures: docs/performance.md, 'Parse and section trees'.
 */
class Section implements SectionBody {
  /** The tree, while it is in the pool. Private: neither enumerated nor compared. */
  #tree: SectionTree | null = null;
  readonly #titleLines: number;
  readonly #heading: boolean;

  constructor(
    readonly lines: readonly string[],
    readonly eols: readonly string[],
    readonly chars: number,
    readonly title: Title | null,
    readonly department: string | null,
    readonly family: FamilyId,
    readonly subtitle: string | null,
    titleLines: number,
    heading: boolean,
  ) {
    this.#titleLines = titleLines;
    this.#heading = heading;
  }

  /** Known without the tree for a heading (lists of sections ask every body), else the tree's. */
  get layout(): SectionLayout {
    return this.#heading ? 'heading' : Section.tree(this).layout;
  }
  get year(): Cell | null {
    return Section.tree(this).year;
  }
  get fields(): Field[] {
    return Section.tree(this).fields;
  }
  get goals(): Goal[] {
    return Section.tree(this).goals;
  }
  get footers(): FooterNode[] {
    return Section.tree(this).footers;
  }

  get rows(): Row[] {
    return Section.tree(this).rows;
  }
  get unit(): Cell | null {
    return Section.tree(this).unit;
  }
  get moneyUnit(): string | null {
    return Section.tree(this).moneyUnit;
  }
  get overview(): Overview | null {
    return Section.tree(this).overview;
  }
  get tables(): GoalTable[] {
    return Section.tree(this).tables;
  }
  get stray(): StrayNode[] {
    return Section.tree(this).stray;
  }

  /** The section's tree: from the pool (made most recently used), else built and pooled. */
  static tree(s: Section): SectionTree {
    // The common case: rules and features ask for one section's fields many times in a row.
    if (s === mru) return s.#tree!;
    let tree = s.#tree;
    if (tree === null) {
      tree = buildTree(s.lines, s.#titleLines, s.title !== null, s.family, s.#heading);
      s.#tree = tree;
    } else {
      pool.delete(s);
    }
    pool.add(s);
    mru = s;
    trimPool();
    return tree;
  }

  static evict(s: Section): void {
    s.#tree = null;
    if (mru === s) mru = null;
  }

  static hasTree(s: Section): boolean {
    return s.#tree !== null;
  }

  static heading(s: Section): boolean {
    return s.#heading;
  }
}

/**
 * The pool of built trees, least recently used first. Its size holds every tree of a file the size
 * of the sample, so features on such a file never rebuild one, and in a larger file the
 * departments an editor works on (docs/performance.md, 'Parse and section trees').
 */
export const DEFAULT_TREE_POOL_SIZE = 48;
let poolSize = DEFAULT_TREE_POOL_SIZE;
const pool = new Set<Section>();
/** The most recently used section: its tree is built and it is in the pool. */
let mru: Section | null = null;

function trimPool(): void {
  while (pool.size > poolSize) {
    const s = pool.values().next().value!;
    pool.delete(s);
    Section.evict(s);
  }
}

/** Sets how many section trees are kept (at least 1); returns the previous size. For tests and benchmarks. */
export function setTreePoolSize(size: number): number {
  const previous = poolSize;
  poolSize = Math.max(1, Math.floor(size));
  trimPool();
  return previous;
}

/** Drops every pooled tree (tests and benchmarks: a cold start). */
export function clearTreePool(): void {
  for (const s of pool) Section.evict(s);
  pool.clear();
}

/**
 * Whether a section is a department or project the lists show (outline, stats, symbols, export): a
 * titled section that is no heading, known without its tree; or text before the first title that
 * holds an indicator table (its title was not exported), which needs that one tree.
 */
export function isListedSection(body: SectionBody): boolean {
  if (body.title !== null) return body instanceof Section ? !Section.heading(body) : body.layout !== 'heading';
  return body.layout === 'indicator-tables';
}

/** Whether a section's tree is built now (tests; `checkSection`). */
export function hasTree(body: SectionBody): boolean {
  return body instanceof Section && Section.hasTree(body);
}

/**
 * Drops a tree that was built for a one-time use: checking a section whose tree was not built.
 * A check of a whole document (on open) then builds one tree at a time, and each is garbage
 * before the next is built: it dies young, in a scavenge, and pushes no tree an editor uses out
 * of the pool. Keeping such trees while the pool had room was worse: with the first 47 trees of
 * the check alive, V8 saw cells and rows survive and went on promoting (pretenuring) the trees that
 * followed, which then died in the old generation, and scavenges and the check were slower
 * (docs/performance.md, 'Parse and section trees').
 */
export function retireTree(body: SectionBody): void {
  if (!(body instanceof Section) || !pool.delete(body)) return;
  Section.evict(body);
}

/**
 * Builds a section's tree now (into the pool, as the most recently used) for a caller that will
 * use it beyond one check: `checkSection` retires only a tree it had to build itself. The table
 * view checks the section it draws; asked right after an edit, before the publish has checked it,
 * it built the tree for the check, dropped it, and built it again for the layout.
 */
export function keepTree(body: SectionBody): void {
  if (body instanceof Section) Section.tree(body);
}

/**
 * The body with its tree's fields as plain data properties, for
 * a run of rules over one section. Rules read a section's fields thousands of times; through the
 * getters, each read went through `Section.tree`, and the optimising compiler inlined that, with the
 * pool and the tree builder behind it, into every rule: compiling the rules was most of its work on
 * a cold check, and finished late, while the rules ran unoptimised. The view is one object per
 * check, of one shape. The tree stays in the pool as the most recently used while the rules run
 * (they touch no other section).
 */
export function treeView(body: SectionBody): SectionBody {
  if (!(body instanceof Section)) return body;
  const tree = Section.tree(body);
  return {
    lines: body.lines,
    eols: body.eols,
    chars: body.chars,
    title: body.title,
    department: body.department,
    family: body.family,
    subtitle: body.subtitle,
    layout: tree.layout,
    year: tree.year,
    fields: tree.fields,
    goals: tree.goals,
    footers: tree.footers,
    unit: tree.unit,
    moneyUnit: tree.moneyUnit,
    overview: tree.overview,
    tables: tree.tables,
    stray: tree.stray,
    rows: tree.rows,
  };
}

/**
 * The memo of a section's tree (../tree-memo.ts), made with the tree: it holds tree nodes, so it is
 * dropped when the tree is. A body that is not a parsed section (a test's literal) gets a fresh one.
 */
export function treeMemo(body: SectionBody): TreeMemo {
  if (!(body instanceof Section)) return newTreeMemo();
  const tree = Section.tree(body);
  return (tree.memo ??= newTreeMemo());
}

export function parseSection(lines: readonly string[], eols: readonly string[], hasTitle: boolean): SectionBody {
  let titleLines = 0;
  let title: Title | null = null;
  let family: FamilyId;
  let department: string | null;
  let subtitle: string | null = null;
  if (hasTitle) {
    titleLines = isTitleLine(lines[0]) || lines.length === 1 || lineText(lines[1]) === '' ? 1 : 2;
    const info = readTitleText(titleText(lines, titleLines));
    title = readTitle(lines, titleLines, info.name);
    family = info.family.id;
    subtitle = info.subtitle;
    department = info.name !== '' ? info.name : (nameFromCells(lines, titleLines) ?? '');
  } else {
    // Text before the first title may be a table whose title was not exported: its rows say which family.
    family = familyOfUntitled(lines);
    department = nameFromCells(lines, 0);
  }
  let chars = 0;
  for (let i = 0; i < lines.length; i++) chars += lines[i].length + eols[i].length;
  return new Section(lines, eols, chars, title, department, family, subtitle, titleLines, hasTitle && isHeadingLines(lines, titleLines));
}

/**
 * The family of a table with no title, from the labels it uses: 项目名称 → a project table, 完成值 or
 * 得分 → a self-evaluation. A plain scan of the lines (a cheap part of the body: no tree).
 */
function familyOfUntitled(lines: readonly string[]): FamilyId {
  let project = false;
  let self = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!project && l.includes('项目名称')) project = true;
    if (!self && (l.includes('完成值') || l.includes('得分') || l.includes('自评'))) self = true;
    if (project && self) break;
  }
  if (self) return project ? 'project-self-evaluation' : 'overall-self-evaluation';
  return project ? 'project' : 'overall';
}

/** The labels whose neighbour names a section with a bare title (`项目支出绩效目标表`). */
const NAME_LABEL = /^[*＊]?(项目名称|部门名称|单位名称|部门\(单位\)名称)[:：]?\s*(.*)$/;
/** How far into a section its name cell is looked for: the header zone's first rows. */
const NAME_SEARCH_LINES = 60;

/**
 * The name of a section whose title has none: the cell after its 项目名称 / 部门名称 label, or the
 * text after `项目名称：` in the label's own cell. Read from the lines (a cheap part: no tree).
 */
export function nameFromCells(lines: readonly string[], from: number): string | null {
  const end = Math.min(lines.length, from + NAME_SEARCH_LINES);
  for (let i = from; i < end; i++) {
    const m = NAME_LABEL.exec(lineText(lines[i]).replace(/（/g, '(').replace(/）/g, ')'));
    if (!m) continue;
    if (m[2].trim() !== '') return m[2].trim();
    for (let j = i + 1; j < end && cellTabIndex(lines[j]) >= 0; j++) {
      const t = lineText(lines[j]);
      if (t !== '') return t;
    }
    return null;
  }
  return null;
}

function buildTree(lines: readonly string[], titleLines: number, hasTitle: boolean, family: FamilyId, heading: boolean): SectionTree {
  const tree: SectionTree = {
    rows: tokenize(lines, titleLines, lines.length),
    layout: 'heading',
    year: null,
    unit: null,
    moneyUnit: null,
    overview: null,
    fields: [],
    goals: [],
    tables: [],
    footers: [],
    stray: [],
    memo: null,
  };
  tree.layout = heading ? 'heading' : chooseLayout(tree.rows, hasTitle, family);
  if (tree.layout === 'preamble') parsePreamble(tree);
  else if (tree.layout === 'goal-tables') parseGoalTables(tree, hasTitle);
  else parseIndicatorTables(tree, familyById(family));
  return tree;
}

/**
 * Which layout reads a section: the first row that marks §3's layout (a goal table: numbered, or
 * under the overview) or is an indicator header decides; a titled section with neither is read header-driven
 * (its fields and goals). A text before any title is a preamble, or, when it holds an indicator
 * table, a section whose title is missing.
 */
function chooseLayout(rows: readonly Row[], hasTitle: boolean, family: FamilyId): SectionLayout {
  const f = familyById(family);
  if (!hasTitle) {
    // Text before the first title is a preamble, unless it holds an indicator table (its title was not exported).
    for (let i = 0; i < rows.length; i++) if (rows[i].cells.length >= 3 && isIndicatorHeader(rows[i], f)) return 'indicator-tables';
    return 'preamble';
  }
  let overview = false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (isEmptyRow(row)) continue;
    if (marksGoalTables(row, overview)) return 'goal-tables';
    if (isIndicatorHeader(row, f)) return 'indicator-tables';
    if (!overview && isOverviewHeader(row)) overview = true;
  }
  return 'indicator-tables';
}

/** A title's text: its line, or a split title's two lines joined. */
function titleText(lines: readonly string[], count: number): string {
  return count === 1 ? lineText(lines[0]) : lineText(lines[0]) + lineText(lines[1]);
}

function readTitle(lines: readonly string[], count: number, name: string): Title {
  const first = lines[0];
  const lead = first.length - first.trimStart().length;
  const lastLine = lines[count - 1];
  const lastEnd = lastLine.trimEnd().length;
  const text = titleText(lines, count);
  const firstText = lineText(first);
  const nameLen = Math.min(name.length, firstText.length);
  return {
    text,
    range: { start: { line: 0, character: lead }, end: { line: count - 1, character: lastEnd } },
    nameRange: { start: { line: 0, character: lead }, end: { line: 0, character: lead + nameLen } },
  };
}
