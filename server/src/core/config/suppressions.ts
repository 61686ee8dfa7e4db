/**
 * Suppressions name what they silence, never a line: the export has no comments to carry an inline
 * disable, and a line number is wrong after the next edit. A problem is about the indicator row it is
 * in (its 三级 name, with 一级/二级 and, in §3's goal tables, the goal the table measures), the goal or
 * the header field it is on, or else the text it covers; a suppression matches when its rule, file glob
 * and section match and every name it gives is the problem's. So it keeps matching when lines are
 * inserted above, when the row moves within its table, and when the file is re-exported.
 */
import { BodyCache } from '../body-cache';
import type { GoalTable, Position, Range, SectionBody } from '../model';
import { comparePositions } from '../model';
import { sectionName } from '../locale';
import type { DocumentProblem } from '../rules/index';
import type { ProblemFilter } from '../settings';
import { compact } from '../text';
import { literalGlob, relativeToConfig } from './globs';
import type { LoadedConfig, Suppression, SuppressionEntry } from './types';

/** What a problem is about, by name: what a suppression is matched against. */
export interface ProblemTarget {
  indicator?: { level1: string; level2: string; level3: string };
  goal?: string;
  field?: string;
  /** The text of the problem's range on its first line, trimmed. */
  text: string;
}

function contains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

function linesHold(r: Range, line: number): boolean {
  return r.start.line <= line && line <= r.end.line;
}

/** The goal a §3 table measures (its header's text); header-driven tables name none of their own. */
function tableGoal(body: SectionBody, t: GoalTable): string | undefined {
  return body.layout === 'goal-tables' && t.goalText !== '' ? t.goalText : undefined;
}

/** What the problem at `range` (relative to the section) is about. */
export function problemTarget(body: SectionBody, range: Range): ProblemTarget {
  const at = range.start;
  const line = body.lines[at.line] ?? '';
  const endChar = range.end.line === at.line ? range.end.character : line.length;
  const target: ProblemTarget = { text: line.slice(at.character, endChar).trim() };
  for (const t of body.tables) {
    if (!linesHold(t.range, at.line)) continue;
    const row = t.rows.find((r) => linesHold(r.range, at.line));
    if (row) {
      target.indicator = { level1: row.level1.text, level2: row.level2.text, level3: row.level3.text };
      target.goal = tableGoal(body, t);
      return target;
    }
    if (linesHold(t.headerRow.range, at.line)) {
      target.goal = tableGoal(body, t) ?? (t.goalText || undefined);
      return target;
    }
  }
  for (const row of body.overview?.rows ?? []) {
    for (const g of [row.long, row.annual]) {
      if (g && contains(g.cell.range, at)) {
        target.goal = g.text;
        return target;
      }
    }
  }
  const goal = body.goals.find((g) => contains(g.range, at)) ?? body.goals.find((g) => contains(g.cell.range, at));
  if (goal) {
    target.goal = goal.text;
    return target;
  }
  const field = body.fields.find((f) => contains(f.label.range, at) || (f.value !== null && contains(f.value.range, at)));
  if (field) target.field = field.label.text;
  return target;
}

/**
 * Each section body's problem targets, by the problem's relative range: a problem's target needs the
 * section's tree, which is dropped once checked (core/parse/section.ts), so matching a config changed by
 * a keystroke against a big file's problems would rebuild every tree again. Plain strings, no tree nodes.
 */
const targets = new BodyCache<Map<string, ProblemTarget>>();

