/** The custom `targetTable/stats` request: a one-line summary of a document for the client's status item. */
import { BodyCache } from '../core/body-cache';
import type { DocumentModel, SectionBody } from '../core/model';
import type { DocumentProblem } from '../core/rules/index';
import { documentProblems } from './diagnostics';
import type { Settings } from '../core/settings';
import type { Stats } from '../../../protocol';

interface SectionCounts {
  goals: number;
  tables: number;
  indicators: number;
}

/** Each section's counts (plain data: no section tree is read on later requests). */
const counts = new BodyCache<SectionCounts>();

function sectionCounts(body: SectionBody): SectionCounts {
  return counts.getOrCreate(body, () => {
    const c = { goals: 0, tables: body.tables.length, indicators: 0 };
    for (const r of body.overview?.rows ?? []) c.goals += (r.long ? 1 : 0) + (r.annual ? 1 : 0);
    for (const t of body.tables) c.indicators += t.rows.length;
    return c;
  });
}

export function documentStats(model: DocumentModel, settings: Settings, problems?: readonly DocumentProblem[]): Stats {
  const s: Stats = { departments: 0, goals: 0, tables: 0, indicators: 0, problems: 0 };
  for (const ref of model.sections) {
    const b = ref.body;
    if (b.title) s.departments++;
    const c = sectionCounts(b);
    s.goals += c.goals;
    s.tables += c.tables;
    s.indicators += c.indicators;
  }
  s.problems = (problems ?? documentProblems(model, settings)).length;
  return s;
}
