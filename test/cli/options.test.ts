import type { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { processIo } from '../../src/cli/io.js';
import { SHARED_OPTIONS } from '../../src/cli/options.js';
import { buildProgram } from '../../src/cli/program.js';
import { LANGUAGES } from '../../src/language/index.js';
import { FORMATTER_NAMES } from '../../src/lint/formatters/index.js';
import { NOTICE_CHANNELS } from '../../src/notice/view.js';
import { SITE_FLAVORS } from '../../src/publish/flavors.js';
import { STATS_FORMATS } from '../../src/stats/formats/index.js';
import { ACTIONS_FORMATS } from '../../src/stats/formats/actions.js';
import { runInProcess, ROOT } from '../helpers/cli.js';

// The real commander program, walked command by command: a short flag means one thing
// everywhere, and an option several commands share reads the same in each one's help.

const program = buildProgram(await processIo(), () => undefined);
const options: Array<{ command: string; option: Option }> = [
  ...program.options.map((option) => ({ command: '(global)', option })),
  ...program.commands.flatMap((command) => command.options.map((option) => ({ command: command.name(), option }))),
];

/** What a user reads of an option in a command's help, besides its name. */
const shown = (option: Option) => ({
  flags: option.flags,
  description: option.description,
  choices: option.argChoices,
  default: option.defaultValue as unknown,
});

describe('the option table, as commander has it', () => {
  it('walks every command (so the checks below can fail)', () => {
    expect(program.commands.map((c) => c.name()).sort()).toEqual(
      ['actions', 'export', 'lint', 'new', 'notice', 'publish', 'render', 'stats', 'status', 'timeline'].sort(),
    );
    expect(options.filter((o) => o.option.short === '-c').length).toBeGreaterThan(5);
  });

  it('gives each short flag one meaning across commands, and each long flag one short flag', () => {
    const longByShort = new Map<string, Set<string>>();
    const shortByLong = new Map<string, Set<string>>();
    for (const { option } of options) {
      const long = option.long ?? option.flags;
      const short = option.short ?? '(none)';
      if (option.short) longByShort.set(option.short, new Set([...(longByShort.get(option.short) ?? []), long]));
      shortByLong.set(long, new Set([...(shortByLong.get(long) ?? []), short]));
    }
    const ambiguous = [...longByShort]
      .filter(([, longs]) => longs.size > 1)
      .map(([s, l]) => `${s}: ${[...l].join(', ')}`);
    // One meaning under two names: lint keeps ESLint's --output-file; both write the command's output to a file.
    expect(ambiguous).toEqual(['-o: --out, --output-file']);
    const uneven = [...shortByLong]
      .filter(([, shorts]) => shorts.size > 1)
      .map(([l, s]) => `${l}: ${[...s].join(', ')}`);
    expect(uneven).toEqual([]);
  });

  it.each(Object.values(SHARED_OPTIONS).map((spec) => [spec.flags.replace(/^.*(--\S+).*$/, '$1')]))(
    '%s reads the same (flags, help, choices, default) in every command that has it',
    (long) => {
      const found = options.filter((o) => o.option.long === long);
      expect(found.length).toBeGreaterThan(1);
      const first = shown(found[0]!.option);
      for (const { command, option } of found) expect({ command, ...shown(option) }).toEqual({ command, ...first });
    },
  );

  it.each([
    ['notice', '--lang', LANGUAGES],
    ['publish', '--lang', LANGUAGES],
    ['export', '--lang', LANGUAGES],
    ['export', '--site-lang', LANGUAGES],
    ['lint', '--format', FORMATTER_NAMES],
    ['stats', '--format', STATS_FORMATS],
    ['actions', '--format', ACTIONS_FORMATS],
    ['notice', '--channel', NOTICE_CHANNELS],
    ['publish', '--flavor', SITE_FLAVORS],
    ['export', '--flavor', SITE_FLAVORS],
  ] as const)('%s %s offers the choices of the constant the code checks against', (command, long, constant) => {
    const option = options.find((o) => o.command === command && o.option.long === long)?.option;
    expect(option?.argChoices).toEqual([...constant]);
  });

  it.each(program.commands.map((c) => [c.name()]))('%s --help ends with the exit codes', async (command) => {
    const help = (await runInProcess([command, '--help'], { cwd: ROOT })).stdout;
    expect(help).toMatch(
      /\nExit codes:\n {2}0 {4}\S.*\n {2}1 {4}\S.*\n {2}2 {4}usage, configuration or runtime failure\n {2}130 {2}interrupted \(Ctrl-C\)\n$/,
    );
  });
});

describe('-c is --config in every command', () => {
  it('notice -c names a config file, not a channel', async () => {
    const result = await runInProcess(['notice', 'postmortem.md', '-c', 'no-such-config.json'], { cwd: ROOT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-config.json');
    expect(result.stderr).not.toContain('Allowed choices');
  });
});
