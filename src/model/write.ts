import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Document, visit } from 'yaml';

/** Text a YAML 1.1 reader would turn into a timestamp (any date followed by a time). */
const TIMESTAMP_LIKE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/;

/** Serialises front-matter data and a Markdown body as a postmortem file; unknown keys are kept. */
export function stringifyPostmortem(data: Record<string, unknown>, body: string): string {
  const doc = new Document(data);
  // Quote timestamps so that YAML 1.1 readers (js-yaml and friends) keep them as text, not Dates.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && TIMESTAMP_LIKE.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const yaml = doc.toString({ lineWidth: 0 });
  const text = body.replace(/^\n+/, '');
  return `---\n${yaml}---\n\n${text.endsWith('\n') || text === '' ? text : `${text}\n`}`;
}

/** Raised when a write would replace an existing file without `force`. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

/**
 * Writes a file atomically: a temp file in the same folder, then a rename (with `force`) or a
 * hard link that fails when the target exists (without), so nothing is ever half-written or
 * silently replaced.
 */
export async function writeFileAtomic(path: string, content: string, options: { force?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, content, { flag: 'wx' });
  try {
    if (options.force) {
      await rename(temp, path);
      return;
    }
    try {
      await link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      throw error;
    }
    await unlink(temp);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
