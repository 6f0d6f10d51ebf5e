import type { Command } from 'commander';
import type { Io } from './io.js';
import type { ExportOptions } from './commands/export.js';
import type { StatsCommandOptions } from './commands/stats.js';
import type { ActionsCommandOptions } from './commands/actions.js';
import { withOptions } from './commander-options.js';
import { ACTIONS_OPTIONS, EXIT_CODES_HELP, EXPORT_OPTIONS, STATS_OPTIONS } from './options.js';

/**
 * The commands that read many postmortems at once (export, stats, actions), kept apart from the
 * single-file commands in program.ts; each command's module is imported only when it runs.
 */
export function addReportCommands(program: Command, io: Io, setExitCode: (code: number) => void): void {
  withOptions(program.command('export'), EXPORT_OPTIONS)
    .description('Export the customer notices of postmortems for status pages and feeds (Statuspage JSON, Atom).')
    .argument('[paths...]', 'files, folders (their *.md files) or globs', [])
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

  withOptions(program.command('stats'), STATS_OPTIONS)
    .description('Figures across postmortems: counts, customer impact, times, recurrence and action items.')
    .argument('[paths...]', 'files, folders (their *.md files) or globs', [])
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

  withOptions(program.command('actions'), ACTIONS_OPTIONS)
    .description('List the action items of postmortems, or print `gh issue create` commands for them.')
    .argument('[paths...]', 'files, folders (their *.md files) or globs', [])
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
