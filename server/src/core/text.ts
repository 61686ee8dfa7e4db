/** Character-level helpers shared by the parser and the rules. */
import { hasSpace } from './parse/cell';

/**
 * Removes all whitespace (ASCII, U+3000 …), as labels and names are compared (`产出 指标` is
 * `产出指标`). Most labels and names have none: a scan is much cheaper than a global replace, and
 * the parser and the rules compact every row's labels.
 */
export function compact(s: string): string {
  return hasSpace(s) ? s.replace(/\s+/g, '') : s;
}

/** Full-width digits (０-９) → ASCII digits; everything else as it is. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
