/**
 * The `targetTable.*` settings: validation of whatever the client sends (workspace/configuration,
 * didChangeConfiguration's payload, nothing at all) into one well-formed object.
 * Unknown or malformed values fall back to the defaults instead of failing.
 */
import type { RuleSettings, SeveritySetting } from '../core/rules/types';
import { DEFAULT_RULE_SETTINGS } from '../core/rules/types';
import { DEFAULT_MAX_PROBLEMS } from './problem-window';

export interface ServerSettings {
  /** code → severity override ('off' drops the rule). Codes not listed keep the rule's default. */
  severity: Readonly<Record<string, SeveritySetting>>;
  rules: RuleSettings;
  /** Most diagnostics sent for one file; 0 = no limit (./problem-window.ts). */
  maxProblems: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { severity: {}, rules: DEFAULT_RULE_SETTINGS, maxProblems: DEFAULT_MAX_PROBLEMS };

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

/** Turns a raw `targetTable` configuration object (or anything) into settings. */
export function normalizeSettings(raw: unknown): ServerSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const severity: Record<string, SeveritySetting> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [code, v] of Object.entries(r.severity as Record<string, unknown>)) {
      const s = severityOf(v);
      if (s && CODE.test(code)) severity[code.toUpperCase()] = s;
    }
  }
  const framework = r.framework === '2015' || r.framework === 2015 ? '2015' : '2021';
  let minSatisfaction = DEFAULT_RULE_SETTINGS.minSatisfaction;
  const m = typeof r.minSatisfaction === 'string' ? Number(r.minSatisfaction) : r.minSatisfaction;
  if (typeof m === 'number' && Number.isFinite(m) && m >= 0 && m <= 100) minSatisfaction = m;
  let maxProblems = DEFAULT_MAX_PROBLEMS;
  const mp = typeof r.maxProblems === 'string' ? Number(r.maxProblems) : r.maxProblems;
  if (typeof mp === 'number' && Number.isFinite(mp) && mp >= 0) maxProblems = Math.floor(mp);
  return { severity, rules: { framework, minSatisfaction }, maxProblems };
}

/**
 * Stable key of the settings that change what the rules report: a change of key means every
 * section's diagnostics must be recomputed. (`maxProblems` only changes which are sent.)
 */
export function settingsKey(s: ServerSettings): string {
  const sev = Object.keys(s.severity).sort().map((k) => `${k}=${s.severity[k]}`).join(',');
  return `${s.rules.framework}|${s.rules.minSatisfaction}|${sev}`;
}
