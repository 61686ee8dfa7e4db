/**
 * An indicator table's columns, read from its header row (docs/format.md §7.3): the header is the
 * only reliable map, since tables are 3 to 11 cells wide with their columns in any order.
 *
 * A header cell is classified by the family's column labels (../templates): exactly, by a pattern
 * (a year in the label), or as a cut-short prefix (`绩`, `一级`), among the roles still possible at
 * its place. A bracketed tail says which block a column belongs to when 长期 and 年度 stand side by
 * side (`三级指标(长期)`), or carries points (`绩效指标(90分)`). A label the family does not know
 * keeps its column as a named extra. A second header row (`2021年实际实现值 | 预期2022年实现值`
 * under a merged `指标值`) refines the map; when it is wider, the merged cell spans the extra columns.
 */
import type { ColumnMap, GoalKind, HeaderColumn, Row } from '../model';
import { labelKey, labels, type ColumnRole, type TableFamily } from '../templates';

export interface ColumnBlock {
  kind: GoalKind;
  columns: ColumnMap;
}

export interface HeaderMap {
  /** Cells a data row has (the header's width, or its second row's when that is wider). */
  width: number;
  headers: HeaderColumn[];
  /** One block, or two when 长期 and 年度 stand side by side. */
  blocks: ColumnBlock[];
  /** The second header rows folded in. */
  subHeaders: Row[];
}

type Block = GoalKind | null;

interface Classified {
  role: ColumnRole;
  block: Block;
  label: string;
  cutShort: boolean;
}

const LEVELS: readonly ColumnRole[] = ['level1', 'level2', 'level3'];
/** Roles that appear once per block when blocks stand side by side; the others once per table. */
export const PER_BLOCK_ROLES = ['level2', 'level3', 'comparator', 'target', 'unit', 'previous', 'last', 'actual', 'weight', 'score'] as const;
const PER_BLOCK = new Set<ColumnRole>(PER_BLOCK_ROLES);
/** Roles a second header row may name. */
const SUB_ROLES = new Set<ColumnRole>(['target', 'actual', 'previous', 'last', 'comparator', 'unit', 'weight', 'score']);
/** A second-row label that only groups the ones below it (§3's 近两年指标值). */
export const GROUP_LABEL = /^近两年(指标|实际)?值$/;
const TAIL = /\(([^()]*)\)$/;
const LONG_TAIL = /^(长期|中期|实施期)$/;
const ANNUAL_TAIL = /^(年度|当年|本年度?)$/;
const LONG_LABEL = /长期|中期|实施期/;
const MIN_SHARE = 0.6;

/**
 * The column map of a header row, or null when the row is not an indicator header: it needs 3 or
 * more non-empty cells, most of them (60 %) known labels, and a 三级 column or both 一级 and 二级.
 */
export function readHeader(row: Row, family: TableFamily): HeaderMap | null {
  const cells = row.cells;
  if (cells.length < 3) return null;
  let nonEmpty = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i].text !== '') nonEmpty++;
  if (nonEmpty < 3) return null;
  const classified = classifyRow(row, family);
  let known = 0;
  const has = new Set<ColumnRole>();
  for (let i = 0; i < classified.length; i++) {
    if (cells[i].text !== '' && classified[i].role !== 'extra') known++;
    has.add(classified[i].role);
  }
  if (known < MIN_SHARE * nonEmpty) return null;
  if (!has.has('level3') && !(has.has('level1') && has.has('level2'))) return null;
  const headers: HeaderColumn[] = classified.map((c, index) => ({ index, role: c.role, label: c.label, cutShort: c.cutShort, cell: cells[index] }));
  return {
    width: cells.length,
    headers,
    blocks: blocksOf(
      headers,
      classified.map((c) => c.block),
    ),
    subHeaders: [],
  };
}

