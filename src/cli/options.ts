/**
 * Every option of the CLI, declared once: flags, help, choices and defaults, in one table per
 * command. program.ts adds them to commander, and each command's options type is derived from its
 * table (`OptionsOf`), so no interface is typed by hand and cast from what commander parsed. The
 * shared options (`--config`, `--timezone`, `--now`, `--lang`) and the exit-code help are written
 * once; choice lists come from the constants the code checks against. Loaded at start-up: only
 * light modules here, and not commander (commander-options.ts adds the tables to it), so that
 * plain-args.ts can parse a plain `lint` run from the same table without loading it.
 */
import { LANGUAGES } from '../language/names.js';
import { FORMATTER_NAMES } from '../lint/formatters/index.js';
import { NOTICE_CHANNELS } from '../notice/channels.js';
import { SITE_FLAVORS } from '../publish/flavor-names.js';
import { ACTIONS_FORMATS, STATS_FORMATS } from '../stats/formats/names.js';

/** One option as commander takes it, with the type of its parsed value as a phantom for `OptionsOf`. */
export interface OptionSpec<Value> {
  flags: string;
  description: string;
  choices?: readonly string[];
  defaultValue?: string | boolean;
  /** Collects every use of a repeatable option into a list. */
  repeatable?: boolean;
  /** Required: commander refuses the command without it. */
  mandatory?: boolean;
  /** Never set: carries the value's type. */
  readonly valueType?: Value;
}

type ValueOf<S> = S extends OptionSpec<infer V> ? V : never;
type OptionalKeys<T> = { [K in keyof T]: undefined extends ValueOf<T[K]> ? K : never }[keyof T];

/** The options object commander hands a command's action, typed from the command's table. */
export type OptionsOf<T extends Record<string, OptionSpec<unknown>>> = {
  [K in OptionalKeys<T>]?: Exclude<ValueOf<T[K]>, undefined>;
} & { [K in Exclude<keyof T, OptionalKeys<T>>]: ValueOf<T[K]> };

/** A switch: true when given. */
const flag = (flags: string, description: string): OptionSpec<boolean | undefined> => ({ flags, description });
/** A `--no-…` switch: true unless given. */
const negated = (flags: string, description: string): OptionSpec<boolean> => ({ flags, description });
/** An option with a value. */
const text = (flags: string, description: string): OptionSpec<string | undefined> => ({ flags, description });
/** An option with a value and a default. */
const textOr = (flags: string, description: string, defaultValue: string): OptionSpec<string> => ({
  flags,
  description,
  defaultValue,
});
/** An option the command cannot run without. */
const mandatory = (flags: string, description: string): OptionSpec<string> => ({ flags, description, mandatory: true });
/** A repeatable option: every value, in order. */
const list = (flags: string, description: string): OptionSpec<string[] | undefined> => ({
  flags,
  description,
  repeatable: true,
});
/** An option whose value is one of a constant's. */
function choice<C extends readonly string[]>(
  flags: string,
  description: string,
  choices: C,
): OptionSpec<C[number] | undefined>;
function choice<C extends readonly string[]>(
  flags: string,
  description: string,
  choices: C,
  defaultValue: C[number],
): OptionSpec<C[number]>;
function choice(flags: string, description: string, choices: readonly string[], defaultValue?: string) {
  return { flags, description, choices, ...(defaultValue !== undefined ? { defaultValue } : {}) };
}

/** The program's own switch for colour, read before any parsing (so commander's errors honour it too). */
export const NO_COLOR_FLAG = '--no-color';

/** The exit codes, as every command's help ends; `findings` is what exit 1 means for the command. */
export function exitCodesHelp(findings = 'findings: invalid input or lint errors', success = 'success'): string {
  return `
Exit codes:
  0    ${success}
  1    ${findings}
  2    usage, configuration or runtime failure
  130  interrupted (Ctrl-C)`;
}

/** The exit-code help of the program and of every command without its own meaning of exit 1. */
export const EXIT_CODES_HELP = exitCodesHelp(
  'findings: invalid input or lint errors',
  'success (lint: clean or warnings only)',
);

