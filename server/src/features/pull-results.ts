/**
 * One document's result ids for pull diagnostics (`textDocument/diagnostic`) that name the content sent, not the
 * document version. VS Code pulls after every keystroke; most keystrokes (typing inside a text
 * cell) change no problem at all, and then the answer is `unchanged` instead of the whole list
 * again (up to `targetTable.maxProblems` diagnostics, serialised, sent, turned into markers).
 * Content is compared as the per-department JSON pieces the diagnostics cache keeps anyway: a
 * department that was not re-checked hands back the very same Buffer, an edited one is compared
 * byte for byte. An edit that moves any problem (a line inserted above it) changes its JSON.
 */
export class PullResult {
  #last: { id: string; pieces: readonly Buffer[] } | undefined = undefined;
  #counter = 0;

  /** The result id for `pieces`: the previous id when they are the same bytes, else a new one. */
  resultId(pieces: readonly Buffer[]): string {
    const prev = this.#last;
    if (prev && samePieces(prev.pieces, pieces)) return prev.id;
    const id = String(++this.#counter);
    this.#last = { id, pieces };
    return id;
  }
}

function samePieces(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !a[i].equals(b[i])) return false;
  return true;
}
