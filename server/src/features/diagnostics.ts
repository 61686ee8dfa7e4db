/**
 * Problems → LSP diagnostics. Every diagnostic carries a stable `code`, `source: "target-table"`,
 * a link to the rule's entry in the README, the message in the client's language and the
 * rule's related places.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { sectionIndexAt, type DocumentModel, type Range, type SectionRef } from '../core/model';
import { checkDocument, type DocumentProblem } from '../core/rules/index';
import type { Severity } from '../core/rules/types';
import { msg, type Locale } from '../i18n';
import { nearestProblems, selectWindow, summaryDiagnostic } from './problem-window';
import { settingsKey, type ServerSettings } from './settings';

export const SOURCE = 'target-table';

/** The one place that knows where the rule list lives: `${RULE_DOCS_BASE}#tt201`. */
export const RULE_DOCS_BASE = 'https://github.com/target-table/target-table';

export function ruleHref(code: string): string {
  return `${RULE_DOCS_BASE}#${code.toLowerCase()}`;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * All problems of a document, absolute ranges, configured severities, 'off' rules dropped.
 * Each section's list is cached on its body for the start line it was placed at, so after a
 * keystroke only the edited section (and sections that moved) are placed again: code actions,
 * which VS Code asks for at every cursor move, need this list.
 */
export function documentProblems(model: DocumentModel, settings: ServerSettings): DocumentProblem[] {
  return problemsOfSections(model.sections, settings);
}

function problemsOfSections(sections: readonly SectionRef[], settings: ServerSettings): DocumentProblem[] {
  const key = settingsKey(settings);
  const out: DocumentProblem[] = [];
  for (const ref of sections) {
    let c = ref.body.cache.get(PROBLEMS_KEY) as { key: string; startLine: number; problems: DocumentProblem[] } | undefined;
    if (!c || c.key !== key || c.startLine !== ref.startLine) {
      c = { key, startLine: ref.startLine, problems: checkDocument([ref], settings.rules, settings.severity) };
      ref.body.cache.set(PROBLEMS_KEY, c);
    }
    // (A cached problem's `section` may be an earlier ref object: same body, same start line.)
    const ps = c.problems;
    for (let i = 0; i < ps.length; i++) out.push(ps[i]);
  }
  return out;
}

const PROBLEMS_KEY = 'lsp-problems';

export function toDiagnostic(p: DocumentProblem, uri: string, locale: Locale): Diagnostic {
  const d: Diagnostic = {
    range: p.range,
    severity: SEVERITY[p.severity],
    code: p.code,
    codeDescription: { href: ruleHref(p.code) },
    source: SOURCE,
    message: msg(p.message, locale),
  };
  if (p.related && p.related.length > 0) {
    d.relatedInformation = p.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: r.range }, message: msg(r.message, locale) }),
    );
  }
  return d;
}

export function computeDiagnostics(model: DocumentModel, uri: string, settings: ServerSettings, locale: Locale): Diagnostic[] {
  return documentProblems(model, settings).map((p) => toDiagnostic(p, uri, locale));
}

// ---- per-section LSP diagnostics (what a keystroke costs) ----

/**
 * A section's diagnostics, cached on the (immutable) section body: relative to the section, and
 * absolute for the start line they were last placed at. An edit re-parses one section, so a
 * publish rebuilds only that section's diagnostics; sections that merely moved (lines inserted
 * above them) are shifted, not re-checked nor re-translated, and only when they are sent.
 * The same list as `computeDiagnostics`, in the same order.
 */
interface SectionDiagnostics {
  key: string;
  relative: Diagnostic[];
  startLine: number;
  absolute: Diagnostic[];
  /** `absolute` as UTF-8 JSON without the brackets (items joined by commas); built on first use. */
  json?: Buffer;
}

const CACHE_KEY = 'lsp-diagnostics';

function shiftRange(r: Range, by: number): Range {
  return { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
}

function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  const s: Diagnostic = { ...d, range: shiftRange(d.range, by) };
  if (d.relatedInformation) {
    s.relatedInformation = d.relatedInformation.map((r) => ({ location: { uri: r.location.uri, range: shiftRange(r.location.range, by) }, message: r.message }));
  }
  return s;
}

/** The section's diagnostics relative to its first line (checked once per body, settings and locale). */
function relativeDiagnostics(ref: SectionRef, uri: string, settings: ServerSettings, locale: Locale, key: string): SectionDiagnostics {
  let c = ref.body.cache.get(CACHE_KEY) as SectionDiagnostics | undefined;
  if (!c || c.key !== key) {
    // Relative: the problems of a section placed at line 0.
    const at0: SectionRef = { startLine: 0, body: ref.body };
    const relative = checkDocument([at0], settings.rules, settings.severity).map((p) => toDiagnostic(p, uri, locale));
    c = { key, relative, startLine: 0, absolute: relative };
    ref.body.cache.set(CACHE_KEY, c);
  }
  return c;
}

