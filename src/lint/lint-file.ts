import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../model/index.js';
import { lintText, type FileOutcome } from './engine.js';
import type { LintSettings } from './types.js';

/** Reads, lints and (with `fix`) rewrites one file; an unreadable file becomes a message, never a throw. */
export async function lintFile(
  path: string,
  settings: LintSettings,
  options: { fix?: boolean; bytes?: Uint8Array } = {},
): Promise<FileOutcome> {
  let bytes = options.bytes;
  if (!bytes) {
    try {
      // Synchronous: a lint thread has nothing else to do meanwhile, and thousands of small
      // promise-based reads cost more than the parse of the files (measured with npm run bench).
      bytes = readFileSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      const reason =
        code === 'EISDIR' ? 'a folder' : code === 'ENOENT' ? 'no such file' : `an unreadable file (${code})`;
      return {
        result: {
          filePath: path,
          messages: [
            {
              ruleId: 'frontmatter-schema',
              severity: 2,
              message: `Expected a readable postmortem file, found ${reason}.`,
              line: 1,
              column: 1,
            },
          ],
          errorCount: 1,
          warningCount: 0,
          fixableErrorCount: 0,
          fixableWarningCount: 0,
        },
        id: null,
      };
    }
  }
  const outcome = lintText(bytes, path, settings, { fix: options.fix ?? false });
  if (outcome.fixed !== undefined) {
    await writeFileAtomic(path, outcome.fixed, { force: true });
    delete outcome.fixed;
  }
  return outcome;
}
