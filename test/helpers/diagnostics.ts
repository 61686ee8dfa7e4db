/** Building diagnostics the ways the tests compare: the reference (no caches) and the server's cached, windowed path. */
import type { Diagnostic } from 'vscode-languageserver';
import type { DocumentModel } from '../../server/src/core/model';
import { DiagnosticsMemory, documentProblems, toDiagnostic, type DiagnosticsContext } from '../../server/src/features/diagnostics';
import { checkPending, sentDiagnostics } from '../../server/src/features/diagnostics';
import type { Settings } from '../../server/src/core/settings';
import type { Locale } from '../../server/src/core/locale';

/** Every diagnostic of a document, converted one by one from its problems: what the cached path must equal. */
export function referenceDiagnostics(model: DocumentModel, uri: string, settings: Settings, locale: Locale): Diagnostic[] {
  return documentProblems(model, settings).map((p) => toDiagnostic(p, uri, locale));
}

/** One memory per URI, as a document's session keeps one across its sends. */
const memories = new Map<string, DiagnosticsMemory>();

/** The context a document's session would give `sentDiagnostics` / `checkPending`. */
export function sendContext(
  model: DocumentModel,
  uri: string,
  settings: Settings,
  locale: Locale,
  focusLine = 0,
  maxProblems = settings.maxProblems,
): DiagnosticsContext {
  let memory = memories.get(uri);
  if (!memory) memories.set(uri, (memory = new DiagnosticsMemory()));
  return { model, uri, settings: maxProblems === settings.maxProblems ? settings : { ...settings, maxProblems }, locale, focusLine, memory };
}

/** Every diagnostic through the server's cached path (no limit; a big file's background check run to its end first). */
export function cachedDiagnostics(model: DocumentModel, uri: string, settings: Settings, locale: Locale): Diagnostic[] {
  const ctx = sendContext(model, uri, settings, locale, 0, 0);
  while (checkPending(ctx, Infinity));
  return sentDiagnostics(ctx).diagnostics;
}
