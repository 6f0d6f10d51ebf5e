import Handlebars from 'handlebars';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileReadError, readTextBounded } from '../model/bounded-read.js';
import { RuntimeError } from '../model/errors.js';

/** The templates shipped with the package. */
const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A template could not be read or compiled, or failed while rendering; a runtime failure (exit 2). */
export class TemplateError extends RuntimeError {}

function readIfExists(path: string): string | null {
  try {
    return readTextBounded(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (error instanceof FileReadError)
      throw new TemplateError(`${path}: expected a template (a regular file of at most 5 MB), found ${error.reason}.`);
    throw new TemplateError(`${path}: cannot read template: ${(error as Error).message}`);
  }
}

async function partialFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.hbs')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new TemplateError(`${dir}: cannot read templates: ${(error as Error).message}`);
  }
}

/** A mistyped override folder would silently fall back to the bundled templates; refuse it instead. */
async function checkOverrideFolder(dir: string): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new TemplateError(
        `${dir}: expected a templates folder for --templates, found no such folder; check the path`,
      );
    }
    throw new TemplateError(`${dir}: cannot read the templates folder: ${(error as Error).message}`);
  }
  if (!isFolder)
    throw new TemplateError(
      `${dir}: expected a templates folder for --templates, found a file; pass the folder that holds the templates`,
    );
}

/** Which templates to use: a name under the templates folder, and an optional override folder. */
export interface TemplateOptions {
  /** Folder whose files replace the default templates of the same name. */
  templatesDir?: string;
  /** Folder (relative to a templates folder) holding the partials for this template. */
  partialsDir?: string;
}

/**
 * Renders a template with a private Handlebars instance. Templates come only from the package
 * or the team's override folder, never from a postmortem. The view must hold text already
 * escaped for the target (see escape.ts), so Handlebars' HTML escaping is off.
 */
export async function renderTemplate(name: string, view: object, options: TemplateOptions = {}): Promise<string> {
  if (options.templatesDir) await checkOverrideFolder(options.templatesDir);
  const dirs = [DEFAULT_TEMPLATES_DIR, ...(options.templatesDir ? [options.templatesDir] : [])];
  const partialsDir = options.partialsDir ?? 'partials';
  const partials: Array<{ name: string; path: string; text: string }> = [];
  for (const dir of dirs) {
    const folder = join(dir, partialsDir);
    for (const file of await partialFiles(folder)) {
      const path = join(folder, file);
      partials.push({
        name: basename(file).replace(/(\.[a-z]+)?\.hbs$/, ''),
        path,
        text: readIfExists(path) ?? '',
      });
    }
  }
  let source: string | null = null;
  let sourcePath = '';
  for (const dir of [...dirs].reverse()) {
    source = readIfExists(join(dir, name));
    sourcePath = join(dir, name);
    if (source !== null) break;
  }
  if (source === null) throw new TemplateError(`template ${name} not found in ${dirs.join(', ')}`);
  const template = compiled(JSON.stringify([dirs, partialsDir, name]), partials, source, sourcePath);
  try {
    return template(view);
  } catch (error) {
    throw new TemplateError(`${sourcePath}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * The last template compiled for each (folders, partials folder, name), with the text it was
 * compiled from. Compiling (with the eager check below) costs far more than rendering, and a run
 * renders the same templates again and again: every language of a notice, every post `publish`
 * writes. The files are read on every call, so an edited template is compiled afresh.
 */
const COMPILED = new Map<string, { text: string; template: Handlebars.TemplateDelegate }>();

function compiled(
  slot: string,
  partials: ReadonlyArray<{ name: string; path: string; text: string }>,
  source: string,
  sourcePath: string,
): Handlebars.TemplateDelegate {
  const text = JSON.stringify([partials, sourcePath, source]);
  const hit = COMPILED.get(slot);
  if (hit?.text === text) return hit.template;
  // A private Handlebars instance per template, so that partials never leak between folders.
  const hb = Handlebars.create();
  for (const partial of partials) hb.registerPartial(partial.name, compile(hb, partial.text, partial.path));
  const template = compile(hb, source, sourcePath);
  COMPILED.set(slot, { text, template });
  return template;
}

function compile(hb: typeof Handlebars, source: string, path: string): Handlebars.TemplateDelegate {
  try {
    const template = hb.compile(source, { noEscape: true, strict: false });
    // Compile eagerly so that syntax errors name the file now, not at render time.
    hb.precompile(source, { noEscape: true });
    return template;
  } catch (error) {
    throw new TemplateError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
}
