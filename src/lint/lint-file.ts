import { lintText, type FileOutcome } from './engine.js';
import { recount } from './result.js';
import { readBounded } from './read.js';
import type { ReadBuffer } from '../model/bounded-read.js';
import type { LintMessage, LintSettings, RuleTimings } from './types.js';

/** The buffer files are read into when they are not fixed, one a thread (see `lintFile`). */
const buffer: ReadBuffer = { bytes: new Uint8Array(64 * 1024) };

function failed(path: string, message: LintMessage): FileOutcome {
  return {
    result: {
      filePath: path,
      messages: [message],
      errorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
    id: null,
  };
}

/**
 * Reads, lints and (with `fix`) rewrites one file. An unreadable file, or a fix that cannot be
 * written, becomes a message on that file, never a throw, so the other files are still linted.
 */
export async function lintFile(
  path: string,
  settings: LintSettings,
  options: { fix?: boolean; bytes?: Uint8Array; timings?: RuleTimings } = {},
): Promise<FileOutcome> {
  let bytes = options.bytes;
  if (!bytes) {
    // Synchronous: a lint thread has nothing else to do meanwhile, and thousands of small
    // promise-based reads cost more than the parse of the files (measured with npm run bench).
    // Into one buffer a thread when nothing is written back: the bytes are only decoded (synchronously,
    // before the next file is read), and a fresh zeroed array a file is garbage the collector must chase.
    // A fix reads them again after an await, so it gets bytes of its own.
    const read = options.fix ? readBounded(path) : readBounded(path, buffer);
    if ('problem' in read) {
      return failed(path, {
        ruleId: 'frontmatter-schema',
        severity: 2,
        message: `Expected a readable postmortem file, found ${read.problem}.`,
        line: 1,
        column: 1,
      });
    }
    bytes = read.bytes;
  }
  const outcome = lintText(bytes, path, settings, {
    fix: options.fix ?? false,
    ...(options.timings ? { timings: options.timings } : {}),
  });
  if (outcome.fixed === undefined) return outcome;
  try {
    // Loaded only to write: a lint thread that fixes nothing never loads the writer (nor yaml, which it needs).
    const { writeFileAtomic } = await import('../model/write.js');
    // Through a symbolic link its target is written (lint only reads links whose target lies in
    // the linted folders); mode, owner and hard links are kept.
    await writeFileAtomic(path, outcome.fixed, { force: true });
    delete outcome.fixed;
    return outcome;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { tempPath?: string };
    // The file on disk is unchanged, so its own findings are reported, with the reason.
    const original = lintText(bytes, path, settings);
    original.result.messages.unshift({
      ruleId: 'fix',
      severity: 2,
      message:
        'Expected to write the fixed file, found that ' +
        `${e.tempPath ? `its temp file ${e.tempPath} could not be created` : 'it could not be replaced'} ` +
        `(${e.code ?? e.message}); the file is unchanged.`,
      line: 1,
      column: 1,
    });
    return { ...original, result: recount(original.result) };
  }
}
