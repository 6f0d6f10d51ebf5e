import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Document, visit } from 'yaml';
import { RuntimeError } from './errors.js';

/**
 * Plain scalars a YAML 1.1 reader (Psych in Jekyll, Hugo, js-yaml 3) turns into something other
 * than text: bools (y/n/yes/no/on/off/true/false, any case, as Psych matches them), null, ints
 * (binary, octal, hex, `_` and `,` separators), floats, sexagesimal numbers (`1:20` is 80) and
 * timestamps (a date alone or a date and a time). Generous on purpose: quoting text is harmless.
 */
const YAML11_NON_TEXT = [
  /^(?:y|n|yes|no|on|off|true|false)$/i,
  /^(?:~|null)$/i,
  /^[-+]?(?:0b[01_,]+|0x[0-9a-f_,]+|0o?[0-7_,]+|[0-9][0-9_,]*)$/i,
  /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9_.]*(?:e[-+]?[0-9]+)?$/i,
  /^[-+]?[0-9][0-9_,]*(?:\.[0-9_]*)?e[-+]?[0-9]+$/i,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|nan)$/i,
  /^\d{4}-\d\d?-\d\d?(?:[Tt \t]|$)/,
];

/** True when a YAML 1.1 reader would not read the string as text if it were written plain. */
export function isYaml11NonText(value: string): boolean {
  return YAML11_NON_TEXT.some((pattern) => pattern.test(value));
}

/** Serialises front-matter data and a Markdown body as a postmortem file; unknown keys are kept. */
export function stringifyPostmortem(data: Record<string, unknown>, body: string): string {
  const doc = new Document(data);
  // The yaml library quotes what YAML 1.2 would misread; Jekyll and Hugo read YAML 1.1, which
  // misreads more (a tag `yes` becomes true, `14:02` becomes 842), so those are quoted too.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && isYaml11NonText(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const yaml = doc.toString({ lineWidth: 0 });
  const text = body.replace(/^\n+/, '');
  return `---\n${yaml}---\n\n${text.endsWith('\n') || text === '' ? text : `${text}\n`}`;
}

/** Raised when a write would replace an existing file without `force`; a runtime failure (exit 2). */
export class FileExistsError extends RuntimeError {
  constructor(
    readonly path: string,
    shownAs = path,
  ) {
    super(`${shownAs} already exists; use --force to overwrite it.`);
  }
}

/** How `writeFileAtomic` treats an existing file, and the name its messages use. */
export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** The path as the user wrote it (e.g. relative), for the message when the file exists. */
  shownAs?: string;
}

/**
 * Writes a file atomically: a temp file in the same folder, then a rename (with `force`) or a
 * hard link that fails when the target exists (without), so nothing is ever half-written or
 * silently replaced.
 */
export async function writeFileAtomic(path: string, content: string, options: WriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
  } catch (error) {
    // The temp file is ours; the path the user gave is the one worth naming.
    throw Object.assign(error as NodeJS.ErrnoException, { path });
  }
  try {
    if (options.force) {
      await rename(temp, path);
      return;
    }
    try {
      await link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path, options.shownAs);
      throw error;
    }
    await unlink(temp);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
