import { Command, CommanderError, Option } from 'commander';
import { reportError } from './exit.js';
import { addReportCommands } from './report-commands.js';
import { toolVersion } from './version.js';
import type { Io } from './io.js';
import { withOptions } from './commander-options.js';
import type { LintOptions } from './commands/lint.js';
import type { NewOptions } from './commands/new.js';
import type { NoticeOptions } from './commands/notice.js';
import type { PublishOptions } from './commands/publish.js';
import type { RenderOptions } from './commands/render.js';
import type { StatusOptions } from './commands/status.js';
import type { TimelineOptions } from './commands/timeline.js';
import {
  EXIT_CODES_HELP,
  exitCodesHelp,
  LINT_OPTIONS,
  NEW_OPTIONS,
  NOTICE_OPTIONS,
  PUBLISH_OPTIONS,
  RENDER_OPTIONS,
  STATUS_OPTIONS,
  NO_COLOR_FLAG,
  TIMELINE_OPTIONS,
} from './options.js';

/** Builds the commander program; every command's module is imported only when it runs. */
export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('postmortem');
  program
    .description('Write, lint, render and publish incident postmortems.')
    .version(toolVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXIT_CODES_HELP)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(io.errorColor.red(s)),
    });
  program.configureHelp({ showGlobalOptions: true });
  program.addOption(new Option(NO_COLOR_FLAG, 'disable colour output'));

  withOptions(program.command('render'), RENDER_OPTIONS)
    .description("Render the reader's version of a postmortem as Markdown (or an HTML page).")
    .argument('<file>', 'postmortem file (Markdown with YAML front matter)')
    .addHelpText(
      'after',
      '\n' +
        'Examples:\n' +
        '  postmortem render postmortems/2017-09-21-crm-outage.md\n' +
        '  postmortem render incident.md --out incident.rendered.md --templates ./my-templates\n' +
        '  postmortem render incident.md --chart mermaid\n' +
        '  postmortem render incident.md --format html --out incident.html\n' +
        EXIT_CODES_HELP,
    )
    .action(async (file: string, options: RenderOptions) => {
      const { renderCommand } = await import('./commands/render.js');
      setExitCode(await renderCommand(file, options, io));
    });

  withOptions(program.command('new'), NEW_OPTIONS)
    .description('Write a new postmortem through an interview (or from an answers file).')
    .addHelpText(
      'after',
      '\n' +
        'Answers are saved after every question under .postmortem/drafts/; Ctrl-C exits with 130 and\n' +
        'prints how to resume. Without a terminal, every required answer must come from --answers.\n' +
        'The written file is then linted with the project config as `postmortem lint FILE` would; what is left\n' +
        'is listed on stderr (file:line:col). The file is written either way; exit 1 when errors are left.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem new\n' +
        '  postmortem new --resume\n' +
        '  postmortem new --list-drafts\n' +
        '  postmortem new --discard 20240301-140233-9f3a\n' +
        '  postmortem new --answers examples/answers/crm-release-rollback.yaml\n' +
        '  postmortem new --title "Checkout down after a config change" --severity SEV2\n' +
        '  postmortem new --timeline-from slack-export.zip --timeline-channel inc-db --timeline-from pagerduty.json\n' +
        EXIT_CODES_HELP,
    )
    .action(async (options: NewOptions) => {
      const { newCommand } = await import('./commands/new.js');
      setExitCode(await newCommand(options, io));
    });

  withOptions(program.command('status'), STATUS_OPTIONS)
    .description('Print the status of a postmortem, or set it (draft → in-review → final → published).')
    .argument('<file>', 'postmortem file')
    .argument('[status]', 'the new status: draft, in-review, final or published')
    .addHelpText(
      'after',
      '\n' +
        "A new status is set only when lint's rules find no new error with it (final and published need\n" +
        'mitigated, resolved, root causes and no placeholders). Only the status value changes in the file.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem status postmortems/2017-09-21-crm-outage.md\n' +
        '  postmortem status postmortems/2017-09-21-crm-outage.md final\n' +
        EXIT_CODES_HELP,
    )
    .action(async (file: string, status: string | undefined, options: StatusOptions) => {
      const { statusCommand } = await import('./commands/status.js');
      setExitCode(await statusCommand(file, status, options, io));
    });

  withOptions(program.command('lint'), LINT_OPTIONS)
    .description('Check postmortems for completeness, consistency and blameless wording (the CI gate).')
    .argument('[paths...]', 'files, folders (their *.md files) or globs', [])
    .addHelpText(
      'after',
      '\n' +
        'Without paths, lints postmortems/**/*.md. Rules and their docs: docs/lint.md.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem lint\n' +
        '  postmortem lint postmortems/2017-09-21-crm-outage.md --format github\n' +
        '  postmortem lint --format sarif --output-file lint.sarif --max-warnings 0\n' +
        '  postmortem lint --format github --report sarif=lint.sarif   # annotations and SARIF, one run\n' +
        '  postmortem lint --rule action-item-overdue:error --rule section-order:off\n' +
        '  postmortem lint --fix --cache\n' +
        EXIT_CODES_HELP,
    )
    .action(async (paths: string[], options: LintOptions) => {
      const { lintCommand } = await import('./commands/lint.js');
      setExitCode(await lintCommand(paths, options, io));
    });
  withOptions(program.command('notice'), NOTICE_OPTIONS)
    .description('Check the customer notice of a postmortem and render it for a blog, an e-mail or a status page.')
    .argument('<file>', 'postmortem file with a `notice` block')
    .addHelpText(
      'after',
      '\n' +
        'The notice is checked first: wording in the language, an apology, no internal details\n' +
        '(hosts, private IPs, e-mail addresses, ticket ids, authors), "outage" only for SEV1,\n' +
        'a display name for every service, impact windows that add up.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem notice postmortems/2017-09-21-crm-outage.md\n' +
        '  postmortem notice incident.md --channel email --lang de --timezone Europe/Berlin\n' +
        '  postmortem notice incident.md --channel status --out status.txt\n' +
        EXIT_CODES_HELP,
    )
    .action(async (file: string, options: NoticeOptions) => {
      const { noticeCommand } = await import('./commands/notice.js');
      setExitCode(await noticeCommand(file, options, io));
    });
  withOptions(program.command('publish'), PUBLISH_OPTIONS)
    .description('Publish the blog notice of a postmortem into a Jekyll, Hugo or cState site, committed on a branch.')
    .argument('<file>', 'postmortem file (status final or published) with a `notice` block')
    .addHelpText(
      'after',
      '\n' +
        'By default publish commits one post per language on the branch postmortem/<id> (made from the base\n' +
        'branch) without touching the checked-out branch, index or files. It never pushes. It refuses files it\n' +
        'did not write, folders and symbolic links in the way, and markup in a headline.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem publish postmortems/2017-09-21-crm-outage.md --site ../blog\n' +
        '  postmortem publish incident.md --site ../status --flavor cstate --lang de --timezone Europe/Berlin\n' +
        '  postmortem publish incident.md --site ../blog --dry-run\n' +
        EXIT_CODES_HELP,
    )
    .action(async (file: string, options: PublishOptions) => {
      const { publishCommand } = await import('./commands/publish.js');
      setExitCode(await publishCommand(file, options, io));
    });

  withOptions(program.command('timeline'), TIMELINE_OPTIONS)
    .description('Build the timeline from a Slack export, PagerDuty or Opsgenie logs, git history or a text log.')
    .argument('<file>', 'postmortem file; its started/resolved set the window, its timezone the clock')
    .addHelpText(
      'after',
      '\n' +
        'Prints the Timeline list with new items marked "+"; speakers and authors are never copied, people\n' +
        'mentioned become "a responder" or their role from the config\'s timeline.roles. How candidates are\n' +
        'ranked: docs/timeline.md. Lines a source could not read are listed on stderr with file:line.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem timeline postmortems/2024-03-05-api-outage.md --from slack-export.zip --channel inc-api\n' +
        '  postmortem timeline incident.md --from pagerduty:log_entries.json --from ../deploy-repo --write\n' +
        '  postmortem timeline incident.md --from text:chat.txt --all\n' +
        exitCodesHelp(
          'some lines of a source could not be read (listed; the rest was used), or the file is invalid',
          'done',
        ),
    )
    .action(async (file: string, options: TimelineOptions) => {
      const { timelineCommand } = await import('./commands/timeline.js');
      setExitCode(await timelineCommand(file, options, io));
    });

  addReportCommands(program, io, setExitCode);

  return program;
}

// commander's ways of ending that are not failures.
const QUIET_CODES = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** Parses and runs a command line with commander (run.ts has prepared the io); returns the exit code, never throws. */
export async function runProgram(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (QUIET_CODES.has(error.code)) return 0;
      // commander has printed the message (with a suggestion where it has one).
      return 2;
    }
    return reportError(error, io);
  }
}