/** Folds a second header row into the map, or returns false when the row is not one. */
export function addSubHeader(map: HeaderMap, row: Row, family: TableFamily): boolean {
  const cells = row.cells;
  // Its 一级/二级/三级 columns are empty (a data row's are not) and every other cell names a sub-column.
  for (const h of map.headers) if (LEVELS.includes(h.role) && cells[h.index] && cells[h.index].text !== '') return false;
  const subs: { index: number; role: ColumnRole | null; label: string }[] = [];
  const matcher = labels(family).columns;
  for (let i = 0; i < cells.length; i++) {
    const key = labelKey(cells[i].text);
    if (key === '') continue;
    if (GROUP_LABEL.test(key)) {
      subs.push({ index: i, role: null, label: cells[i].text });
      continue;
    }
    const role = matcher.exact(key).find((r) => SUB_ROLES.has(r));
    if (role === undefined) return false;
    subs.push({ index: i, role, label: cells[i].text });
  }
  if (subs.length === 0 || map.blocks.length > 1) return false;
  let headers = map.headers;
  if (cells.length > map.width) {
    // The first row's cell above the first sub-label spans the extra columns: later columns move right.
    const k = cells.length - map.width;
    const f = subs[0].index;
    const spanning = headers[f];
    headers = [];
    for (const h of map.headers) {
      if (h.index < f) headers.push(h);
      else if (h.index === f)
        for (let j = 0; j <= k; j++)
          headers.push({
            index: f + j,
            role: spanning?.role ?? 'extra',
            label: spanning?.label ?? '',
            cutShort: spanning?.cutShort ?? false,
            cell: spanning?.cell ?? null,
          });
      else headers.push({ ...h, index: h.index + k });
    }
    for (let i = headers.length; i < cells.length; i++) headers.push({ index: i, role: 'extra', label: '', cutShort: false, cell: null });
  } else headers = headers.map((h) => ({ ...h }));
  for (const s of subs)
    if (s.role !== null && headers[s.index]) headers[s.index] = { index: s.index, role: s.role, label: s.label, cutShort: false, cell: cells[s.index] };
  map.headers = headers;
  map.width = Math.max(map.width, cells.length);
  map.blocks = blocksOf(
    headers,
    headers.map(() => map.blocks[0].kind),
  );
  map.subHeaders.push(row);
  return true;
}

function classifyRow(row: Row, family: TableFamily): Classified[] {
  const matcher = labels(family).columns;
  const taken = new Set<string>();
  const out: Classified[] = [];
  let lastLevel = new Map<Block, number>();
  for (let i = 0; i < row.cells.length; i++) {
    const text = row.cells[i].text;
    const key = labelKey(text);
    let base = key;
    let block: Block = null;
    const tail = TAIL.exec(key);
    if (tail && tail.index > 0) {
      if (LONG_TAIL.test(tail[1])) block = 'long';
      else if (ANNUAL_TAIL.test(tail[1])) block = 'annual';
      base = key.slice(0, tail.index);
    }
    const allowed = (role: ColumnRole): boolean => {
      if (role === 'label') return i === 0 && !taken.has('label');
      if (taken.has(takenKey(role, block))) return false;
      const level = LEVELS.indexOf(role);
      if (level >= 0) {
        const last = lastLevel.get(block) ?? lastLevel.get(null) ?? -1;
        if (level <= last && block === null) return false;
      }
      return true;
    };
    let role: ColumnRole = 'extra';
    let cutShort = false;
    if (key !== '') {
      const exact = matcher.exact(key).length ? matcher.exact(key) : matcher.exact(base);
      const hit = exact.find(allowed);
      if (hit !== undefined) role = hit;
      else if (exact.length === 0) {
        const prefixed = matcher.prefixOf(base).filter(allowed);
        if (prefixed.includes('label')) role = 'label';
        else if (prefixed.length === 1) role = prefixed[0];
        cutShort = role !== 'extra';
      }
    }
    if (role !== 'extra') taken.add(takenKey(role, block));
    const level = LEVELS.indexOf(role);
    if (level >= 0) lastLevel = new Map(lastLevel).set(block, level);
    out.push({ role, block, label: text, cutShort });
  }
  return out;
}

const takenKey = (role: ColumnRole, block: Block) => (PER_BLOCK.has(role) && block !== null ? `${role}:${block}` : role);

/** The column map of each block: shared columns (label, 一级, 依据 …) in every block, per-block ones in theirs. */
function blocksOf(headers: readonly HeaderColumn[], blockOf: readonly Block[]): ColumnBlock[] {
  const kinds: GoalKind[] = [];
  for (const b of blockOf) if (b !== null && !kinds.includes(b)) kinds.push(b);
  if (kinds.length === 0) {
    const label = headers.find((h) => h.role === 'label');
    kinds.push(label && LONG_LABEL.test(label.label) ? 'long' : 'annual');
  }
  return kinds.map((kind) => {
    const find = (role: ColumnRole): number => {
      let shared = -1;
      for (let i = 0; i < headers.length; i++) {
        if (headers[i].role !== role) continue;
        if (blockOf[i] === kind || (kinds.length === 1 && blockOf[i] !== null)) return i;
        if (blockOf[i] === null && shared < 0) shared = i;
      }
      return shared;
    };
    const orNull = (n: number) => (n < 0 ? null : n);
    const columns: ColumnMap = {
      width: headers.length,
      label: find('label'),
      level1: find('level1'),
      level2: find('level2'),
      level3: find('level3'),
      previous: orNull(find('previous')),
      last: orNull(find('last')),
      target: find('target'),
      basis: find('basis'),
      comparator: orNull(find('comparator')),
      unit: orNull(find('unit')),
      actual: orNull(find('actual')),
      weight: orNull(find('weight')),
      score: orNull(find('score')),
      reason: orNull(find('reason')),
      headers,
    };
    return { kind, columns };
  });
}