/** The options several commands share, with one help text and one set of choices each. */
export const SHARED_OPTIONS = {
  config: text(
    '-c, --config <path>',
    'config file (default: .postmortemrc.json or package.json "postmortem", searched upwards)',
  ),
  timezone: text(
    '-z, --timezone <zone>',
    "IANA time zone for the times customers read (default: the config's zone for the language, the file's timezone, " +
      "the config's notice.timezone, else the offset of started; never this machine's)",
  ),
  now: text('--now <date>', 'the day to judge due dates by, e.g. 2020-02-01 (default: today, UTC)'),
  lang: choice(
    '-l, --lang <lang>',
    'only the notice in this language (default: notice writes the first of notice.languages, publish and export every one)',
    LANGUAGES,
  ),
} as const;

const { config, timezone, now, lang } = SHARED_OPTIONS;

/** `--format`: one flag for every command, its choices from the constant the command's output is chosen by. */
function format<C extends readonly string[]>(description: string, choices: C, defaultValue: C[number]) {
  return choice('--format <format>', description, choices, defaultValue);
}

const out = text('-o, --out <path>', 'write to this file instead of stdout');
const force = flag('-f, --force', 'overwrite --out if it exists');

/** The output formats of `render`. */
export const RENDER_FORMATS = ['markdown', 'html'] as const;
/** The charts `render` can add to the Markdown. */
export const RENDER_CHARTS = ['mermaid'] as const;
/** The formats of `export`. */
export const EXPORT_FORMATS = ['statuspage', 'atom'] as const;

/** `postmortem render`. */
export const RENDER_OPTIONS = {
  out,
  templates: text('-t, --templates <dir>', 'folder with template overrides (same file names as templates/)'),
  force,
  config,
  format: format('markdown, or html: one self-contained page with an SVG timeline chart', RENDER_FORMATS, 'markdown'),
  chart: choice('--chart <kind>', 'add a chart of the moments and impact windows to the Markdown', RENDER_CHARTS),
};

/** `postmortem new`. */
export const NEW_OPTIONS = {
  answers: text('-a, --answers <file>', 'answers file (YAML or JSON); its questions are not asked'),
  resume: {
    flags: '-r, --resume [draft-id]',
    description: 'continue a saved draft (the most recent one without an id)',
  } as OptionSpec<string | true | undefined>,
  dir: textOr('-d, --dir <dir>', 'folder to write the postmortem to', 'postmortems'),
  force: flag('-f, --force', 'overwrite an existing postmortem with the same id'),
  title: text('--title <title>', 'answer the title question'),
  severity: text('--severity <level>', 'answer the severity question (SEV1..SEV4)'),
  config,
  templates: text(
    '-t, --templates <dir>',
    'folder with template overrides (source/postmortem.md.hbs, source/partials/)',
  ),
  listDrafts: flag('--list-drafts', 'list the saved drafts (newest first) and exit'),
  discard: text('--discard <draft-id>', 'delete a saved draft and exit'),
  timelineFrom: list(
    '--timeline-from <source>',
    'offer events from a source as a timeline checklist, as `postmortem timeline --from` reads it (repeatable)',
  ),
  timelineChannel: text('--timeline-channel <name>', 'the Slack channel of a --timeline-from export with several'),
};

/** `postmortem status`. */
export const STATUS_OPTIONS = { config };

/** `postmortem lint`. */
export const LINT_OPTIONS = {
  format: format('report format', FORMATTER_NAMES, 'stylish'),
  outputFile: text('-o, --output-file <path>', 'write the report to this file (replaced on every run)'),
  report: list(
    '--report <format=path>',
    'also write a report in another format to a file, from the same run, e.g. sarif=lint.sarif (repeatable)',
  ),
  maxWarnings: text('--max-warnings <n>', 'exit 1 when there are more than n warnings'),
  quiet: flag('-q, --quiet', 'report errors only'),
  fix: flag('--fix', 'apply safe fixes (sort the timeline, canonical separators and zones, offsets from `timezone`)'),
  config,
  rule: list('--rule <id:severity>', "set a rule's severity, e.g. section-order:off (repeatable)"),
  cache: flag('--cache', 'reuse results for unchanged files'),
  cacheLocation: text('--cache-location <path>', 'cache file or folder (default: node_modules/.cache/postmortem/)'),
  now,
  ignore: list('--ignore <glob>', 'leave out files matching this glob (repeatable; adds to the config\'s "ignores")'),
  errorOnUnmatchedPattern: negated(
    '--no-error-on-unmatched-pattern',
    'a path or glob that matches nothing is a note, not exit 2',
  ),
  force: flag('-f, --force', 'let --output-file or --cache-location replace a file that is not a lint report or cache'),
};

