/**
 * Problems → LSP diagnostics. Every diagnostic carries a stable `code`, `source: "target-table"`,
 * a link to the rule's page shipped with the package (docs/rules/TTxxx.md), the message in the document's language
 * (`targetTable.language`, else the client's) followed by the name of the department or project it is
 * in (`core/locale.ts` `inSection`: VS Code's Problems filter matches a diagnostic's message, source and
 * code, so filtering by a department finds all of its problems), and the rule's related places.
 * The name is added once per section body and language, where a section's diagnostics are made (below).
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { BodyCache } from '../core/body-cache';
import { sectionIndexAt, type DocumentModel, type Range, type SectionRef } from '../core/model';
import { checkDocument, checkSection, problemSeverity, type DocumentProblem } from '../core/rules/index';
import type { Severity } from '../core/rules/types';
import { inSection, msg, type Locale } from '../core/locale';
import { nearestProblems, selectWindow, summaryDiagnostic, windowBudget } from './problem-window';
import { DEFAULT_MAX_PROBLEMS, settingsKey, type Settings } from '../core/settings';
import { ruleDocUri } from '../core/rule-docs';

export const SOURCE = 'target-table';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * All problems of a document, absolute ranges, configured severities, 'off' rules dropped.
 * Each section's list is kept per body for the start line it was placed at, so after a
 * keystroke only the edited section (and sections that moved) are placed again: code actions,
 * which VS Code asks for at every cursor move, need this list.
 */
export function documentProblems(model: DocumentModel, settings: Settings): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  for (const ref of model.sections) {
    // (A cached problem's `section` may be an earlier ref object: same body, same start line.)
    const ps = sectionProblems(ref, settings);
    for (let i = 0; i < ps.length; i++) out.push(ps[i]);
  }
  return out;
}

/** One section's share of `documentProblems` (the table view asks for the section it shows). */
export function sectionProblems(ref: SectionRef, settings: Settings): readonly DocumentProblem[] {
  const key = settingsKey(settings);
  let c = placedProblems.get(ref.body);
  if (!c || c.key !== key || c.startLine !== ref.startLine) {
    c = { key, startLine: ref.startLine, problems: checkDocument([ref], settings.rules, settings.severity, settings.suppressed) };
    placedProblems.set(ref.body, c);
  }
  return c.problems;
}

/** Each section's problems with absolute ranges, for the settings (`settingsKey`) and start line they were placed with. */
const placedProblems = new BodyCache<{ key: string; startLine: number; problems: DocumentProblem[] }>();

/**
 * The link of a rule's diagnostics: the file: URI of its page beside the server (core/rule-docs.ts),
 * which VS Code opens in an editor, offline. None only where the pages are not installed.
 */
function codeDescription(code: string): Diagnostic['codeDescription'] {
  const href = ruleDocUri(code);
  return href === undefined ? undefined : { href };
}

export function toDiagnostic(p: DocumentProblem, uri: string, locale: Locale): Diagnostic {
  const d: Diagnostic = {
    range: p.range,
    severity: SEVERITY[p.severity],
    code: p.code,
    codeDescription: codeDescription(p.code),
    source: SOURCE,
    message: inSection(msg(p.message, locale), p.section.body, locale),
  };
  if (p.related && p.related.length > 0) {
    d.relatedInformation = p.related.map((r): DiagnosticRelatedInformation => ({ location: { uri, range: r.range }, message: msg(r.message, locale) }));
  }
  return d;
}

// ---- per-section LSP diagnostics (what a keystroke costs) ----

/**
 * A section's diagnostics, kept per (immutable) section body: how many there are, and, once
 * the section is sent, its diagnostics relative to the section and absolute for the start line
 * they were last placed at. An edit re-parses one section, so a publish rebuilds only that
 * section's; sections that merely moved (lines inserted above them) are shifted, not re-checked
 * nor re-translated, and only when they are sent. Sections never sent (outside the window of a
 * file over `maxProblems`) are only counted, so opening a big file converts only the problems it
 * sends. The same list as `documentProblems` converted by `toDiagnostic`, in the same order.
 */
