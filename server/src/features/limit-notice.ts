/** Saying, in the log and to the user, that a document crossed the size limit (./limits.ts), either way. */
import { documentLength } from '../core/parse/document';
import type { Locale } from '../core/locale';
import { storedText, type StoredDocument } from './document-store';
import { limitLogMessage, limitMessage, unlimitedLogMessage, type DocumentLimit } from './limits';

export interface LimitNoticeOutput {
  warn(message: string): void;
  info(message: string): void;
  /** A notification to the user (window/showMessage). */
  showWarning(message: string): void;
}

export function announceLimit(out: LimitNoticeOutput, before: DocumentLimit | null, doc: StoredDocument, locale: Locale): void {
  if (doc.limited && !before) {
    const bytes = Buffer.byteLength(storedText(doc), 'utf8');
    let file = doc.uri;
    try {
      file = decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1)) || doc.uri;
    } catch {
      // keep the URI
    }
    out.warn(limitLogMessage(doc.limited, bytes, doc.uri));
    out.showWarning(limitMessage(doc.limited, bytes, file, locale));
  } else if (!doc.limited && before) {
    out.info(unlimitedLogMessage(doc.uri, documentLength(doc.model)));
  }
}
