/** The custom `targetTable/stats` request: a one-line summary of a document for the client's status item. */
import { BodyCache } from '../core/body-cache';
import { isListedSection } from '../core/parse/section';
import type { DocumentModel, SectionBody } from '../core/model';
import { isListed, type DocumentProblem } from '../core/rules/index';
import { documentProblems } from './diagnostics';
import type { Settings } from '../core/settings';
import type { Stats } from '../../../protocol';

interface SectionCounts {
  section: boolean;
  goals: number;
  tables: number;
  indicators: number;
}

/** Each section's counts (plain data: no section tree is read on later requests). */
const counts = new BodyCache<SectionCounts>();

function sectionCounts(body: SectionBody): SectionCounts {
  return counts.getOrCreate(body, () => {
    // A department or project: a titled section with content, or an untitled table (its title not exported).
    const section = isListedSection(body);
    const c = { section, goals: 0, tables: body.tables.length, indicators: 0 };
    for (const r of body.overview?.rows ?? []) c.goals += (r.long ? 1 : 0) + (r.annual ? 1 : 0);
    c.goals += body.goals.length;
    for (const t of body.tables) c.indicators += t.rows.length;
    return c;
  });
}

export function documentStats(model: DocumentModel, settings: Settings, problems?: readonly DocumentProblem[]): Stats {
  const s: Stats = { departments: 0, goals: 0, tables: 0, indicators: 0, problems: 0 };
  for (const ref of model.sections) {
    const b = ref.body;
    const c = sectionCounts(b);
    if (c.section) s.departments++;
    s.goals += c.goals;
    s.tables += c.tables;
    s.indicators += c.indicators;
  }
  // The problems the Problems panel lists (hints it never shows are not counted: `isListed`).
  const all = problems ?? documentProblems(model, settings);
  for (let i = 0; i < all.length; i++) if (isListed(all[i].severity)) s.problems++;
  return s;
}
