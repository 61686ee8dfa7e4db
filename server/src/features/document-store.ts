/**
 * Open documents: per URI the version, the parsed model and a TextDocument (for offsets).
 * An edit is applied to the model with `updateDocument` (only the touched sections are
 * re-parsed) and to the TextDocument with its own incremental update; neither reparses the
 * whole text. A full-text change (no range) is still handled: updateDocument reparses then.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { DocumentModel } from '../core/model';
import { parseDocument, updateDocument, type TextChange } from '../core/parse/document';

export interface StoredDocument {
  uri: string;
  languageId: string;
  version: number;
  model: DocumentModel;
  document: TextDocument;
}

export class DocumentStore {
  private readonly docs = new Map<string, StoredDocument>();

  open(uri: string, languageId: string, version: number, text: string): StoredDocument {
    const entry: StoredDocument = {
      uri,
      languageId,
      version,
      model: parseDocument(text),
      document: TextDocument.create(uri, languageId, version, text),
    };
    this.docs.set(uri, entry);
    return entry;
  }

  /** Applies LSP content changes in order; returns the new entry, or undefined for an unknown URI. */
  change(uri: string, version: number, changes: readonly TextChange[]): StoredDocument | undefined {
    const prev = this.docs.get(uri);
    if (!prev) return undefined;
    const entry: StoredDocument = {
      uri,
      languageId: prev.languageId,
      version,
      model: updateDocument(prev.model, changes),
      document: TextDocument.update(prev.document, changes as TextDocumentContentChangeEvent[], version),
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
