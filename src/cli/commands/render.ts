import { resolve } from 'node:path';
import { checkPostmortem } from '../../lint/check.js';
import { writeFileAtomic, FileExistsError } from '../../model/index.js';
import { renderPostmortem } from '../../render/postmortem.js';
import { TemplateError } from '../../render/engine.js';
import { RuntimeError } from '../errors.js';
import type { Io } from '../io.js';
import { loadPostmortem } from '../load.js';
import { loadProjectConfig } from '../project.js';
import { printProblems } from '../report.js';

/** Options of `postmortem render`. */
export interface RenderOptions {
  out?: string;
  templates?: string;
  force?: boolean;
  config?: string;
}

/** `postmortem render FILE`: validates, renders Markdown to stdout or --out; returns the exit code. */
export async function renderCommand(file: string, options: RenderOptions, io: Io): Promise<number> {
  const { format } = await loadProjectConfig(io, options.config);
  const pm = await loadPostmortem(file, io);
  if (!pm) return 1;
  const errors = checkPostmortem(pm, { ...format, idMatchesFileName: false });
  if (errors.length > 0) {
    printProblems(io, pm.path, errors);
    io.stderr.write(`Fix these problems before rendering (\`postmortem lint ${file}\` lists them too).\n`);
    return 1;
  }
  let markdown: string;
  try {
    markdown = await renderPostmortem(
      pm,
      options.templates ? { templatesDir: resolve(io.cwd, options.templates) } : {},
    );
  } catch (error) {
    if (error instanceof TemplateError) throw new RuntimeError(error.message);
    throw error;
  }
  if (!options.out) {
    io.stdout.write(markdown);
    return 0;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, options.out), markdown, { force: options.force ?? false });
  } catch (error) {
    if (error instanceof FileExistsError)
      throw new RuntimeError(`${options.out} already exists; use --force to overwrite it.`);
    throw error;
  }
  io.stderr.write(`Wrote ${options.out}\n`);
  return 0;
}
