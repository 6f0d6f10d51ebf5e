/** Which reader a `--from` source needs: its prefix, else what the path holds. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../model/errors.js';
import { SOURCE_KINDS, type SourceKind } from './types.js';

/** A `--from` value split into the kind it forces (if any) and the path. */
export function splitSource(source: string): { forced: SourceKind | null; path: string } {
  const m = /^([a-z]+):(.+)$/.exec(source);
  if (m && (SOURCE_KINDS as readonly string[]).includes(m[1] as string))
    return { forced: m[1] as SourceKind, path: m[2] as string };
  return { forced: null, path: source };
}

/** The kind of a source that is not a JSON file: a folder (Slack export or git repository) or a `.zip`. */
export function kindOfPath(path: string, shown: string): SourceKind | 'file' {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UsageError(`${shown}: no such file or folder. Check the path given to --from.`);
  }
  if (stats.isDirectory()) {
    const names = readdirSync(path);
    if (names.includes('users.json') || names.includes('channels.json')) return 'slack';
    if (names.includes('.git') || (names.includes('HEAD') && names.includes('objects'))) return 'git';
    const nested = names.find((n) => existsSync(join(path, n, 'channels.json')));
    if (nested) return 'slack';
    throw new UsageError(
      `${shown}: expected a Slack export folder (users.json, channels.json) or a git repository, found neither. ` +
        'Prefix the source with slack:, git: or text: to say what it is.',
    );
  }
  if (!stats.isFile()) throw new UsageError(`${shown}: expected a file or a folder, found something else.`);
  return path.toLowerCase().endsWith('.zip') ? 'slack' : 'file';
}
