/**
 * The table families (./overall.ts …), and what is compiled from them once, at load: the title
 * matcher and each family's column-label lookup. The parser asks these; it names no family.
 */
import { overall } from './overall';
import { overallSelfEvaluation } from './overall-self-evaluation';
import { project } from './project';
import { projectSelfEvaluation } from './project-self-evaluation';
import type { ColumnRole, FamilyId, FieldKey, GoalKindId, LabelPattern, TableFamily } from './types';

export type { ColumnRole, FamilyId, FieldKey, GoalKindId, TableFamily } from './types';

/** Most specific first: a title is the first family's whose rule matches (项目…自评表 before …自评表 before 项目…表 before …表). */
export const FAMILIES: readonly TableFamily[] = [projectSelfEvaluation, overallSelfEvaluation, project, overall];

const BY_ID = new Map<FamilyId, TableFamily>(FAMILIES.map((f) => [f.id, f]));

export function family(id: FamilyId): TableFamily {
  return BY_ID.get(id)!;
}

/** The family whose (non-own-row) title rule matches a title's core text, or null. */
export function titleFamily(core: string): TableFamily | null {
  for (const f of FAMILIES) for (const t of f.titles) if (!t.ownRow && t.suffix.test(core)) return f;
  return null;
}

/** The family of a title that counts only on a row of its own (`部门整体绩效目标`), or null. */
export function ownRowTitleFamily(core: string): TableFamily | null {
  for (const f of FAMILIES) for (const t of f.titles) if (t.ownRow && t.suffix.test(core)) return f;
  return null;
}

/** The family's title suffix match in a core text (for the name: the title minus it). */
export function titleSuffix(f: TableFamily, core: string): RegExpExecArray | null {
  for (const t of f.titles) {
    const m = t.suffix.exec(core);
    if (m) return m;
  }
  return null;
}

/**
 * A label cell's text as labels are compared: no whitespace (a wrapped label is one word), no
 * leading `*` (required-field marker), no trailing `:`.
 */
export function labelKey(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return text
    .replace(/\s+/g, '')
    .replace(/^[*＊]+/, '')
    .replace(/[:：]+$/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

const NEEDS_NORMALISING = /[\s*＊:：（）]/;

/** A compiled label list: exact spellings, patterns, and the spellings a cut-short cell may be a prefix of. */
export class LabelMatcher<T> {
  readonly #exact = new Map<string, T[]>();
  readonly #patterns: { re: RegExp; value: T }[] = [];
  readonly #prefixable: { label: string; value: T }[] = [];

  add(pattern: LabelPattern, value: T): void {
    for (const e of pattern.exact) {
      const list = this.#exact.get(e);
      if (list) list.push(value);
      else this.#exact.set(e, [value]);
      if (pattern.cutShort) this.#prefixable.push({ label: e, value });
    }
    for (const re of pattern.re ?? []) this.#patterns.push({ re, value });
  }

  /** Values whose label is exactly `key` (a labelKey), or that a pattern matches. */
  exact(key: string): readonly T[] {
    const hit = this.#exact.get(key);
    if (hit) return hit;
    for (const p of this.#patterns) if (p.re.test(key)) return [p.value];
    return NONE;
  }

  /** Values of the cut-short labels that `key` is a proper prefix of (distinct). */
  prefixOf(key: string): T[] {
    const out: T[] = [];
    if (key === '') return out;
    for (const p of this.#prefixable) if (p.label.length > key.length && p.label.startsWith(key) && !out.includes(p.value)) out.push(p.value);
    return out;
  }
}

const NONE: readonly never[] = [];

interface Compiled {
  columns: LabelMatcher<ColumnRole>;
  fields: LabelMatcher<FieldKey>;
  goals: LabelMatcher<GoalKindId>;
}

const COMPILED = new Map<FamilyId, Compiled>();

/** The family's label lookups, compiled on first use. */
export function labels(f: TableFamily): Compiled {
  let c = COMPILED.get(f.id);
  if (!c) {
    c = { columns: new LabelMatcher(), fields: new LabelMatcher(), goals: new LabelMatcher() };
    for (const s of f.columns) c.columns.add(s.label, s.role);
    for (const s of f.fields) c.fields.add(s.label, s.key);
    for (const g of f.goals) c.goals.add(g.label, g.kind);
    COMPILED.set(f.id, c);
  }
  return c;
}