interface SectionDiagnostics {
  key: string;
  /** Problems of the section with a severity other than 'off'. */
  count: number;
  relative?: Diagnostic[];
  /** Start line `absolute` was placed at (-1: not placed). */
  startLine: number;
  absolute?: Diagnostic[];
  /** `absolute` as UTF-8 JSON without the brackets (items joined by commas); built on first use. */
  json?: Buffer;
}

/** Each section's diagnostics, for the settings, locale and URI in `key` (`contextKey`). */
const sectionCache = new BodyCache<SectionDiagnostics>();

function shiftRange(r: Range, by: number): Range {
  return { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
}

function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  const s: Diagnostic = { ...d, range: shiftRange(d.range, by) };
  if (d.relatedInformation) {
    s.relatedInformation = d.relatedInformation.map((r) => ({
      location: { uri: r.location.uri, range: shiftRange(r.location.range, by) },
      message: r.message,
    }));
  }
  return s;
}

/** The section's cache entry (checked once per body, settings and locale; counted, not converted). */
function sectionDiagnostics(ref: SectionRef, settings: Settings, key: string): SectionDiagnostics {
  let c = sectionCache.get(ref.body);
  if (!c || c.key !== key) {
    let count = 0;
    const suppressed = settings.suppressed;
    for (const p of checkSection(ref.body, settings.rules))
      if (problemSeverity(p.code, settings.severity) !== 'off' && !(suppressed && suppressed.suppressed(ref.body, p))) count++;
    c = { key, count, startLine: -1 };
    sectionCache.set(ref.body, c);
  }
  return c;
}

/** The section's entry with its diagnostics placed at its current start line (`absolute`). */
function placed(ref: SectionRef, uri: string, settings: Settings, locale: Locale, key: string): SectionDiagnostics & { absolute: Diagnostic[] } {
  const c = sectionDiagnostics(ref, settings, key);
  if (!c.absolute || c.startLine !== ref.startLine) {
    // Relative: the problems of a section placed at line 0.
    c.relative ??= checkDocument([{ startLine: 0, body: ref.body }], settings.rules, settings.severity, settings.suppressed).map((p) =>
      toDiagnostic(p, uri, locale),
    );
    c.absolute = ref.startLine === 0 ? c.relative : c.relative.map((d) => shiftDiagnostic(d, ref.startLine));
    c.startLine = ref.startLine;
    c.json = undefined;
  }
  return c as SectionDiagnostics & { absolute: Diagnostic[] };
}

/** A placed entry's diagnostics as JSON (items without brackets), encoded once per placement. */
function jsonOf(c: SectionDiagnostics & { absolute: Diagnostic[] }): Buffer {
  c.json ??= Buffer.from(JSON.stringify(c.absolute).slice(1, -1), 'utf8');
  return c.json;
}

/**
 * What one document's diagnostics are computed for: its model, URI (related information names it),
 * settings (rules, severities, `maxProblems`), locale and the line the user works at.
 */
export interface DiagnosticsContext {
  readonly model: DocumentModel;
  readonly uri: string;
  readonly settings: Settings;
  readonly locale: Locale;
  /** Where the user works (the last edit, or the cursor): a file over `maxProblems` sends the departments around it. */
  readonly focusLine: number;
  /** What the document's sends remember between them (its session owns one). */
  readonly memory: DiagnosticsMemory;
}

/**
 * What the diagnostics of one document remember from one send to the next: the counts of the last
 * send that had every department checked (`countsSince`), and how far a background check got
 * (`checkPending`). Owned by the document's session and dropped with it.
 */
export class DiagnosticsMemory {
  counted: CountedSend | undefined = undefined;
  progress: PendingProgress | undefined = undefined;
}

/** The cache key of a context's per-section entries: settings, locale and URI. */
function contextKey(ctx: DiagnosticsContext): string {
  return `${settingsKey(ctx.settings)}|${ctx.locale}|${ctx.uri}`;
}

