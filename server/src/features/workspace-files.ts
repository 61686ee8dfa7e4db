/**
 * Which files of the workspace folders are target-table files, and how one is read from disk, for
 * the workspace scope (./workspace-check.ts). The only place where the language server reads files:
 * with `targetTable.scope: "open"` it works on the text the editor sends, as before.
 *
 * It is the one module of the server that touches the file system (test/unit/features/virtual-workspaces.test.ts),
 * and only for `file:` workspace folders whose scope is "workspace"; a virtual workspace has nothing to list.
 *
 * Patterns are VS Code's: the language's extensions and `filenamePatterns` (package.json) plus the
 * user's `files.associations` for the language, which the extension sends at initialize. A pattern
 * without a slash is matched against the file name, one with a slash against the whole path, as VS
 * Code matches `files.associations`; case does not matter (`.TTABLE` is a target-table file too).
 * The language's `firstLine` test is not applied: it would mean reading the start of every `.txt`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { NEVER_DESCEND, TARGET_TABLE_FILE_PATTERNS } from '../core/file-patterns';

/** At most this many files are checked in a workspace: a folder of submissions has hundreds, not a home directory's worth. */
export const MAX_WORKSPACE_FILES = 5000;

/** A path with forward slashes (globs and file URIs use them on every platform). */
function slashed(p: string): string {
  return p.split(path.sep).join('/');
}

/** Whether a path (absolute, the platform's separators) matches one of `patterns`. */
export function fileMatcher(patterns: readonly string[]): (filePath: string) => boolean {
  const byName: picomatch.Matcher[] = [];
  const byPath: picomatch.Matcher[] = [];
  for (const p of patterns) {
    if (typeof p !== 'string' || p.trim() === '') continue;
    const glob = p.trim();
    (glob.includes('/') ? byPath : byName).push(picomatch(glob, { nocase: true, dot: true }));
  }
  return (filePath) => {
    const name = path.basename(filePath);
    for (const m of byName) if (m(name)) return true;
    if (byPath.length === 0) return false;
    const full = slashed(filePath);
    for (const m of byPath) if (m(full)) return true;
    return false;
  };
}

/** The globs to watch on disk for `patterns` (workspace/didChangeWatchedFiles): a name pattern anywhere in the folders. */
export function watchGlobs(patterns: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of patterns) {
    if (typeof p !== 'string' || p.trim() === '') continue;
    const glob = p.trim();
    out.add(glob.includes('/') ? glob : `**/${glob}`);
  }
  return [...out];
}

/**
 * The patterns of the language from the extension's `initializationOptions.filePatterns` (a list of
 * globs), else the defaults above. Garbage in the option is ignored.
 */
export function filePatternsFrom(option: unknown): string[] {
  if (!Array.isArray(option)) return [...TARGET_TABLE_FILE_PATTERNS];
  const list = option.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return list.length > 0 ? list : [...TARGET_TABLE_FILE_PATTERNS];
}

/**
 * Walks `folder` for the files `matches` takes and `ignored` does not (a folder `ignored` takes is
 * not entered), in a stable order (names sorted per folder), at most `limit` files. Awaits between
 * directories, so the event loop (a keystroke) is never held for more than one directory listing.
 * Unreadable folders are skipped; symbolic links are not followed (a link cycle would never end).
 */
export async function listFiles(
  folder: string,
  matches: (filePath: string) => boolean,
  ignored: (filePath: string) => boolean,
  limit = MAX_WORKSPACE_FILES,
  stopped: () => boolean = () => false,
): Promise<string[]> {
  const out: string[] = [];
  const pending = [folder];
  while (pending.length > 0 && out.length < limit) {
    if (stopped()) break;
    const dir = pending.shift()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!NEVER_DESCEND.has(e.name) && !ignored(full)) subdirs.push(full);
      } else if (e.isFile() && matches(full) && !ignored(full)) {
        out.push(full);
        if (out.length >= limit) break;
      }
    }
    pending.unshift(...subdirs);
  }
  return out;
}

/** Whether a path is inside a folder that is never walked (a watcher reports those too). */
export function inSkippedDir(filePath: string, root: string): boolean {
  const rel = path.relative(root, filePath);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const parts = rel.split(path.sep);
  for (let i = 0; i < parts.length - 1; i++) if (NEVER_DESCEND.has(parts[i])) return true;
  return false;
}

/** A file's bytes (read asynchronously), `'too-large'` over `maxBytes`, or null when it is gone or not a regular file. */
export async function readWorkspaceFile(filePath: string, maxBytes: number): Promise<Buffer | 'too-large' | null> {
  try {
    const st = await fs.promises.stat(filePath);
    if (!st.isFile()) return null;
    if (st.size > maxBytes) return 'too-large';
    return await fs.promises.readFile(filePath);
  } catch {
    return null;
  }
}

/** How a file's bytes were read. */
export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8-lossy';

/**
 * A file's text as the editor would show it with the language's `files.autoGuessEncoding` default
 * (package.json `configurationDefaults`): UTF-8 (BOM or not) and UTF-16 by its BOM; bytes that are not
 * UTF-8 but are valid GB18030 (a GBK export) as GB18030; anything else as UTF-8 with U+FFFD for what
 * cannot be read, which ./encoding-check.ts then reports, as it does in the editor.
 */
export function decodeFile(bytes: Uint8Array): { text: string; encoding: FileEncoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // not UTF-8
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' };
  } catch {
    // not GB18030 either (or a runtime without the decoder): what the editor would show without guessing
  }
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8-lossy' };
}

/** A file URI of an absolute path, encoded as VS Code's `Uri.file(p).toString()` (every byte but `A-Za-z0-9-._~` and `/` percent-encoded, the drive letter in lower case). */
export function fileUri(filePath: string): string {
  let p = slashed(filePath);
  if (!p.startsWith('/')) p = '/' + p; // a Windows drive path
  const drive = /^\/([A-Za-z]):/.exec(p);
  if (drive) p = `/${drive[1].toLowerCase()}:${p.slice(3)}`;
  let out = '';
  for (const b of Buffer.from(p, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~/]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return 'file://' + out;
}

/** The path of a file URI, or null for another scheme (a virtual workspace is not walked). */
export function uriPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
