/**
 * What both layouts build rows with: indicator row nodes, merged-cell inheritance, stray nodes, and
 * rejoining a row that a blank line split (docs/format.md §2–§3).
 */
import type { Cell, ExtraCell, IndicatorRow, LevelOrigin, LevelValue, Range, Row, StrayNode, Value } from '../../model';
import { compact } from '../../text';
import { makeRow } from '../tokenizer';

// The tests that run on every row are loops, not every/some/map with a callback: unoptimised (the
// first sections of a cold check), each element is a call back from the builtin into JavaScript.
export function isEmptyRow(row: Row): boolean {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) if (cells[i].text !== '') return false;
  return true;
}

/** What only header-driven tables have (self-evaluation columns, extras): one pointer on the rows of §3's tables. */
export interface RowMore {
  actual: Value | null;
  weight: Value | null;
  score: Value | null;
  reason: Cell | null;
  extras: readonly ExtraCell[];
}

const NO_EXTRAS: readonly ExtraCell[] = [];

/**
 * An indicator row. Its range is its row's, computed when asked for: a copy made up front was 3
 * objects per row that hardly anything reads.
 */
export class IndicatorRowNode implements IndicatorRow {
  readonly #more: RowMore | null;
  constructor(
    readonly row: Row,
    readonly label: Cell | null,
    readonly level1: LevelValue,
    readonly level2: LevelValue,
    readonly level3: Cell,
    readonly previous: Value | null,
    readonly last: Value | null,
    readonly target: Value,
    readonly basis: Cell | null,
    readonly width: number,
    more: RowMore | null = null,
  ) {
    this.#more = more;
  }

  get range(): Range {
    return this.row.range;
  }
  get actual(): Value | null {
    return this.#more?.actual ?? null;
  }
  get weight(): Value | null {
    return this.#more?.weight ?? null;
  }
  get score(): Value | null {
    return this.#more?.score ?? null;
  }
  get reason(): Cell | null {
    return this.#more?.reason ?? null;
  }
  get extras(): readonly ExtraCell[] {
    return this.#more?.extras ?? NO_EXTRAS;
  }
}

/** The row's own 一级/二级 cell, or (when it is empty) the value of the merged cell above. */
export function inherit(cell: Cell, above: LevelValue | null): LevelValue {
  if (cell.text !== '' || !above || above.text === '') return ownLevel(cell);
  return fromElsewhere(cell, above, 'above');
}

export function ownLevel(cell: Cell): LevelValue {
  return { text: cell.text, inherited: false, origin: 'own', key: compact(cell.text), cell, source: cell.text !== '' ? cell : null };
}

export function fromElsewhere(cell: Cell, from: LevelValue, origin: LevelOrigin): LevelValue {
  return { text: from.text, inherited: true, origin, key: from.key, cell, source: from.source };
}

/** A 一级 that no cell states, inferred from the row's 二级 (docs/format.md §7.4). */
export function inferredLevel(cell: Cell, text: string): LevelValue {
  return { text, inherited: true, origin: 'inferred', key: text, cell, source: null };
}

export function strayNode(reason: StrayNode['reason'], row: Row, expectedWidth?: number): StrayNode {
  const text = row.cells
    .map((c) => c.text)
    .filter((t) => t !== '')
    .join(' | ');
  const node: StrayNode = { reason, row, text, range: row.range };
  if (expectedWidth !== undefined) node.expectedWidth = expectedWidth;
  return node;
}

/**
 * A blank line inside a row splits it (docs/format.md §2): when a row is narrower than the table
 * and the pieces that follow add up to exactly the table's width, they are one row. Returns the
 * row (joined or not) and the index of the first row after it; `stop` says which rows may not be
 * joined (a table header).
 */
export function rejoin(rows: readonly Row[], row: Row, next: number, width: number, stop: (row: Row) => boolean): { row: Row; next: number } {
  if (row.cells.length >= width) return { row, next };
  let count = row.cells.length;
  let j = next;
  while (j < rows.length && count < width) {
    const r = rows[j];
    if (isEmptyRow(r) || stop(r)) break;
    count += r.cells.length;
    j++;
  }
  if (count !== width) return { row, next };
  const cells: Cell[] = [...row.cells];
  for (let k = next; k < j; k++) cells.push(...rows[k].cells);
  return { row: makeRow(cells), next: j };
}
