/**
 * The review config (`.target-table.json`, core/config) in the editor: which config applies to an open
 * document, the document's settings with it laid over the editor's, and the config files' own problems.
 *
 * Only documents with a file: URI have a config: the config is found by walking up the file's folders
 * on disk. A config file open in the editor is read from its text, saved or not (the client syncs it:
 * client/src/selector.ts), so an edit to it (the suppression code actions' included) applies at once;
 * any other is read from disk, again whenever its modification time or size changes. The server watches
 * `**\/.target-table.json` (workspace/didChangeWatchedFiles) and re-checks the open documents when one
 * is created, changed or deleted.
 *
 * A config file's problems are diagnostics of that file while it is open (pushed, or answered to a
 * pull), like VS Code's own JSON validation; a broken config that is not open is said once per text in
 * the server's log. Publishing for a closed file would stay in the Problems panel after the file is
 * fixed by another program, and a pull client would show both the pushed and the pulled list once the
 * file is opened.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_NAME,
  FILE_SYSTEM_READER,
  fileStamp,
  findConfigFile,
  isIgnored,
  parseConfig,
  settingsFor,
  type ConfigReader,
  type LoadedConfig,
} from '../core/config';
import { msg, type Locale } from '../core/locale';
import type { Settings } from '../core/settings';
import type { TextChange } from '../core/parse/document';
import { SOURCE } from './diagnostics';
import { uriPath } from './workspace-files';

/** The glob the client is asked to watch. */
export const CONFIG_WATCH_GLOB = `**/${CONFIG_FILE_NAME}`;

/** A file: URI's path; null for any other scheme (untitled, vscode-vfs …): those have no config. */
export const filePathOf = uriPath;

