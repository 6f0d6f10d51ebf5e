import { Option, type Command } from 'commander';
import type { Io } from './io.js';
import type { ExportOptions } from './commands/export.js';
import type { StatsCommandOptions } from './commands/stats.js';
import type { ActionsCommandOptions } from './commands/actions.js';
import { LANGUAGES } from '../language/index.js';

/**
 * The commands that read many postmortems at once (export, stats, actions), kept apart from the
 * single-file commands in program.ts; each command's module is imported only when it runs.
 */
export function addReportCommands(
  program: Command,
  io: Io,
  setExitCode: (code: number) => void,
  EXIT_CODES_HELP: string,
): void {
  program
    .command('export')
    .description('Export the customer notices of postmortems for status pages and feeds (Statuspage JSON, Atom).')
    .argument('[paths...]', 'files, folders (their *.md files) or globs', [])
    .addOption(
      new Option(
        '--format <format>',
        'statuspage: incidents.json as the Statuspage API v2; atom: a feed of published notices',
      )
        .choices(['statuspage', 'atom'])
        .default('statuspage'),
    )
    .requiredOption('-u, --url <url>', "the status page's public address, e.g. https://status.example.com")
    .option(
      '--title <title>',
      'the status page\'s name (default: "COMPANY status" with the config\'s notice.company, else Incidents)',
    )
    .option('-o, --out <path>', 'output file, - for stdout (default: incidents.json or incidents.atom)')
    .option('-f, --force', 'replace --out if it exists')
    .addOption(
      new Option('-l, --lang <lang>', 'only this language (default: every language of each notice)').choices([
        ...LANGUAGES,
      ]),
    )
    .option(
      '-z, --timezone <zone>',
      "IANA time zone for the times customers read (default: the file's timezone, the config's notice.timezone, else started's offset)",
    )
    .option(
      '--config <path>',
      'config file with display names, company and checks (default: nearest .postmortemrc.json)',
    )
    .addOption(
      new Option('--flavor <flavor>', "atom: the site --url points at; each entry links to publish's post there")
        .choices(['jekyll', 'hugo', 'cstate'])
        .default('jekyll'),
    )
    .addOption(
      new Option('--site-lang <lang>', "atom: the site's default language; other languages' posts are under /LANG/")
        .choices([...LANGUAGES])
        .default('en'),
    )
    .option('--section <name>', 'atom with --flavor hugo: the content section of the posts', 'posts')
    .addHelpText(
      'after',
      '\n' +
        'Without paths, exports postmortems/**/*.md. statuspage takes final and published postmortems,\n' +
        'atom only published ones; others are skipped and listed. A notice that fails its checks (wording,\n' +
        'leaks, a service without a display name) stops the export: nothing is written.\n' +
        'Severity maps to impact: SEV1 critical, SEV2 major, SEV3 minor, SEV4 none.\n' +
        "Each atom entry links to the post `postmortem publish` writes for it, at the generator's default\n" +
        'address below --url (jekyll: /incidents/YYYY/MM/DD/SLUG.html, hugo: /SECTION/SLUG/, cstate:\n' +
        '/issues/ID/; other languages under /LANG/); its id is --url#ID-LANG, the same on every run.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem export --url https://status.example.com\n' +
        '  postmortem export postmortems --format atom --url https://status.example.com --out public/incidents.atom\n' +
        '  postmortem export --url https://status.example.com --lang de --out -\n' +
        EXIT_CODES_HELP,
    )
    .action(async (paths: string[], options: ExportOptions) => {
      const { exportCommand } = await import('./commands/export.js');
      setExitCode(await exportCommand(paths, options, io));
    });

  program
    .command('stats')
    .description('Figures across postmortems: counts, customer impact, times, recurrence and action items.')
    .argument('[paths...]', 'files, folders (their *.md files) or globs', [])
    .addOption(
      new Option('--format <name>', 'output format (csv: the action items)')
        .choices(['table', 'markdown', 'json', 'html', 'csv'])
        .default('table'),
    )
    .option('--now <date>', 'the day to judge due dates by, e.g. 2020-02-01 (default: today, UTC)')
    .option('--window-days <n>', 'days within which a repeat continues a recurrence chain', '180')
    .option('-o, --out <path>', 'write to this file instead of stdout')
    .option('-f, --force', 'overwrite --out if it exists')
    .option('-c, --config <path>', 'config file (default: nearest .postmortemrc.json)')
    .addHelpText(
      'after',
      '\n' +
        'Without paths, reads postmortems/**/*.md. Files that cannot be read are listed and counted, and\n' +
        'the exit code is then 1. Figures and formats: docs/stats.md.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem stats\n' +
        '  postmortem stats postmortems --format html --out stats.html\n' +
        '  postmortem stats --format json --now 2024-01-01 --window-days 90\n' +
        EXIT_CODES_HELP,
    )
    .action(async (paths: string[], options: StatsCommandOptions) => {
      const { statsCommand } = await import('./commands/stats.js');
      setExitCode(await statsCommand(paths, options, io));
    });

  program
    .command('actions')
    .description('List the action items of postmortems, or print `gh issue create` commands for them.')
    .argument('[paths...]', 'files, folders (their *.md files) or globs', [])
    .addOption(new Option('--format <name>', 'output format').choices(['table', 'csv', 'json', 'gh']).default('table'))
    .option('--open', 'only items that are open or in progress')
    .option('--overdue', 'only open items past their due date')
    .option('--now <date>', 'the day to judge due dates by, e.g. 2020-02-01 (default: today, UTC)')
    .option('--repo <owner/name>', 'gh: the repository to create the issues in')
    .option('--label <name>', 'gh: a label for every issue (repeatable)', (v: string, prev: string[] = []) => [
      ...prev,
      v,
    ])
    .option('-o, --out <path>', 'write to this file instead of stdout')
    .option('-f, --force', 'overwrite --out if it exists')
    .option('-c, --config <path>', 'config file (default: nearest .postmortemrc.json)')
    .addHelpText(
      'after',
      '\n' +
        'With --format gh, prints one `gh issue create` command per item without a ticket, quoted for sh;\n' +
        'nothing is sent anywhere. Review the script, then run it with sh.\n' +
        '\n' +
        'Examples:\n' +
        '  postmortem actions --open\n' +
        '  postmortem actions --overdue --now 2024-01-01 --format csv > overdue.csv\n' +
        '  postmortem actions --open --format gh --repo relata/crm --label postmortem > issues.sh\n' +
        EXIT_CODES_HELP,
    )
    .action(async (paths: string[], options: ActionsCommandOptions) => {
      const { actionsCommand } = await import('./commands/actions.js');
      setExitCode(await actionsCommand(paths, options, io));
    });
}
