import { resolve } from 'node:path';
import { checkPostmortem } from '../../lint/check.js';
import { writeFileAtomic } from '../../model/index.js';
import { renderPostmortem } from '../../render/postmortem.js';
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
  // A bad template or an existing --out throws a runtime error, which run() reports with exit 2.
  const markdown = await renderPostmortem(
    pm,
    options.templates ? { templatesDir: resolve(io.cwd, options.templates) } : {},
  );
  if (!options.out) {
    io.stdout.write(markdown);
    return 0;
  }
  await writeFileAtomic(resolve(io.cwd, options.out), markdown, {
    force: options.force ?? false,
    shownAs: options.out,
  });
  io.stderr.write(`Wrote ${options.out}\n`);
  return 0;
}