/** `problemTarget`, worked out once per section body and range. */
function targetAt(body: SectionBody, range: Range): ProblemTarget {
  const key = `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
  const byRange = targets.getOrCreate(body, () => new Map());
  let t = byRange.get(key);
  if (!t) byRange.set(key, (t = problemTarget(body, range)));
  return t;
}

const same = (a: string, b: string) => compact(a) === compact(b);

/** Whether `s` (whose rule and file were already matched) takes a problem in `body` about `target()`. */
function takes(s: Suppression, body: SectionBody, target: () => ProblemTarget): boolean {
  if (s.section !== undefined && !same(s.section, sectionName(body, 'zh')) && !same(s.section, sectionName(body, 'en'))) return false;
  if (s.indicator === undefined && s.level1 === undefined && s.level2 === undefined && s.goal === undefined && s.field === undefined && s.text === undefined)
    return true;
  const t = target();
  if (s.indicator !== undefined && !(t.indicator && same(s.indicator, t.indicator.level3))) return false;
  if (s.level1 !== undefined && !(t.indicator && same(s.level1, t.indicator.level1))) return false;
  if (s.level2 !== undefined && !(t.indicator && same(s.level2, t.indicator.level2))) return false;
  if (s.goal !== undefined && !(t.goal !== undefined && same(s.goal, t.goal))) return false;
  if (s.field !== undefined && !(t.field !== undefined && same(s.field, t.field))) return false;
  if (s.text !== undefined && !same(s.text, t.text)) return false;
  return true;
}

/**
 * One rule's suppressions for a file: those naming an indicator by its compacted 三级 name, and the
 * others. A review config can hold hundreds of suppressions, most of them of a few rules such as TT101;
 * a problem is matched against those of its own indicator name only, not all of its rule's.
 */
class RuleSuppressions {
  readonly byIndicator = new Map<string, Suppression[]>();
  readonly loose: Suppression[] = [];

  add(s: Suppression): void {
    if (s.indicator === undefined) this.loose.push(s);
    else {
      const key = compact(s.indicator);
      const list = this.byIndicator.get(key);
      if (list) list.push(s);
      else this.byIndicator.set(key, [s]);
    }
  }

  /** Each suppression that takes the problem (`all`: every one, else the first). */
  taking(body: SectionBody, target: () => ProblemTarget, all: boolean): Suppression[] {
    const out: Suppression[] = [];
    for (const s of this.loose) if (takes(s, body, target) && (out.push(s), !all)) return out;
    if (this.byIndicator.size === 0) return out;
    const indicator = target().indicator;
    const named = indicator ? this.byIndicator.get(compact(indicator.level3)) : undefined;
    for (const s of named ?? []) if (takes(s, body, target) && (out.push(s), !all)) return out;
    return out;
  }
}

/** The config's suppressions that can apply to `filePath` (its `file` glob takes it), by rule. */
function suppressionsByRule(config: LoadedConfig, filePath: string): Map<string, RuleSuppressions> {
  const rel = relativeToConfig(config, filePath);
  const byRule = new Map<string, RuleSuppressions>();
  for (const s of config.suppressions) {
    if (!s.takesFile(rel)) continue;
    let rule = byRule.get(s.rule);
    if (!rule) byRule.set(s.rule, (rule = new RuleSuppressions()));
    rule.add(s);
  }
  return byRule;
}

export interface SuppressionResult {
  /** The problems no suppression takes, in their order. */
  shown: DocumentProblem[];
  suppressed: DocumentProblem[];
  /** Every suppression that took at least one problem, in config order (one that takes none is unused). */
  used: Suppression[];
}

/** Splits a file's problems into shown and suppressed by the config that applies to it (`null`: none). */
export function applySuppressions(config: LoadedConfig | null, filePath: string, problems: readonly DocumentProblem[]): SuppressionResult {
  const byRule = config ? suppressionsByRule(config, filePath) : new Map<string, RuleSuppressions>();
  if (byRule.size === 0) return { shown: [...problems], suppressed: [], used: [] };
  const shown: DocumentProblem[] = [];
  const suppressed: DocumentProblem[] = [];
  const used = new Set<Suppression>();
  for (const p of problems) {
    const candidates = byRule.get(p.code);
    let taken = false;
    if (candidates) {
      const body = p.section.body;
      const start = p.section.startLine;
      let target: ProblemTarget | undefined;
      const targetOf = () =>
        (target ??= targetAt(body, {
          start: { line: p.range.start.line - start, character: p.range.start.character },
          end: { line: p.range.end.line - start, character: p.range.end.character },
        }));
      // Every suppression that takes it counts as used: of two that say the same, neither is unused.
      for (const s of candidates.taking(body, targetOf, true)) {
        used.add(s);
        taken = true;
      }
    }
    (taken ? suppressed : shown).push(p);
  }
  return { shown, suppressed, used: config!.suppressions.filter((s) => used.has(s)) };
}

/** The suppressions of `config` that none of the results took (`--report-unused-suppressions`). */
export function unusedSuppressions(config: LoadedConfig, results: readonly Pick<SuppressionResult, 'used'>[]): Suppression[] {
  const used = new Set<Suppression>();
  for (const r of results) for (const s of r.used) used.add(s);
  return config.suppressions.filter((s) => !used.has(s));
}

/**
 * The editor's filter: whether a problem (relative to its section, as the rules report it) is suppressed
 * in `filePath`. Undefined when no suppression can apply to the file, so the checks skip it. Its key
 * names the config's text and the file: what the cached diagnostics were filtered with.
 */
export type SuppressionFilter = ProblemFilter;

export function suppressionFilter(config: LoadedConfig | null, filePath: string): SuppressionFilter | undefined {
  const byRule = config ? suppressionsByRule(config, filePath) : undefined;
  if (!config || !byRule || byRule.size === 0) return undefined;
  return {
    key: `${config.key}|${filePath}`,
    suppressed(body, problem) {
      const candidates = byRule.get(problem.code);
      if (!candidates) return false;
      let target: ProblemTarget | undefined;
      const targetOf = () => (target ??= targetAt(body, problem.range));
      return candidates.taking(body, targetOf, false).length > 0;
    },
  };
}

/** How many indicator rows of the section `pick` keeps. */
function countRows(body: SectionBody, pick: (level1: string, level2: string, level3: string, goal: string | undefined) => boolean): number {
  let n = 0;
  for (const t of body.tables) for (const r of t.rows) if (pick(r.level1.text, r.level2.text, r.level3.text, tableGoal(body, t))) n++;
  return n;
}

/**
 * The suppression "ignore this problem" writes: the rule, the file (a glob of its exact path), the
 * section and the names of what the problem is about, as few as tell it apart in its section: the
 * 三级 name, then 一级/二级 when another indicator of the section has that name, then the goal when the
 * indicator is in both a 长期 and a 年度 table. `rel` is the file relative to the config's folder.
 */
export function suppressionForProblem(body: SectionBody, range: Range, code: string, rel: string, reason?: string): SuppressionEntry {
  const entry: SuppressionEntry = { rule: code, file: literalGlob(rel), section: sectionName(body, 'zh') };
  const t = problemTarget(body, range);
  if (t.indicator && t.indicator.level3 !== '') {
    const { level1, level2, level3 } = t.indicator;
    entry.indicator = level3;
    if (countRows(body, (_1, _2, l3) => same(l3, level3)) > 1) {
      // An empty 一级/二级 (the row's label left out) is not written: a suppression names what is there.
      if (level1 !== '') entry.level1 = level1;
      if (level2 !== '') entry.level2 = level2;
      if (t.goal !== undefined && countRows(body, (l1, l2, l3) => same(l1, level1) && same(l2, level2) && same(l3, level3)) > 1) entry.goal = t.goal;
    }
  } else if (t.goal !== undefined && t.goal !== '') entry.goal = t.goal;
  else if (t.field !== undefined && t.field !== '') entry.field = t.field;
  else if (t.text !== '') entry.text = t.text;
  if (reason !== undefined) entry.reason = reason;
  return entry;
}

/** The suppression "ignore rule TTxxx for this file" writes. */
export function suppressionForFile(code: string, rel: string): SuppressionEntry {
  return { rule: code, file: literalGlob(rel) };
}
