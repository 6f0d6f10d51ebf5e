import { resolve } from 'node:path';
import { checkFormat } from '../../lint/check.js';
import { renderPostmortem } from '../../render/postmortem.js';
import { UsageError } from '../errors.js';
import { writeOutputFile, type Io } from '../io.js';
import { loadPostmortem } from '../load.js';
import { loadProjectConfig } from '../project.js';
import { lintCommandFor } from '../lint-hint.js';
import { printProblems } from '../report.js';
import type { OptionsOf, RENDER_OPTIONS } from '../options.js';

/** Options of `postmortem render`. */
export type RenderOptions = OptionsOf<typeof RENDER_OPTIONS>;

/** `postmortem render FILE`: validates, renders Markdown (or an HTML page) to stdout or --out; returns the exit code. */
export async function renderCommand(file: string, options: RenderOptions, io: Io): Promise<number> {
  const { format, rules } = await loadProjectConfig(io, options.config);
  const pm = loadPostmortem(file, io);
  if (!pm) return 1;
  // The config's rule settings, as lint reads them: what lint lets pass, render renders.
  const errors = checkFormat(pm, { ...rules, format: { ...format, idMatchesFileName: false } });
  if (errors.length > 0) {
    printProblems(io, pm.path, errors);
    io.stderr.write(
      `Fix these problems before rendering (\`${lintCommandFor(file, options.config)}\` lists them too).\n`,
    );
    return 1;
  }
  const output = options.format;
  if (options.chart !== undefined && output !== 'markdown')
    throw new UsageError(
      `--chart ${options.chart}: expected mermaid, with --format markdown (the HTML page has its own chart).`,
    );
  const templateOptions = options.templates ? { templatesDir: resolve(io.cwd, options.templates) } : {};
  // A bad template or an existing --out throws a runtime error, which run() reports with exit 2.
  let markdown: string;
  if (output === 'html') {
    const { renderPostmortemHtml } = await import('../../render/html-page.js');
    markdown = await renderPostmortemHtml(pm, templateOptions);
  } else {
    markdown = await renderPostmortem(pm, templateOptions);
    if (options.chart === 'mermaid') {
      const { withMermaidChart } = await import('../../render/mermaid.js');
      const { incidentChart } = await import('../../render/incident-chart.js');
      markdown = withMermaidChart(markdown, incidentChart(pm));
    }
  }
  if (!options.out) {
    io.stdout.write(markdown);
    return 0;
  }
  await writeOutputFile(resolve(io.cwd, options.out), markdown, {
    force: options.force ?? false,
    shownAs: options.out,
  });
  io.stderr.write(`Wrote ${options.out}\n`);
  return 0;
}
