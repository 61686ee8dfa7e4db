/**
 * The table view's model (`targetTable/tableView`, protocol/index.ts): the section at a line laid
 * out as the Word table looked (core/layout/section.ts does the layout), so a client only has to
 * draw it. This adds the section list and the reply's slimming.
 */
import type { DocumentModel, SectionBody, SectionRef } from '../core/model';
import { BodyCache } from '../core/body-cache';
import { isListedSection, keepTree } from '../core/parse/section';
import { family as familyOf } from '../core/templates';
import { msg, sectionName, type Locale } from '../core/locale';
import type { DocumentProblem } from '../core/rules/index';
import { layoutSection, type DrawnBlock, type DrawnCell } from '../core/layout/section';
import { labels as i18n } from '../i18n';
import { sectionAt } from './locate';
import type { TableView, ViewBlock, ViewCell, ViewSectionItem, ViewSpan } from '../../../protocol';

/** A listed section's name and family as the list shows them, and their hash, made once per body. */
interface ListEntry {
  name: string;
  family: string;
  hash: number;
}

const listEntries: Record<Locale, BodyCache<ListEntry | null>> = { zh: new BodyCache(), en: new BodyCache() };

function listEntry(body: SectionBody, locale: Locale): ListEntry | null {
  return listEntries[locale].getOrCreate(body, (b) => {
    if (!isListedSection(b)) return null;
    const name = sectionName(b, locale);
    const family = msg(familyOf(b.family).name, locale);
    return { name, family, hash: fnv(fnv(FNV_START, name), family) };
  });
}

/** Every section a reader can move to, in document order, and a name for the list (equal lists, equal ids). */
export function sectionList(model: DocumentModel, locale: Locale): { sections: ViewSectionItem[]; id: string } {
  const sections: ViewSectionItem[] = [];
  let h = FNV_START;
  for (const ref of model.sections) {
    const e = listEntry(ref.body, locale);
    if (!e) continue;
    sections.push({ line: ref.startLine, name: e.name, family: e.family });
    h = Math.imul(Math.imul(h ^ ref.startLine, FNV_PRIME) ^ e.hash, FNV_PRIME);
  }
  return { sections, id: `${sections.length}:${(h >>> 0).toString(36)}` };
}

const FNV_START = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a text, then a separator, so ['ab','c'] and ['a','bc'] differ. */
function fnv(h: number, t: string): number {
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x1f, FNV_PRIME);
}

export interface TableViewInput {
  uri: string;
  version: number;
  line: number;
  locale: Locale;
  /** The client's section list (`TableView.sectionsId`): when it is unchanged the reply leaves the list out. */
  sectionsId?: string;
  /** The section's problems (absolute ranges, configured severities), e.g. `sectionProblems`. */
  problemsOf(ref: SectionRef): readonly DocumentProblem[];
}

/** The reply for a file over the size limit: no model to draw, only the reason. */
export function limitedTableView(uri: string, version: number, locale: Locale): TableView {
  return { ...emptyView(uri, version), limited: i18n(locale).viewLimited };
}

function emptyView(uri: string, version: number): TableView {
  return {
    uri,
    version,
    sections: [],
    sectionsId: '',
    eol: '\n',
    current: -1,
    title: null,
    subtitle: null,
    family: '',
    firstLine: 0,
    lastLine: 0,
    blocks: [],
    problems: [],
    loose: [],
  };
}

/**
 * The reply's cells, built afresh with only what differs from the defaults (a section has hundreds
 * of cells and the view is asked for after every keystroke): spans of 1, empty problem lists, a
 * source that is the cell's text, the section's own line break, lines and click position that the
 * edit span already gives. New objects rather than deleting keys: an object that lost keys is slow
 * for V8 to read and to stringify.
 */
function wireBlocks(blocks: readonly DrawnBlock[], eol: string): ViewBlock[] {
  return blocks.map((b) => ({ ...b, rows: b.rows.map((r) => ({ kind: r.kind, line: r.line, cells: r.cells.map((c) => wireCell(c, eol)) })) }));
}

function wireCell(c: DrawnCell, eol: string): ViewCell {
  const out: ViewCell = { text: c.text, role: c.role, edit: null };
  if (c.colSpan !== 1) out.colSpan = c.colSpan;
  if (c.rowSpan !== 1) out.rowSpan = c.rowSpan;
  const e = c.edit;
  const span: ViewSpan | null = e ? [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character] : null;
  if (!span || c.firstLine !== span[0]) out.firstLine = c.firstLine;
  if (!span || c.lastLine !== span[2]) out.lastLine = c.lastLine;
  if (!span || c.at.line !== span[0] || c.at.character !== span[1]) out.at = c.at;
  if (c.origin) out.origin = c.origin;
  if (c.parts) out.parts = c.parts;
  if (c.problems.length) out.problems = c.problems;
  if (e && span) {
    const edit: NonNullable<ViewCell['edit']> = { span };
    if (e.source !== c.text) edit.source = e.source;
    if (e.eol !== eol) edit.eol = e.eol;
    out.edit = edit;
  }
  return out;
}

/** The view of the section holding `line` (the nearest listed section when that one is not: a preamble, a heading). */
export function tableView(model: DocumentModel, input: TableViewInput): TableView {
  const { sections, id: sectionsId } = sectionList(model, input.locale);
  const ref = listedSectionNear(model, input.line);
  const base: TableView = { ...emptyView(input.uri, input.version), sectionsId };
  base.sections = input.sectionsId === sectionsId ? undefined : sections;
  if (base.sections === undefined) delete base.sections;
  if (!ref) return base;
  const body = ref.body;
  // The layout needs the tree; built first, it also serves the check of the section's problems.
  keepTree(ref.body);
  const laidOut = layoutSection(ref, input.locale, input.problemsOf(ref));
  const { problems, loose } = laidOut;
  const year = body.year?.text ?? null;
  const eol = body.eols.find((e) => e !== '') ?? '\n';
  const blocks = wireBlocks(laidOut.blocks, eol);
  return {
    ...base,
    eol,
    current: sections.findIndex((s) => s.line === ref.startLine),
    title: body.title?.text ?? body.department ?? null,
    subtitle: [body.subtitle, year].filter((s) => s).join(' ') || null,
    family: msg(familyOf(body.family).name, input.locale),
    firstLine: ref.startLine,
    lastLine: ref.startLine + body.lines.length - 1,
    blocks,
    problems,
    loose,
  };
}

function listedSectionNear(model: DocumentModel, line: number): SectionRef | undefined {
  const at = sectionAt(model, Math.max(0, line));
  const s = model.sections;
  if (at && isListedSection(at.body)) return at;
  const i = at ? s.indexOf(at) : s.length;
  for (let j = i + 1; j < s.length; j++) if (isListedSection(s[j].body)) return s[j];
  for (let j = Math.min(i, s.length) - 1; j >= 0; j--) if (isListedSection(s[j].body)) return s[j];
  return undefined;
}
