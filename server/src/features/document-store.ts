/**
 * Open documents: per URI the version, the parsed model and a TextDocument (for offsets).
 * An edit is applied to the model with `updateDocument` (only the touched sections are
 * re-parsed) and to the TextDocument with its own incremental update; neither reparses the
 * whole text. A full-text change (no range) is still handled: updateDocument reparses then.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { DocumentModel } from '../core/model';
import { parseDocument, updateDocument, type TextChange } from '../core/parse/document';
import { emptyModel, limitFor, type DocumentLimit } from './limits';

export interface StoredDocument {
  uri: string;
  languageId: string;
  version: number;
  model: DocumentModel;
  document: TextDocument;
  /** Set when the text is over the size limit (./limits.ts): then `model` is empty and the text is only kept in sync. */
  limited: DocumentLimit | null;
}

export class DocumentStore {
  private readonly docs = new Map<string, StoredDocument>();

  open(uri: string, languageId: string, version: number, text: string): StoredDocument {
    const limited = limitFor(text);
    const entry: StoredDocument = {
      uri,
      languageId,
      version,
      model: limited ? emptyModel() : parseDocument(text),
      document: TextDocument.create(uri, languageId, version, text),
      limited,
    };
    this.docs.set(uri, entry);
    return entry;
  }

  /** Applies LSP content changes in order; returns the new entry, or undefined for an unknown URI. */
  change(uri: string, version: number, changes: readonly TextChange[]): StoredDocument | undefined {
    const prev = this.docs.get(uri);
    if (!prev) return undefined;
    const document = TextDocument.update(prev.document, changes as TextDocumentContentChangeEvent[], version);
    // Over the size limit: keep only the text. Crossing the limit either way reparses or drops the model.
    const limited = limitFor(document.getText());
    const entry: StoredDocument = {
      uri,
      languageId: prev.languageId,
      version,
      model: limited ? emptyModel() : prev.limited ? parseDocument(document.getText()) : updateDocument(prev.model, changes),
      document,
      limited,
    };
    this.docs.set(uri, entry);
    return entry;
  }

  close(uri: string): void {
    this.docs.delete(uri);
  }

  get(uri: string): StoredDocument | undefined {
    return this.docs.get(uri);
  }

  all(): StoredDocument[] {
    return [...this.docs.values()];
  }
}