export function fileUriOf(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** Whether `uri` names a review config file. */
export function isConfigUri(uri: string): boolean {
  const p = filePathOf(uri);
  return p !== null && path.basename(p) === CONFIG_FILE_NAME;
}

interface Cached {
  config: LoadedConfig;
  /** `mtimeMs:size` of the file it was read from (null when read from the editor's text), */
  stamp: string | null;
  /** or the version of the editor's text it was read from. */
  version: number | null;
}

/** Where a suppression is written for a document: the nearest config, or a new one in its workspace folder. */
export interface ConfigTarget {
  path: string;
  uri: string;
  /** The config's text now (the editor's when open); undefined when the file does not exist yet. */
  text: string | undefined;
  /** The open config's version, for a versioned edit; null when not open. */
  version: number | null;
}

export class ReviewConfigs {
  /** Config files open in the editor, by path. */
  readonly #open = new Map<string, TextDocument>();
  readonly #cache = new Map<string, Cached>();
  /** Config texts whose problems were logged (a closed config is said once per text). */
  readonly #logged = new Set<string>();
  constructor(
    private readonly log: (message: string) => void,
    private readonly localeOf: () => Locale,
    /** The workspace folders' URIs now (./workspace-folders.ts owns them), where a new config is created. */
    private readonly workspaceFolders: () => readonly string[] = () => [],
  ) {}

  /** Reads open config files from the editor's text, others from disk. */
  readonly reader: ConfigReader = {
    read: (p) => this.#open.get(p)?.getText() ?? FILE_SYSTEM_READER.read(p),
    exists: (p) => this.#open.has(p) || FILE_SYSTEM_READER.exists!(p),
  };

  /** The config that applies to the document `uri`, or null (none found, or not a file: URI). */
  configFor(uri: string): LoadedConfig | null {
    const file = filePathOf(uri);
    if (file === null) return null;
    const found = findConfigFile(file, this.reader);
    return found === null ? null : this.load(found);
  }

  /** Whether the config that applies to `uri` leaves it out (`ignores`): for the workspace check. */
  ignored(uri: string): boolean {
    const file = filePathOf(uri);
    return file !== null && isIgnored(this.configFor(uri), file);
  }

  /** The document's settings: the editor's, with the config that applies to it laid over them. */
  settingsFor(uri: string, base: Settings): Settings {
    const file = filePathOf(uri);
    if (file === null) return base;
    const config = this.configFor(uri);
    if (config && config.problems.length > 0 && !this.#open.has(config.path) && !this.#logged.has(config.key)) {
      this.#logged.add(config.key);
      const locale = this.localeOf();
      for (const p of config.problems) this.log(`${config.path}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${msg(p.message, locale)}`);
    }
    return settingsFor(config, base, file);
  }

  private load(file: string): LoadedConfig {
    const open = this.#open.get(file);
    const stamp = open ? null : fileStamp(file);
    const version = open ? open.version : null;
    const hit = this.#cache.get(file);
    if (hit && hit.version === version && hit.stamp === stamp) return hit.config;
    const config = parseConfig(file, this.reader.read(file) ?? '');
    this.#cache.set(file, { config, stamp, version });
    return config;
  }

  // ---- config documents open in the editor ----

  /** didOpen of a config file: returns false when `uri` is not one (then it is a target-table document). */
  opened(uri: string, version: number, text: string): boolean {
    const file = isConfigUri(uri) ? filePathOf(uri) : null;
    if (file === null) return false;
    this.#open.set(file, TextDocument.create(uri, 'json', version, text));
    return true;
  }

  changed(uri: string, version: number, changes: readonly TextChange[]): boolean {
    const file = filePathOf(uri);
    const doc = file === null ? undefined : this.#open.get(file);
    if (!doc || file === null) return false;
    this.#open.set(file, TextDocument.update(doc, changes as Parameters<typeof TextDocument.update>[1], version));
    return true;
  }

  closed(uri: string): boolean {
    const file = filePathOf(uri);
    if (file === null || !this.#open.delete(file)) return false;
    this.#cache.delete(file);
    return true;
  }

  /** Whether `uri` is a config file open in the editor (its diagnostics are the config's problems). */
  isOpen(uri: string): boolean {
    const file = filePathOf(uri);
    return file !== null && this.#open.has(file);
  }

  /** The problems of the open config `uri` as diagnostics. */
  diagnostics(uri: string): Diagnostic[] {
    const file = filePathOf(uri);
    if (file === null || !this.#open.has(file)) return [];
    const locale = this.localeOf();
    return this.load(file).problems.map((p) => ({
      range: p.range,
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: SOURCE,
      message: msg(p.message, locale),
    }));
  }

  /** workspace/didChangeWatchedFiles: whether a config file changed (then every open document is checked again). */
  filesChanged(changes: readonly FileEvent[] | undefined): boolean {
    let any = false;
    // A client's params are not trusted to be well formed: a bad event is skipped, never thrown on.
    for (const c of Array.isArray(changes) ? changes : []) {
      if (!c || typeof c.uri !== 'string') continue;
      const file = filePathOf(c.uri);
      if (file === null || path.basename(file) !== CONFIG_FILE_NAME) continue;
      if (c.type === FileChangeType.Deleted || c.type === FileChangeType.Changed) this.#cache.delete(file);
      any = true;
    }
    return any;
  }

  /** Where "ignore in the review config" writes for the document `uri`; null without a file: URI. */
  targetFor(uri: string): ConfigTarget | null {
    const file = filePathOf(uri);
    if (file === null) return null;
    const found = findConfigFile(file, this.reader);
    const configPath = found ?? path.join(this.folderOf(file), CONFIG_FILE_NAME);
    const open = this.#open.get(configPath);
    return { path: configPath, uri: open?.uri ?? fileUriOf(configPath), text: this.reader.read(configPath), version: open?.version ?? null };
  }

  /** The workspace folder holding `file` (the innermost), else the file's own folder. */
  private folderOf(file: string): string {
    let best: string | null = null;
    for (const uri of this.workspaceFolders()) {
      const f = filePathOf(uri);
      if (f === null) continue;
      const rel = path.relative(f, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (best === null || f.length > best.length)) best = f;
    }
    return best ?? path.dirname(file);
  }
}