/** What is sent to the editor for one document version (./problem-window.ts explains the limit). */
export interface SentDiagnostics {
  /** The diagnostics sent: all of them, or the focus window's after a summary diagnostic. */
  diagnostics: Diagnostic[];
  /** The same list as UTF-8 JSON pieces (items without brackets) for the publish encoder. */
  pieces: Buffer[];
  /** Problems in the whole document (what the CLI would list); only those found so far while `pending`. */
  total: number;
  /** Absolute lines of the departments sent; null when everything is sent. */
  window: { fromLine: number; toLine: number } | null;
  /** Departments not checked yet: the caller checks them in the background (`checkPending`) and sends again. */
  pending: number;
}

/**
 * A document with more unchecked departments than this (opening a big file, or new settings) is
 * checked around the focus first: the departments the editor shows are sent at once and the rest
 * are checked in the background in small slices (`checkPending`), so the first problems appear
 * without waiting for the whole file and requests are answered meanwhile. The sample itself
 * (36 departments) is checked in one go.
 */
export const PROGRESSIVE_SECTIONS = 100;

/** The section's entry when it is checked for `key`, else undefined (nothing is checked). */
function checkedEntry(ref: SectionRef, key: string): SectionDiagnostics | undefined {
  const c = sectionCache.get(ref.body);
  return c && c.key === key ? c : undefined;
}

/**
 * Per document, the sections of the last send that had every section checked, and their total.
 * A keystroke replaces one section (or a few): the new total is the old one less the replaced
 * sections' counts plus the new ones', found by comparing the two section lists from both ends
 * (pointer comparisons), instead of a cache lookup in every section, which on a big file cost as
 * much as the rest of the keystroke.
 */
export interface CountedSend {
  sections: readonly SectionRef[];
  key: string;
  total: number;
}

interface Counts {
  total: number;
  unchecked: SectionRef[];
}

function countAll(sections: readonly SectionRef[], key: string): Counts {
  let total = 0;
  const unchecked: SectionRef[] = [];
  for (const ref of sections) {
    const c = checkedEntry(ref, key);
    if (c) total += c.count;
    else unchecked.push(ref);
  }
  return { total, unchecked };
}

/** The counts of `sections` from those of an earlier list of the same document; undefined when they cannot be derived. */
function countsSince(prev: CountedSend | undefined, sections: readonly SectionRef[], key: string): Counts | undefined {
  if (!prev || prev.key !== key) return undefined;
  const a = prev.sections;
  const b = sections;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i].body === b[i].body) i++;
  let ea = a.length;
  let eb = b.length;
  while (ea > i && eb > i && a[ea - 1].body === b[eb - 1].body) {
    ea--;
    eb--;
  }
  let total = prev.total;
  for (let k = i; k < ea; k++) {
    const c = checkedEntry(a[k], key);
    if (!c) return undefined;
    total -= c.count;
  }
  const unchecked: SectionRef[] = [];
  for (let k = i; k < eb; k++) {
    const c = checkedEntry(b[k], key);
    if (c) total += c.count;
    else unchecked.push(b[k]);
  }
  return { total, unchecked };
}

/**
 * The diagnostics to send: every one when the document has at most `maxProblems` (0 = no
 * limit), otherwise the whole departments around the focus line that fit in `windowBudget` (half
 * the limit, less one), after one summary diagnostic. Cost: a cached count per section, plus placing and encoding only
 * the sections sent, so a keystroke in a huge file costs what it costs in a small one. When more
 * than `PROGRESSIVE_SECTIONS` departments are unchecked, only those the window needs are checked
 * now and `pending` says how many are left.
 */
