/**
 * The `targetTable.*` settings: validation of whatever the client sends (workspace/configuration,
 * didChangeConfiguration's payload, nothing at all) into one well-formed object.
 * Unknown or malformed values fall back to the defaults instead of failing.
 */
import type { RuleSettings, SeveritySetting } from './rules/types';
import { DEFAULT_RULE_SETTINGS } from './rules/types';
import { problemSeverity } from './rules/index';
import type { LanguageSetting } from './locale';
import type { SectionBody } from './model';
import type { Problem } from './rules/types';

/**
 * Which problems a review config's suppressions silence in one file (core/config/suppressions.ts):
 * asked per section with the rules' relative positions, so the result is cached with the section's.
 * `key` names the config's text and the file.
 */
export interface ProblemFilter {
  readonly key: string;
  suppressed(body: SectionBody, problem: Problem): boolean;
}

/** `targetTable.maxProblems`: VS Code's own per-file limit of diagnostics (./problem-window.ts). */
export const DEFAULT_MAX_PROBLEMS = 1000;
/** `targetTable.maxOutlineItems`: as VS Code's JSON support (`json.maxItemsComputed`) (./document-symbols.ts). */
export const DEFAULT_MAX_OUTLINE_ITEMS = 5000;

export interface Settings {
  /** code → severity override ('off' drops the rule), from `targetTable.rules.*` and `targetTable.severity`. Codes not listed keep the rule's default. */
  severity: Readonly<Record<string, SeveritySetting>>;
  rules: RuleSettings;
  /** Most diagnostics sent for one file; 0 = no limit (./problem-window.ts). */
  maxProblems: number;
  /** Most outline symbols for one file; 0 = no limit (./document-symbols.ts). */
  maxOutlineItems: number;
  /** `targetTable.inlayHints.enabled`: column names beside the cells (features/inlay-hints.ts). */
  inlayHints: boolean;
  /** `targetTable.codeLens.enabled`: the lenses above goals and tables (features/code-lens.ts). */
  codeLens: boolean;
  /** `targetTable.language`: the language of messages, hovers, outline details and code actions (./locale.ts). */
  language: LanguageSetting;
  /** The review config's suppressions for the document, when any can apply to it (core/config). */
  suppressed?: ProblemFilter;
}

export const DEFAULT_SETTINGS: Settings = {
  severity: {},
  rules: DEFAULT_RULE_SETTINGS,
  maxProblems: DEFAULT_MAX_PROBLEMS,
  maxOutlineItems: DEFAULT_MAX_OUTLINE_ITEMS,
  inlayHints: true,
  codeLens: true,
  language: 'auto',
};

/** The configuration section the server reads. */
export const SETTINGS_SECTION = 'targetTable';

const SEVERITIES = new Set<SeveritySetting>(['off', 'hint', 'information', 'warning', 'error']);
const ALIASES: Record<string, SeveritySetting> = { info: 'information', warn: 'warning', none: 'off', ignore: 'off' };
const CODE = /^TT\d{3}$/i;

function severityOf(v: unknown): SeveritySetting | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  if (SEVERITIES.has(s as SeveritySetting)) return s as SeveritySetting;
  return ALIASES[s] ?? null;
}

/** A limit: a whole number ≥ 0 (0 = no limit), else the default. */
function countOf(v: unknown, dflt: number): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : dflt;
}

/**
 * An `…enabled` switch: the section's nested object (`{codeLens: {enabled: false}}`, as VS Code
 * returns it) or a flat dotted key; anything but `false` keeps the default, on.
 */
function enabledOf(group: unknown, flat: unknown): boolean {
  const v = group && typeof group === 'object' ? (group as Record<string, unknown>).enabled : flat;
  return v !== false && v !== 'false';
}

/** Each `TTxxx: severity` pair of a settings object that is well formed, the code upper-cased. */
function severityPairs(v: unknown): [string, SeveritySetting][] {
  if (!v || typeof v !== 'object') return [];
  const out: [string, SeveritySetting][] = [];
  for (const [code, value] of Object.entries(v as Record<string, unknown>)) {
    const s = severityOf(value);
    if (s && CODE.test(code)) out.push([code.toUpperCase(), s]);
  }
  return out;
}

/**
 * The severities configured: each rule's own setting `targetTable.rules.TTxxx` (the object `rules` of
 * the section) and the deprecated object `targetTable.severity`. VS Code sends every `rules` entry, at
 * the rule's default when the user set none, so an entry at its default cannot be told from one not
 * set: it leaves the deprecated object's value in force. So `rules` wins where it differs from the
 * rule's default, and `severity` applies otherwise (README "Settings").
 */
function configuredSeverities(r: Record<string, unknown>): Record<string, SeveritySetting> {
  const severity: Record<string, SeveritySetting> = {};
  for (const [code, s] of severityPairs(r.severity)) severity[code] = s;
  for (const [code, s] of severityPairs(r.rules)) if (s !== problemSeverity(code)) severity[code] = s;
  return severity;
}

/** `zh-cn` (the setting's value, as VS Code names the language), `zh`, `zh-TW` → zh; `en…` → en; anything else → auto. */
function languageOf(v: unknown): LanguageSetting {
  if (typeof v !== 'string') return 'auto';
  const s = v.trim().toLowerCase();
  return s.startsWith('zh') ? 'zh' : s.startsWith('en') ? 'en' : 'auto';
}

/** Turns a raw `targetTable` configuration object (or anything) into settings. */
export function normalizeSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const severity = configuredSeverities(r);
  const framework = r.framework === '2015' || r.framework === 2015 ? '2015' : r.framework === '2021' || r.framework === 2021 ? '2021' : 'auto';
  let minSatisfaction = DEFAULT_RULE_SETTINGS.minSatisfaction;
  const m = typeof r.minSatisfaction === 'string' ? Number(r.minSatisfaction) : r.minSatisfaction;
  if (typeof m === 'number' && Number.isFinite(m) && m >= 0 && m <= 100) minSatisfaction = m;
  return {
    severity,
    rules: { framework, minSatisfaction },
    maxProblems: countOf(r.maxProblems, DEFAULT_MAX_PROBLEMS),
    maxOutlineItems: countOf(r.maxOutlineItems, DEFAULT_MAX_OUTLINE_ITEMS),
    inlayHints: enabledOf(r.inlayHints, r['inlayHints.enabled']),
    codeLens: enabledOf(r.codeLens, r['codeLens.enabled']),
    language: languageOf(r.language),
  };
}

/**
 * Stable key of the settings that change what the rules report: a change of key means every
 * section's diagnostics must be recomputed. (The limits only change how much is sent; the language only
 * how it is said, and the diagnostics' cache key has the locale besides.)
 */
export function settingsKey(s: Settings): string {
  // Asked for on every send; a settings object is not changed once normalised, so its key is kept with it.
  let key = keys.get(s);
  if (key === undefined) {
    const sev = Object.keys(s.severity)
      .sort()
      .map((k) => `${k}=${s.severity[k]}`)
      .join(',');
    key = `${s.rules.framework}|${s.rules.minSatisfaction}|${sev}|${s.suppressed?.key ?? ''}`;
    keys.set(s, key);
  }
  return key;
}

const keys = new WeakMap<Settings, string>();
