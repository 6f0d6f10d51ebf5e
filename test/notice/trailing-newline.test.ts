/**
 * A notice printed to a terminal ends with exactly one line break, so the shell prompt (or the next
 * warning) starts on its own line; `--out` writes the same text, a text file's one final newline.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
const CASES = (['blog', 'email', 'status'] as const).flatMap((channel) =>
  (['en', 'de', 'fr'] as const).map((lang) => [channel, lang] as const),
);

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-notice-eol-'));
  // Templates that end in blank lines, or in none, must not change how the text ends.
  await mkdir(join(dir, 'loose', 'notice'), { recursive: true });
  for (const name of ['email.txt.hbs', 'blog.md.hbs', 'status.txt.hbs']) {
    const text = await readFile(join(ROOT, 'templates', 'notice', name), 'utf8');
    // The e-mail's last line (the signature) then has no line break of its own.
    const loose = name.startsWith('email') ? text.replace(/\n\{\{\/if\}\}\n$/, '{{/if}}') : `${text}\n\n\n`;
    expect(loose).not.toBe(text);
    await writeFile(join(dir, 'loose', 'notice', name), loose);
  }
});
afterAll(() => cleanup());

describe('postmortem notice ends its text with exactly one newline', () => {
  it.each(CASES)('%s %s: on stdout and in --out', async (channel, lang) => {
    const printed = await runInProcess(['notice', EXAMPLE, '--channel', channel, '--lang', lang], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/[^\n]\n$/);
    const out = `${channel}-${lang}.txt`;
    const written = await runInProcess(['notice', EXAMPLE, '--channel', channel, '--lang', lang, '--out', out], {
      cwd: dir,
    });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(await readFile(join(dir, out), 'utf8')).toBe(printed.stdout);
  });

  it.each(CASES)('%s %s: with --templates that end in no or several newlines', async (channel, lang) => {
    const printed = await runInProcess(
      ['notice', EXAMPLE, '--channel', channel, '--lang', lang, '--templates', 'loose'],
      { cwd: dir },
    );
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/[^\n]\n$/);
  });
});
