/**
 * An open document's text: its version and the parsed model. An edit is applied to the model
 * with `updateDocument` (only the touched sections are re-parsed). The model holds the text
 * (each section keeps its lines), so no second copy is kept: a TextDocument would copy the
 * whole text on every keystroke and double the memory.
 * Only a document over the size limit (./limits.ts) keeps its text in a TextDocument instead
 * of a model. A full-text change (no range) is handled too: updateDocument reparses then.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { DocumentModel } from '../core/model';
import { documentLength, documentText, parseDocument, retireReplacedTrees, updateDocument, type TextChange } from '../core/parse/document';
import { retireTree } from '../core/parse/section';
import { MAX_DOCUMENT_CHARS, emptyModel, limitFor, type DocumentLimit } from './limits';

export interface StoredDocument {
  uri: string;
  languageId: string;
  version: number;
  model: DocumentModel;
  /** Set when the text is over the size limit (./limits.ts): then `model` is empty and `limitedText` holds the text. */
  limited: DocumentLimit | null;
  limitedText: TextDocument | null;
}

/** The text of a stored document (built from the model: for rare uses, not per keystroke). */
export function storedText(entry: StoredDocument): string {
  return entry.limitedText ? entry.limitedText.getText() : documentText(entry.model);
}

/** A document as opened (parsed, or kept as text when over the size limit). */
export function openDocument(uri: string, languageId: string, version: number, text: string): StoredDocument {
  const limited = limitFor(text);
  return {
    uri,
    languageId,
    version,
    model: limited ? emptyModel() : parseDocument(text),
    limited,
    limitedText: limited ? TextDocument.create(uri, languageId, version, text) : null,
  };
}

/** `prev` with LSP content changes applied in order, as a new document (`prev` keeps its text; the trees of its replaced sections are retired). */
export function changeDocument(prev: StoredDocument, version: number, changes: readonly TextChange[]): StoredDocument {
  const next = applyChanges(prev, version, changes);
  // `prev` is superseded: the trees of the sections the edit replaced would only wait in the pool.
  retireReplacedTrees(prev.model, next.model);
  return next;
}

function applyChanges(prev: StoredDocument, version: number, changes: readonly TextChange[]): StoredDocument {
  if (!prev.limited && !mayExceedLimit(prev.model, changes)) return { ...prev, version, model: updateDocument(prev.model, changes) };
  // Over the limit, or an edit that may take it there (a huge paste): work on the text, and
  // parse only if the result is under the limit. Crossing the limit either way is announced.
  const before = prev.limitedText ?? TextDocument.create(prev.uri, prev.languageId, prev.version, documentText(prev.model));
  const text = TextDocument.update(before, changes as TextDocumentContentChangeEvent[], version).getText();
  return openDocument(prev.uri, prev.languageId, version, text);
}

/** A closed document's parsed trees leave the pool (they would otherwise stay until others push them out). */
export function releaseDocument(doc: StoredDocument): void {
  for (const ref of doc.model.sections) retireTree(ref.body);
}

/** Whether the text after these changes could be over the limit: an upper bound, no text built. */
function mayExceedLimit(model: DocumentModel, changes: readonly TextChange[]): boolean {
  let n = documentLength(model);
  for (const c of changes) n = c.range ? n + c.text.length : c.text.length;
  return n > MAX_DOCUMENT_CHARS;
}