/** `postmortem notice`. */
export const NOTICE_OPTIONS = {
  // No short flag: -c is --config in every command.
  channel: choice('--channel <channel>', 'where the notice goes', NOTICE_CHANNELS, 'blog'),
  lang,
  timezone,
  out,
  templates: text(
    '-t, --templates <dir>',
    'folder with template overrides (same file names as templates/, e.g. notice/email.txt.hbs)',
  ),
  config,
  force,
};

/** `postmortem publish`. */
export const PUBLISH_OPTIONS = {
  site: mandatory('-s, --site <dir>', "the site's folder, a git repository"),
  flavor: choice('--flavor <flavor>', 'kind of site (default: detected from its files)', SITE_FLAVORS),
  section: text('--section <name>', 'Hugo content section (default: posts)'),
  base: text('--base <branch>', 'branch a new postmortem/<id> branch starts from (default: origin/HEAD, main, master)'),
  lang,
  timezone,
  templates: text('-t, --templates <dir>', 'folder with template overrides (e.g. notice/blog.md.hbs)'),
  config,
  commit: negated('--no-commit', 'only write the files into the work tree; no branch, no commit'),
  dryRun: flag('-n, --dry-run', 'print the files and the diff it would commit; change nothing'),
  allowDraft: flag('--allow-draft', 'publish a postmortem that is not final or published yet'),
};

/** `postmortem timeline`. */
export const TIMELINE_OPTIONS = {
  from: list(
    '--from <source>',
    'a source, detected or forced with slack:, pagerduty:, opsgenie:, git: or text: (repeatable)',
  ),
  channel: text('--channel <name>', 'the Slack channel to read (needed when the export has several)'),
  since: text('--since <time>', 'start of the window (default: an hour before started)'),
  until: text('--until <time>', 'end of the window (default: resolved, else mitigated)'),
  all: flag('--all', 'every candidate, not only the preselected top-ranked ones'),
  write: flag('-w, --write', 'merge the items into the file (sorted, atomically, no duplicates)'),
  config,
};

/** `postmortem export`. */
export const EXPORT_OPTIONS = {
  format: format(
    'statuspage: incidents.json as the Statuspage API v2; atom: a feed of published notices',
    EXPORT_FORMATS,
    'statuspage',
  ),
  url: mandatory('-u, --url <url>', "the status page's public address, e.g. https://status.example.com"),
  title: text(
    '--title <title>',
    'the status page\'s name (default: "COMPANY status" with the config\'s notice.company, else Incidents)',
  ),
  out: text('-o, --out <path>', 'output file, - for stdout (default: incidents.json or incidents.atom)'),
  force: flag('-f, --force', 'replace --out if it exists'),
  lang,
  timezone,
  config,
  flavor: choice(
    '--flavor <flavor>',
    "atom: the site --url points at; each entry links to publish's post there",
    SITE_FLAVORS,
    'jekyll',
  ),
  siteLang: choice(
    '--site-lang <lang>',
    "atom: the site's default language; other languages' posts are under /LANG/",
    LANGUAGES,
    'en',
  ),
  section: textOr('--section <name>', 'atom with --flavor hugo: the content section of the posts', 'posts'),
};

/** `postmortem stats`. */
export const STATS_OPTIONS = {
  format: format('output format (csv: the action items)', STATS_FORMATS, 'table'),
  now,
  windowDays: textOr('--window-days <n>', 'days within which a repeat continues a recurrence chain', '180'),
  out,
  force,
  config,
};

/** `postmortem actions`. */
export const ACTIONS_OPTIONS = {
  format: format('output format', ACTIONS_FORMATS, 'table'),
  open: flag('--open', 'only items that are open or in progress'),
  overdue: flag('--overdue', 'only open items past their due date'),
  now,
  repo: text('--repo <owner/name>', 'gh: the repository to create the issues in'),
  label: list('--label <name>', 'gh: a label for every issue (repeatable)'),
  out,
  force,
  config,
};
