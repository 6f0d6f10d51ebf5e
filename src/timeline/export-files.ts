/** The files of an export, from a folder or a `.zip`, read with bounds. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readBounded } from '../lint/read.js';
import { readZipEntries, ZipError } from './zip.js';

/** Files of an export by their `/`-separated names inside it. */
export interface ExportFiles {
  /** All names (`users.json`, `incident/2024-03-05.json`), whether read or not. */
  names: string[];
  /** A file's text, or why it could not be read. */
  read(name: string): { text: string } | { problem: string };
}

/** Largest `.zip` read at all. */
const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');

/** The JSON files of an export folder, down to one level of subfolders. */
export function folderFiles(dir: string): ExportFiles {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.json')) names.push(entry.name);
    else if (entry.isDirectory())
      for (const inner of readdirSync(join(dir, entry.name), { withFileTypes: true }))
        if (inner.isFile() && inner.name.endsWith('.json')) names.push(`${entry.name}/${inner.name}`);
  }
  return {
    names,
    read(name) {
      const got = readBounded(join(dir, ...name.split('/')));
      return 'problem' in got ? got : { text: decoder.decode(got.bytes) };
    },
  };
}

/** The JSON files of an export archive that `wanted` picks (every name is listed); throws ZipError. */
export function zipFiles(path: string, wanted: (name: string) => boolean): ExportFiles {
  const stats = statSync(path);
  if (!stats.isFile()) throw new ZipError('not a regular file');
  if (stats.size > MAX_ZIP_BYTES) throw new ZipError(`an archive of ${stats.size} bytes (at most 1 GB are read)`);
  // readBounded stops at 5 MB (a postmortem); an archive is larger, and its size was checked above.
  const got = new Uint8Array(readFileSync(path));
  const names: string[] = [];
  const entries = readZipEntries(got, (name) => {
    names.push(name);
    return name.endsWith('.json') && wanted(name);
  });
  return {
    names,
    read(name) {
      const bytes = entries.get(name);
      return bytes ? { text: decoder.decode(bytes) } : { problem: 'not in the archive' };
    },
  };
}