/** The section's diagnostics placed at its current start line. */
function placedDiagnostics(ref: SectionRef, uri: string, settings: ServerSettings, locale: Locale, key: string): SectionDiagnostics {
  const c = relativeDiagnostics(ref, uri, settings, locale, key);
  if (c.startLine !== ref.startLine) {
    c.absolute = c.relative.map((d) => shiftDiagnostic(d, ref.startLine));
    c.startLine = ref.startLine;
    c.json = undefined;
  }
  return c;
}

function jsonOf(c: SectionDiagnostics): Buffer {
  c.json ??= Buffer.from(JSON.stringify(c.absolute).slice(1, -1), 'utf8');
  return c.json;
}

const cacheKey = (settingsId: string, locale: Locale, uri: string) => `${settingsId}|${locale}|${uri}`;

/** `computeDiagnostics` with per-section caching: only re-parsed or moved sections cost anything. */
export function documentDiagnostics(model: DocumentModel, uri: string, settings: ServerSettings, locale: Locale, settingsId: string): Diagnostic[] {
  const key = cacheKey(settingsId, locale, uri);
  const out: Diagnostic[] = [];
  for (const ref of model.sections) {
    const ds = placedDiagnostics(ref, uri, settings, locale, key).absolute;
    for (let i = 0; i < ds.length; i++) out.push(ds[i]);
  }
  return out;
}

/**
 * The diagnostics of `documentDiagnostics` already serialised: one UTF-8 JSON piece per section
 * with problems (items joined by commas, no brackets), cached like the diagnostics themselves.
 * Re-encoding every diagnostic of a large file on every keystroke was most of what a publish cost.
 */
export function documentDiagnosticsJson(model: DocumentModel, uri: string, settings: ServerSettings, locale: Locale, settingsId: string): Buffer[] {
  const key = cacheKey(settingsId, locale, uri);
  const out: Buffer[] = [];
  for (const ref of model.sections) {
    const c = placedDiagnostics(ref, uri, settings, locale, key);
    if (c.absolute.length > 0) out.push(jsonOf(c));
  }
  return out;
}

/** What is sent to the editor for one document version (./problem-window.ts explains the limit). */
export interface SentDiagnostics {
  /** The diagnostics sent: all of them, or the focus window's after a summary diagnostic. */
  diagnostics: Diagnostic[];
  /** The same list as UTF-8 JSON pieces (items without brackets) for the publish encoder. */
  pieces: Buffer[];
  /** Problems in the whole document (what the CLI would list). */
  total: number;
  /** Absolute lines of the departments sent; null when everything is sent. */
  window: { fromLine: number; toLine: number } | null;
}

/**
 * The diagnostics to send: every one when the document has at most `maxProblems` (0 = no
 * limit), otherwise the whole departments around `focusLine` that fit in `maxProblems - 1`,
 * after one summary diagnostic. Cost: a cached count per section, plus placing and encoding only
 * the sections sent, so a keystroke in a huge file costs what it costs in a small one.
 */
export function sentDiagnostics(
  model: DocumentModel,
  uri: string,
  settings: ServerSettings,
  locale: Locale,
  settingsId: string,
  focusLine: number,
  maxProblems: number,
  /** Build `pieces` (push over a stream transport); pull responses do not need them. */
  encode = true,
): SentDiagnostics {
  const key = cacheKey(settingsId, locale, uri);
  const sections = model.sections;
  const counts = new Array<number>(sections.length);
  let total = 0;
  for (let i = 0; i < sections.length; i++) total += counts[i] = relativeDiagnostics(sections[i], uri, settings, locale, key).relative.length;

  if (maxProblems <= 0 || total <= maxProblems) {
    const diagnostics: Diagnostic[] = [];
    const pieces: Buffer[] = [];
    for (const ref of sections) {
      const c = placedDiagnostics(ref, uri, settings, locale, key);
      if (c.absolute.length === 0) continue;
      for (let i = 0; i < c.absolute.length; i++) diagnostics.push(c.absolute[i]);
      if (encode) pieces.push(jsonOf(c));
    }
    return { diagnostics, pieces, total, window: null };
  }

  const focus = sectionIndexAt(sections, focusLine);
  const budget = maxProblems - 1; // one place is the summary's
  const span = selectWindow(counts, focus, budget);
  const diagnostics: Diagnostic[] = [];
  const pieces: Buffer[] = [];
  for (let k = span.from; k <= span.to; k++) {
    const c = placedDiagnostics(sections[k], uri, settings, locale, key);
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
  return { diagnostics: [summary, ...diagnostics], pieces: encode ? [Buffer.from(JSON.stringify(summary), 'utf8'), ...pieces] : [], total, window };
}
