/**
 * The table view's model (`targetTable/tableView`, protocol/index.ts): the section at a line laid
 * out as the Word table looked (core/layout/section.ts does the layout), so a client only has to
 * draw it. This adds the section list and the reply's slimming.
 */
import type { DocumentModel, SectionRef } from '../core/model';
import { isListedSection } from '../core/parse/section';
import { family as familyOf } from '../core/templates';
import { msg, sectionName, type Locale } from '../core/locale';
import type { DocumentProblem } from '../core/rules/index';
import { layoutSection } from '../core/layout/section';
import { labels as i18n } from '../i18n';
import { sectionAt } from './locate';
import type { TableView, ViewBlock, ViewSectionItem } from '../../../protocol';

/** Every section a reader can move to, in document order. */
export function sectionList(model: DocumentModel, locale: Locale): ViewSectionItem[] {
  const out: ViewSectionItem[] = [];
  for (const ref of model.sections) {
    const b = ref.body;
    if (!isListedSection(b)) continue;
    out.push({ line: ref.startLine, name: sectionName(b, locale), family: msg(familyOf(b.family).name, locale) });
  }
  return out;
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

/** A name for a section list: FNV-1a over its lines, names and families (equal lists, equal ids). */
function listId(sections: readonly ViewSectionItem[]): string {
  let h = 0x811c9dc5;
  const mix = (t: string) => {
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // a separator, so ['ab','c'] and ['a','bc'] differ
  };
  for (const s of sections) {
    mix(String(s.line));
    mix(s.name);
    mix(s.family);
  }
  return `${sections.length}:${(h >>> 0).toString(36)}`;
}

/**
 * What the reply leaves out to stay small (a section has hundreds of cells and the view is asked
 * after every keystroke): spans of 1, empty problem lists, a source that is the cell's text, the
 * section's own line break.
 */
function slim(blocks: readonly ViewBlock[], eol: string): void {
  for (const b of blocks)
    for (const r of b.rows)
      for (const c of r.cells) {
        if (c.colSpan === 1) delete c.colSpan;
        if (c.rowSpan === 1) delete c.rowSpan;
        if (c.problems && c.problems.length === 0) delete c.problems;
        if (c.edit) {
          if (c.edit.source === c.text) delete c.edit.source;
          if (c.edit.eol === eol) delete c.edit.eol;
        }
      }
}

/** The view of the section holding `line` (the nearest listed section when that one is not: a preamble, a heading). */
export function tableView(model: DocumentModel, input: TableViewInput): TableView {
  const sections = sectionList(model, input.locale);
  const sectionsId = listId(sections);
  const ref = listedSectionNear(model, input.line);
  const base: TableView = { ...emptyView(input.uri, input.version), sectionsId };
  base.sections = input.sectionsId === sectionsId ? undefined : sections;
  if (base.sections === undefined) delete base.sections;
  if (!ref) return base;
  const body = ref.body;
  const { blocks, problems, loose } = layoutSection(ref, input.locale, input.problemsOf(ref));
  const year = body.year?.text ?? null;
  const eol = body.eols.find((e) => e !== '') ?? '\n';
  slim(blocks, eol);
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
