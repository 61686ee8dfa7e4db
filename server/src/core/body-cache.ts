/**
 * Results computed from a section body, kept by whoever computes them. A body is immutable and
 * shared by successive models while an edit does not touch it, so a result made from it never goes
 * stale and lives exactly as long as the body: the entries are weakly held, keyed by the body.
 * Each producer (the rule runner, the diagnostics, the outline, …) owns its own cache of its own
 * type, in the spirit of vscode-markdown-languageservice's `MdDocumentInfoCache<T>`; the model
 * itself holds parsed data only.
 *
 * Keep plain data here (ranges, messages, symbols, JSON): a tree node kept in an entry would keep
 * the section's whole tree alive (trees are built on demand, parse/section.ts). What holds tree
 * nodes belongs in the tree's memo (./tree-memo.ts).
 */
import type { SectionBody } from './model';

export class BodyCache<T> {
  readonly #entries = new WeakMap<SectionBody, T>();

  get(body: SectionBody): T | undefined {
    return this.#entries.get(body);
  }

  set(body: SectionBody, value: T): void {
    this.#entries.set(body, value);
  }

  /** The entry of `body`, made by `make` the first time. */
  getOrCreate(body: SectionBody, make: (body: SectionBody) => T): T {
    let v = this.#entries.get(body);
    if (v === undefined) {
      v = make(body);
      this.#entries.set(body, v);
    }
    return v;
  }
}
