/** The unified diff a dry run shows: git's own, made from scratch files, so nothing in the site changes. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileChange } from './branch.js';
import { gitRaw } from './git.js';

/** A `git diff` of each change (`a/<path>` before, `b/<path>` after; `/dev/null` for a new file). */
export async function diffChanges(changes: readonly FileChange[]): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'postmortem-diff-'));
  try {
    let out = '';
    for (const change of changes) {
      const before = join('a', ...change.path.split('/'));
      const after = join('b', ...change.path.split('/'));
      await mkdir(dirname(join(scratch, after)), { recursive: true });
      await writeFile(join(scratch, after), change.content);
      if (change.previous !== null) {
        await mkdir(dirname(join(scratch, before)), { recursive: true });
        await writeFile(join(scratch, before), change.previous);
      }
      // Exit code 1 means "differs", which is the point; empty prefixes because the folders are a/ and b/.
      const result = await gitRaw(scratch, [
        'diff',
        '--no-index',
        '--no-color',
        '--src-prefix=',
        '--dst-prefix=',
        '--',
        change.previous === null ? '/dev/null' : `a/${change.path}`,
        `b/${change.path}`,
      ]);
      // Against /dev/null git names both sides after the new file: the old side is a/ by convention.
      out += change.previous === null ? result.stdout.replace(/^diff --git b\//, 'diff --git a/') : result.stdout;
    }
    return out;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
