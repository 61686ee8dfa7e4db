/**
 * `check --format sarif`: SARIF 2.1.0, the format code-scanning tools read (GitHub code scanning,
 * Azure DevOps, the SARIF viewer for VS Code). One run: the tool with every rule of the registry
 * (its title and description in the CLI's locale, its page as helpUri when the package has it), one
 * artifact per file checked (with its encoding), one result per problem with the section it is in
 * as a property, and the files that could not be read (or hold no target table) as the
 * invocation's notifications. Paths are relative to the working directory (`%SRCROOT%`), as a
 * repository's tools expect; a file outside it gets its absolute `file:` URI.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { msg, type Locale } from '../core/locale';
import { RULE_DOCS_DIR, ruleDocUri } from '../core/rule-docs';
import { RULES } from '../core/rules/index';
import type { Severity } from '../core/rules/types';
import { EXIT, STDIN_NAME } from './io';
import type { FileOutcome } from './output';

/** package.json `version` (test/unit/cli/sarif.test.ts keeps them equal). */
export const TOOL_VERSION = '0.1.0';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path as a relative URI reference (each segment percent-encoded), or a `file:` URI when it is outside `cwd`. */
function artifactLocation(name: string, cwd: string): Sarif.ArtifactLocation {
  if (name === STDIN_NAME) return { description: { text: '标准输入 standard input' } };
  const abs = path.resolve(cwd, name);
  const rel = path.relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function toSarif(outcomes: readonly FileOutcome[], locale: Locale, exitCode: number, cwd: string = process.cwd()): Sarif.Log {
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.code, i]));
  const rules: Sarif.ReportingDescriptor[] = RULES.map((r) => {
    const rule: Sarif.ReportingDescriptor = {
      id: r.code,
      name: r.name,
      shortDescription: { text: msg(r.title, locale) },
      fullDescription: { text: msg(r.description, locale) },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties: { fixable: r.fixable },
    };
    const help = ruleDocUri(r.code);
    if (help) rule.helpUri = help;
    return rule;
  });
  const driver: Sarif.ToolComponent = { name: 'target-table', version: TOOL_VERSION, semanticVersion: TOOL_VERSION, rules };
  if (RULE_DOCS_DIR !== null) driver.informationUri = pathToFileURL(RULE_DOCS_DIR + path.sep).href;

  const artifacts: Sarif.Artifact[] = [];
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const o of outcomes) {
    const location = artifactLocation(o.name, cwd);
    for (const c of o.complaints) {
      notifications.push({
        level: c.exitCode === EXIT.noTable ? 'warning' : 'error',
        message: { text: c.message },
        locations: [{ physicalLocation: { artifactLocation: location } }],
        properties: { exitCode: c.exitCode },
      });
    }
    if (!o.checked) continue;
    const index = artifacts.length;
    const artifact: Sarif.Artifact = { location, length: o.bytes };
    if (o.encoding !== null) artifact.encoding = o.encoding;
    artifacts.push(artifact);
    for (const p of o.problems) {
      const result: Sarif.Result = {
        ruleId: p.code,
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...location, index },
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
        properties: { section: p.section, severity: p.severity },
      };
      const ri = ruleIndex.get(p.code);
      if (ri !== undefined) result.ruleIndex = ri;
      results.push(result);
    }
  }
  const invocation: Sarif.Invocation = {
    executionSuccessful: exitCode === EXIT.ok || exitCode === EXIT.problems || exitCode === EXIT.noTable,
    exitCode,
  };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [invocation],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        // Positions are UTF-16 code units, as in the editor (an astral character counts 2).
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
      },
    ],
  };
}
