import { Chalk } from 'chalk';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/io.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// Escape sequences a terminal acts on: OSC 52 writes the clipboard, CSI 2J clears the screen, a C1
// CSI (U+009B) is a CSI on terminals that read 8-bit controls, a lone CR or backspace overwrites.
const OSC52 = '\u001b]52;c;aGVsbG8=\u0007';
const CLEAR = '\u001b[2J';
const C1_CSI = '\u009b31m';

/** Control characters other than tab, LF and the CR of a CRLF: none may reach a terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function controlsIn(text: string): string[] {
  return [...text.replace(/\r\n/g, '\n')]
    .filter((c) => CONTROL.test(c))
    .map((c) => `U+${c.charCodeAt(0).toString(16)}`);
}

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
const file = 'postmortems/2018-05-15-crm-release-rollback-failed.md';
const refused = 'refused/2018-05-15-crm-release-rollback-failed.md';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-escapes-'));
  const example = await readFile(join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md'), 'utf8');
  // YAML's own escapes (\e, \a, \x9b, \r, \b) in the front matter, raw characters in the body.
  const hostile = example
    .replace(
      /^title: .*$/m,
      'title: "Relata CRM \\e]52;c;aGVsbG8=\\a down\\e[2J after a release\\x9b31m and a failed\\b rollback"',
    )
    .replace(
      'en: "A software update caused an error',
      'en: "A software update \\e]0;owned\\a\\e[2J\\x9b31m caused\\r an error',
    )
    .replace(
      '| process | release-eng | 2018-06-30 | open | CRM-4714 |',
      `| process | rel${OSC52}ease${CLEAR} | 2018-06-30 | open | |`,
    )
    .replace('Rehearse rollback', `Rehearse ${C1_CSI}roll\bback`)
    .replace('Release 2018.20.1 deployed', `Release 2018.20.1 ${CLEAR}deployed`);
  await mkdir(join(dir, 'postmortems'));
  await writeFile(join(dir, file), hostile);
  // A file render refuses: the messages quote the values.
  await mkdir(join(dir, 'refused'));
  await writeFile(
    join(dir, refused),
    hostile.replace('category: untested-update', 'category: "untested-\\e]52;c;aGk=\\a"'),
  );
  const drafts = join(dir, '.postmortem', 'drafts');
  await mkdir(drafts, { recursive: true });
  const draft = {
    version: 1,
    id: '20240302-090000-abcd',
    created: '2024-03-02T09:00:00.000Z',
    updated: '2024-03-02T09:00:00.000Z',
    given: {},
    steps: { title: `Checkout ${OSC52}down${CLEAR}\r${C1_CSI}` },
  };
  await writeFile(join(drafts, `${draft.id}.json`), JSON.stringify(draft));
});
afterAll(async () => (process.env.KEEP ? console.log(dir) : cleanup()));

describe('text from a postmortem never reaches the terminal as control characters', () => {
  it.each([
    [['render', file], 0],
    [['render', file, '--chart', 'mermaid'], 0],
    [['render', refused], 1],
    [['notice', file, '--channel', 'blog'], 0],
    [['notice', file, '--channel', 'email'], 0],
    [['actions'], 0],
    [['actions', '--format', 'gh'], 0],
    [['actions', '--format', 'csv'], 0],
    [['stats'], 0],
    [['stats', '--format', 'markdown'], 0],
    [['stats', '--format', 'csv'], 0],
    [['new', '--list-drafts'], 0],
    // lint reports the control characters (no-control-characters) and quotes them visibly.
    [['lint'], 1],
    [['lint', refused], 1],
    [['lint', '--format', 'json'], 1],
  ])('%j prints them visibly (exit code %i)', async (args, code) => {
    const result = await runInProcess(args, { cwd: dir });
    expect(result.code, result.stderr).toBe(code);
    expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
    expect(controlsIn(result.stdout)).toEqual([]);
    expect(controlsIn(result.stderr)).toEqual([]);
  });

  it('shows the escape as text: what was there stays readable', async () => {
    const render = await runInProcess(['render', file], { cwd: dir });
    expect(render.code).toBe(0);
    expect(render.stdout).toContain('\\u001b]52;c;aGVsbG8=\\u0007');
    const drafts = await runInProcess(['new', '--list-drafts'], { cwd: dir });
    expect(drafts.stdout).toContain('Checkout \\u001b]52;c;aGVsbG8=\\u0007down\\u001b[2J\\u000d\\u009b31m (1 answer)');
  });

  it('keeps JSON output exact: a C1 character, which JSON.stringify leaves raw, becomes a \\u escape of itself', async () => {
    const json = await runInProcess(['actions', '--format', 'json'], { cwd: dir });
    expect(controlsIn(json.stdout)).toEqual([]);
    const items = JSON.parse(json.stdout) as Array<{ action: string; owner: string }>;
    expect(items.map((i) => i.action)).toContain(
      `Rehearse ${C1_CSI}roll\bback of every release in staging before production`,
    );
    expect(items.map((i) => i.owner)).toContain(`rel${OSC52}ease${CLEAR}`);
    const stats = await runInProcess(['stats', '--format', 'json'], { cwd: dir });
    expect(controlsIn(stats.stdout)).toEqual([]);
    expect(JSON.stringify(JSON.parse(stats.stdout))).toContain('rel\\u001b]52;c;aGVsbG8=\\u0007ease\\u001b[2J');
  });

  it('lint reports each of them with line and column', async () => {
    const result = await runInProcess(['lint', file, '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout) as Array<{
      messages: Array<{ ruleId: string; line: number; column: number }>;
    }>;
    const found = report?.messages
      .filter((m) => m.ruleId === 'no-control-characters')
      .map((m) => `${m.line}:${m.column}`);
    // The title and the notice text hold YAML escapes, reported at the value; the timeline item and the
    // action-item row (C1 CSI, backspace, OSC 52's ESC and BEL, CSI 2J) hold them raw. Lines are found in
    // the file as written, so that the example may grow.
    const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const [title, notice, event, row] = [
      lineOf('title: "Relata CRM'),
      lineOf('en: "A software update \\e'),
      lineOf(`${CLEAR}deployed`),
      lineOf(`rel${OSC52}`),
    ];
    expect(Math.min(title, notice, event, row)).toBeGreaterThan(0);
    expect(found).toEqual([
      `${title}:8`,
      `${notice}:9`,
      `${event}:47`,
      `${row}:12`,
      `${row}:20`,
      `${row}:87`,
      `${row}:102`,
      `${row}:107`,
    ]);
  });

  it('writes --out files as it prints: someone will `cat` them', async () => {
    for (const [args, out] of [
      [['render', file, '--out', 'out.md'], 'out.md'],
      [['notice', file, '--out', 'notice.md'], 'notice.md'],
      [['actions', '--format', 'gh', '--out', 'issues.sh'], 'issues.sh'],
      [['stats', '--format', 'markdown', '--out', 'stats.md'], 'stats.md'],
      [['lint', '--output-file', 'lint.txt'], 'lint.txt'],
    ] as const) {
      const result = await runInProcess([...args], { cwd: dir });
      expect(result.stderr, out).not.toContain('error');
      const written = await readFile(join(dir, out), 'utf8');
      expect(written.length).toBeGreaterThan(0);
      expect(controlsIn(written), out).toEqual([]);
    }
  });

  it('gives the gh script an issue body and title without control characters, as text', async () => {
    const gh = await runInProcess(['actions', '--format', 'gh'], { cwd: dir });
    expect(gh.stdout).toContain("gh issue create --title 'Rehearse 31mrollback of every release");
    expect(gh.stdout).toContain('- Owner: rel]52;c;aGVsbG8=ease[2J');
    expect(gh.stdout).not.toMatch(/\\u00/);
  });
});

describe('terminalText', () => {
  it.each([
    ['a\u001b[2Jb', false, 'a\\u001b[2Jb'],
    ['a\u001b]52;c;eA==\u0007b', false, 'a\\u001b]52;c;eA==\\u0007b'],
    ['\u001bP1$r\u001b\\', false, '\\u001bP1$r\\u001b\\'],
    ['over\rwrite', false, 'over\\u000dwrite'],
    ['back\bspace\u007f', false, 'back\\u0008space\\u007f'],
    ['\u0085\u009b31m\u009d', false, '\\u0085\\u009b31m\\u009d'],
    ['lines\nand\ttabs\r\nCRLF\n', false, 'lines\nand\ttabs\r\nCRLF\n'],
    // Colour passes only where colour is on, and only the CLI's own styles: no conceal, black or background.
    ['\u001b[31mred\u001b[39m \u001b[1mbold\u001b[22m', true, '\u001b[31mred\u001b[39m \u001b[1mbold\u001b[22m'],
    ['\u001b[31mred\u001b[39m', false, '\\u001b[31mred\\u001b[39m'],
    ['\u001b[8mhidden\u001b[28m', true, '\\u001b[8mhidden\\u001b[28m'],
    ['\u001b[2J\u001b[1;31m\u001b[38;5;1m', true, '\\u001b[2J\\u001b[1;31m\\u001b[38;5;1m'],
    ['\u001b[30m\u001b[40mblack on black', true, '\\u001b[30m\\u001b[40mblack on black'],
  ])('shows %j (colour %s) as %j', (text, colour, shown) => {
    expect(terminalText(text, colour)).toBe(shown);
  });

  it.each(['bold', 'dim', 'underline', 'red', 'green', 'yellow'] as const)(
    'lets chalk %s through where colour is on',
    (style) => {
      const styled = new Chalk({ level: 1 })[style]('text');
      expect(styled).not.toBe('text');
      expect(terminalText(styled, true)).toBe(styled);
    },
  );
});

describe('colour and escapes together', () => {
  it('keeps the colours of a coloured run and still shows the escapes from the file', async () => {
    const result = await runInProcess(['actions'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    const refusedRun = await runInProcess(['render', refused], {
      cwd: dir,
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(refusedRun.stderr).toContain('\u001b[31merror\u001b[39m');
    expect(refusedRun.stderr).toContain('\\u001b]52;c;aGk=\\u0007');
    // eslint-disable-next-line no-control-regex
    expect(refusedRun.stderr.replace(/\u001b\[(31|39|2|22)m/g, '')).not.toMatch(CONTROL);
    expect(result.stdout).not.toMatch(CONTROL);
  });
});

describe('one way out', () => {
  it('no command writes its output file around writeOutputFile', async () => {
    const { readdir } = await import('node:fs/promises');
    const folder = join(ROOT, 'src', 'cli', 'commands');
    const offenders: string[] = [];
    for (const name of await readdir(folder))
      if ((await readFile(join(folder, name), 'utf8')).includes('writeFileAtomic')) offenders.push(name);
    expect(offenders).toEqual([]);
  });
});
