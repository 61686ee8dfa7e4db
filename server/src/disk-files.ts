/**
 * Reading a file the editor has not opened, for the requests that cover files beyond the open ones
 * (`targetTable/export`: a folder's submissions). The server otherwise works on the text it is sent
 * (a virtual workspace needs no disk: test/unit/features/virtual-workspaces.test.ts), so this is the
 * one module of the server that reads files, and only `file:` URIs.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export type DiskRead = { bytes: Uint8Array } | { error: 'notFile' | 'unreadable' };

export function readFileUri(uri: string): DiskRead {
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return { error: 'notFile' };
  }
  try {
    return { bytes: fs.readFileSync(file) };
  } catch {
    return { error: 'unreadable' };
  }
}
