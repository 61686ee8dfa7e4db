/**
 * Line splitting with the same notion of a line break as LSP: `\r\n`, `\n` and `\r`.
 * Each line keeps the break that ends it, so a section can be rebuilt byte for byte
 * (needed to apply an edit to a few sections without touching the rest of the text).
 */
export interface SplitLines {
  lines: string[];
  eols: string[];
}

export function splitLines(text: string): SplitLines {
  const n = text.length;
  if (text.indexOf('\r') < 0) {
    // The usual case (LF only): the native split is much faster than an indexOf/slice loop that
    // pushes, and every break is a '\n'.
    const lines = text.split('\n');
    const eols: string[] = new Array<string>(lines.length).fill('\n');
    eols[eols.length - 1] = '';
    return { lines, eols };
  }
  const lines: string[] = [];
  const eols: string[] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push(text.slice(start, i));
      eols.push('\n');
      start = i + 1;
    } else if (c === 13 /* \r */) {
      lines.push(text.slice(start, i));
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
        eols.push('\r\n');
        i++;
      } else {
        eols.push('\r');
      }
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  eols.push('');
  return { lines, eols };
}

export function joinLines(lines: readonly string[], eols: readonly string[], from = 0, to = lines.length): string {
  let s = '';
  for (let i = from; i < to; i++) s += lines[i] + eols[i];
  return s;
}
