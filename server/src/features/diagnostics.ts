/**
 * Problems → LSP diagnostics. Every diagnostic carries a stable `code`, `source: "target-table"`,
 * a link to the rule's entry in the README, the message in the client's language and the
 * rule's related places.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { DocumentModel } from '../core/model';
import { checkDocument, type DocumentProblem } from '../core/rules/index';
import type { Severity } from '../core/rules/types';
import { msg, type Locale } from '../i18n';
import type { ServerSettings } from './settings';

export const SOURCE = 'target-table';

/** The one place that knows where the rule list lives: `${RULE_DOCS_BASE}#tt201`. */
export const RULE_DOCS_BASE = 'https://github.com/target-table/target-table';

export function ruleHref(code: string): string {
  return `${RULE_DOCS_BASE}#${code.toLowerCase()}`;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** All problems of a document, absolute ranges, configured severities, 'off' rules dropped. */
export function documentProblems(model: DocumentModel, settings: ServerSettings): DocumentProblem[] {
  return checkDocument(model.sections, settings.rules, settings.severity);
}

export function toDiagnostic(p: DocumentProblem, uri: string, locale: Locale): Diagnostic {
  const d: Diagnostic = {
    range: p.range,
    severity: SEVERITY[p.severity],
    code: p.code,
    codeDescription: { href: ruleHref(p.code) },
    source: SOURCE,
    message: msg(p.message, locale),
  };
  if (p.related && p.related.length > 0) {
    d.relatedInformation = p.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: r.range }, message: msg(r.message, locale) }),
    );
  }
  return d;
}

export function computeDiagnostics(model: DocumentModel, uri: string, settings: ServerSettings, locale: Locale): Diagnostic[] {
  return documentProblems(model, settings).map((p) => toDiagnostic(p, uri, locale));
}