export function sentDiagnostics(
  ctx: DiagnosticsContext,
  /** Build `pieces`: push writes them, pull compares them (./pull-results.ts). */
  encode = true,
): SentDiagnostics {
  const { model, uri, settings, locale, focusLine, memory } = ctx;
  const maxProblems = settings.maxProblems;
  const key = contextKey(ctx);
  const sections = model.sections;
  // The counts of checked sections, and which are not checked yet (after an edit, one).
  const known = countsSince(memory.counted, sections, key) ?? countAll(sections, key);
  let total = known.total;
  const unchecked = known.unchecked;
  const progressive = unchecked.length > PROGRESSIVE_SECTIONS;
  memory.counted = undefined;

  if (!progressive) {
    for (const ref of unchecked) total += sectionDiagnostics(ref, settings, key).count;
    // Every section is checked now: the next call counts only what changed.
    memory.counted = { sections, key, total };
    if (maxProblems <= 0 || total <= maxProblems) {
      const diagnostics: Diagnostic[] = [];
      const pieces: Buffer[] = [];
      for (const ref of sections) {
        const c = placed(ref, uri, settings, locale, key);
        if (c.absolute.length === 0) continue;
        for (let i = 0; i < c.absolute.length; i++) diagnostics.push(c.absolute[i]);
        if (encode) pieces.push(jsonOf(c));
      }
      return { diagnostics, pieces, total, window: null, pending: 0 };
    }
  }

  const focus = sectionIndexAt(sections, focusLine);
  const budget = windowBudget(maxProblems, DEFAULT_MAX_PROBLEMS);
  const span = selectWindow((i) => sectionDiagnostics(sections[i], settings, key).count, focus, budget, sections.length);
  let pending = 0;
  if (progressive) {
    // The window checked some of them: count again what is known now.
    const now = countAll(unchecked, key);
    total += now.total;
    pending = now.unchecked.length;
  }
  const diagnostics: Diagnostic[] = [];
  const pieces: Buffer[] = [];
  for (let k = span.from; k <= span.to; k++) {
    const c = placed(sections[k], uri, settings, locale, key);
    if (c.absolute.length === 0) continue;
    if (span.count > budget) {
      // One department alone is over the budget: the problems nearest the focus line.
      const near = nearestProblems(c.absolute, focusLine, budget);
      for (const d of near) diagnostics.push(d);
      if (encode) pieces.push(Buffer.from(JSON.stringify(near).slice(1, -1), 'utf8'));
    } else {
      for (let i = 0; i < c.absolute.length; i++) diagnostics.push(c.absolute[i]);
      if (encode) pieces.push(jsonOf(c));
    }
  }
  const first = sections[span.from];
  const last = sections[span.to];
  const window = { fromLine: first.startLine, toLine: last.startLine + last.body.lines.length - 1 };
  const summary = summaryDiagnostic(
    {
      total,
      pending,
      shown: diagnostics.length,
      firstDepartment: first.body.department,
      lastDepartment: last.body.department,
      departments: span.to - span.from + 1,
      fromLine: window.fromLine,
      toLine: window.toLine,
    },
    maxProblems,
    locale,
    SOURCE,
  );
  return { diagnostics: [summary, ...diagnostics], pieces: encode ? [Buffer.from(JSON.stringify(summary), 'utf8'), ...pieces] : [], total, window, pending };
}

/**
 * How far from the focus a background check has got in one section list: every section nearer the
 * focus than `distance` is checked. The next slice goes on from there instead of walking out from
 * the focus again past thousands of checked sections (and counting the rest) in every slice.
 * A new list (an edit) or a new focus starts again from the focus.
 */
export interface PendingProgress {
  sections: readonly SectionRef[];
  key: string;
  focus: number;
  distance: number;
}

/**
 * Checks unchecked departments of the context's model (nearest the focus first) until `deadline`
 * (performance.now()); returns whether any are left. The background half of a progressive send.
 */
export function checkPending(ctx: DiagnosticsContext, deadline: number): boolean {
  const { model, settings, focusLine, memory } = ctx;
  const key = contextKey(ctx);
  const sections = model.sections;
  const n = sections.length;
  const f = sectionIndexAt(sections, focusLine);
  const progress = memory.progress;
  const last = Math.max(f, n - 1 - f);
  for (let d = progress && progress.sections === sections && progress.key === key && progress.focus === f ? progress.distance : 0; d <= last; d++) {
    for (let side = 0; side < (d === 0 ? 1 : 2); side++) {
      const k = side === 0 ? f + d : f - d;
      if (k < 0 || k >= n || checkedEntry(sections[k], key)) continue;
      if (performance.now() >= deadline) {
        memory.progress = { sections, key, focus: f, distance: d };
        return true;
      }
      sectionDiagnostics(sections[k], settings, key);
    }
  }
  memory.progress = undefined;
  return false;
}
