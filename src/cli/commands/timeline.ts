import { loadConfig, formatOptionsOf, type PostmortemConfig } from '../../config/load.js';
import { collectTimeline, type Candidate } from '../../timeline/collect.js';
import { formatSourceMessage } from '../../timeline/messages.js';
import { UsageError } from '../errors.js';
import { writeOutputFile, type Io } from '../io.js';
import type { OptionsOf, TIMELINE_OPTIONS } from '../options.js';

/** Options of `postmortem timeline`. */
export type TimelineOptions = OptionsOf<typeof TIMELINE_OPTIONS>;

function blamelessOptions(config: PostmortemConfig): Record<string, unknown> {
  const setting = config.rules?.['blameless-language'];
  return Array.isArray(setting) && setting[1] ? setting[1] : {};
}

/** `postmortem timeline FILE --from SOURCE…`: prints (or with --write merges) the candidates from the sources. */
export async function timelineCommand(file: string, options: TimelineOptions, io: Io): Promise<number> {
  const sources = options.from ?? [];
  if (sources.length === 0)
    throw new UsageError(
      'expected at least one --from SOURCE (a Slack export, a PagerDuty or Opsgenie log, a git repository or a text file).',
    );
  const { config } = await loadConfig({ cwd: io.cwd, ...(options.config ? { configPath: options.config } : {}) });
  const outcome = await collectTimeline({
    cwd: io.cwd,
    file,
    sources,
    ...(options.channel !== undefined ? { channel: options.channel } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    roles: config.timeline?.roles ?? {},
    blamelessOptions: blamelessOptions(config),
    format: formatOptionsOf(config),
    env: io.env,
  });
  const shown = new Set<string>();
  let unread = 0;
  for (const m of outcome.messages) {
    const line = formatSourceMessage(m);
    if (shown.has(line)) continue;
    shown.add(line);
    if (!m.message.startsWith('left out:')) unread++;
    io.stderr.write(`${io.errorColor.yellow('warning')} ${line}\n`);
  }
  if (outcome.windowNote) io.stderr.write(`${outcome.windowNote}\n`);
  const chosen: Candidate[] = options.all ? outcome.candidates : outcome.candidates.filter((c) => c.preselected);
  const merge = outcome.merge(chosen);
  if (options.write) {
    if (!merge)
      throw new UsageError(
        `${file}: expected a "## Timeline" section to merge into, found none. Add the heading and run again.`,
      );
    // Through the one way out: a control character that came in with a chat message is written visibly.
    if (merge.added > 0) await writeOutputFile(outcome.path, merge.source, { force: true });
    io.stdout.write(
      `${file}: ${merge.added === 0 ? 'nothing new to add' : `added ${merge.added} timeline item${merge.added === 1 ? '' : 's'}`}.\n`,
    );
  } else {
    const lines = merge ? merge.lines : chosen.map((c) => ({ text: c.line, isNew: true }));
    // One write: a line at a time costs more than reading the export when --all prints 50,000 lines.
    io.stdout.write(lines.map((l) => (l.isNew ? `${io.color.green(`+ ${l.text}`)}\n` : `  ${l.text}\n`)).join(''));
    const left = outcome.candidates.length - chosen.length;
    io.stderr.write(
      `${chosen.length} new item${chosen.length === 1 ? '' : 's'} (marked +)` +
        (left > 0 ? `, ${left} lower-ranked candidate${left === 1 ? '' : 's'} not shown (--all shows them)` : '') +
        (chosen.length > 0 ? `; --write merges ${chosen.length === 1 ? 'it' : 'them'} into ${file}.\n` : '.\n'),
    );
  }
  return unread > 0 ? 1 : 0;
}
