import { describe, expect, it } from 'vitest';
import { processIo } from '../../src/cli/io.js';
import { LINT_OPTIONS, NEW_OPTIONS, NO_COLOR_FLAG, PUBLISH_OPTIONS } from '../../src/cli/options.js';
import { parsePlainArgs } from '../../src/cli/plain-args.js';
import { buildProgram } from '../../src/cli/program.js';

// run() parses a plain `lint` command line from the option table without commander; these cases
// hold that it reads every one exactly as the real program's lint command does, and leaves to
// commander what it does not read.

/** What the real program hands the lint action for these arguments. */
async function commanderParse(args: string[]): Promise<{ operands: string[]; options: Record<string, unknown> }> {
  const program = buildProgram(await processIo(), () => undefined);
  let parsed: { operands: string[]; options: Record<string, unknown> } | undefined;
  program.commands
    .find((c) => c.name() === 'lint')!
    .action((operands: string[], options: Record<string, unknown>) => {
      parsed = { operands, options };
    });
  await program.parseAsync(['lint', ...args], { from: 'user' });
  if (!parsed) throw new Error('commander did not run the lint action');
  return parsed;
}

describe('parsePlainArgs reads a plain lint command line as commander does', () => {
  it.each([
    [[]],
    [['--cache']],
    [['.']],
    [['--format', 'json', '--cache', '--cache-location', '.cache/', 'postmortems']],
    [['a.md', '--quiet', 'b.md', '-q']],
    [['-o', 'out.txt', '--force', '-f', '--fix']],
    [['--rule', 'section-order:off', '--rule', 'action-item-overdue:error', '-c', 'rc.json']],
    [['--ignore', 'drafts/**', '--ignore', 'old/*.md', '--no-error-on-unmatched-pattern']],
    [['--format', 'sarif', '--format', 'github', '--max-warnings', '0', '--now', '2020-02-01']],
    [['--report', 'sarif=lint.sarif', '--report', 'junit=lint.xml', '--output-file', 'x']],
    [[NO_COLOR_FLAG, '--cache', 'postmortems/**/*.md', NO_COLOR_FLAG]],
    [['', 'ü.md', 'with space.md']],
  ])('%j', async (args) => {
    const plain = parsePlainArgs(args, LINT_OPTIONS, [NO_COLOR_FLAG]);
    expect(plain).not.toBeNull();
    expect(plain).toEqual(await commanderParse(args));
  });

  it.each([
    [['--help']],
    [['-h']],
    [['--cache=true']],
    [['--format=json']],
    [['-qf']],
    [['--cahce']],
    [['--format', 'yaml']],
    [['--format']],
    [['--now', '-1']],
    [['--', '-a.md']],
    [['-']],
    [['--version']],
    [['--out', 'x']],
  ])('leaves %j to commander', (args) => {
    expect(parsePlainArgs(args, LINT_OPTIONS, [NO_COLOR_FLAG])).toBeNull();
  });

  it('leaves optional values and mandatory options to commander', () => {
    expect(parsePlainArgs(['--resume'], NEW_OPTIONS)).toBeNull();
    expect(parsePlainArgs([], PUBLISH_OPTIONS)).toBeNull();
    expect(parsePlainArgs(['--site', 'blog'], PUBLISH_OPTIONS)).not.toBeNull();
  });
});
