/** What the benchmarks share: their `--name=value` options, percentiles, and where in the sample ×N they edit. */
import type { DocumentModel, IndicatorRow, SectionRef } from '../../server/src/core/model';

/** The value of `--name=value` on the command line, else `dflt`. */
export function option(name: string, dflt: string): string {
  return (
    process.argv
      .slice(2)
      .find((a) => a.startsWith(`--${name}=`))
      ?.slice(name.length + 3) ?? dflt
  );
}

/** The `p` quantile (0–1) of some times, the nearest sample at or above it. */
export function percentile(times: number[], p: number): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

/** The sections of the middle copy of the sample ×`copies`: the middle department first, then its neighbours outward (in case it lacks something). */
export function middleSections(model: DocumentModel, copies: number): SectionRef[] {
  const perCopy = model.sections.length / copies;
  const base = Math.floor(copies / 2) * perCopy;
  const mid = Math.floor(perCopy / 2);
  const order: SectionRef[] = [];
  for (let d = 0; d < perCopy; d++) {
    for (const k of d === 0 ? [mid] : [mid + d, mid - d]) if (k >= 0 && k < perCopy) order.push(model.sections[base + k]);
  }
  return order;
}

/** The first indicator row of these sections, in their order, that `pred` accepts. */
export function findRow(sections: SectionRef[], pred: (r: IndicatorRow) => boolean): { ref: SectionRef; row: IndicatorRow } {
  for (const ref of sections) for (const t of ref.body.tables) for (const row of t.rows) if (pred(row)) return { ref, row };
  throw new Error('no row found for an edit');
}
