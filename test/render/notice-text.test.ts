import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { emailHeaderValue, plainText, plainTextBlock, UnsafeTextError } from '../../src/render/escape.js';
import { runInProcess, tempDir, ROOT } from '../helpers/cli.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** The CRM example with its English headline and next steps replaced (YAML double-quoted escapes allowed). */
async function withText(headline: string, nextSteps: string): Promise<string> {
  const work = await tempDir();
  cleanups.push(work.cleanup);
  const text = (await readFile(join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md'), 'utf8'))
    // Functions, not replacement strings, which would read a `$$` in the text as `$`.
    .replace('en: "Disruption of the Relata web app"', () => `en: "${headline}"`)
    .replace(/^( {4}en: )"You do not need to do anything\./m, (_m, key: string) => `${key}"${nextSteps}`);
  const file = join(work.dir, '2018-05-15-crm-release-rollback-failed.md');
  await writeFile(file, text);
  return file;
}

describe('e-mail headers are one line', () => {
  it.each([
    ['LF', 'Disruption of the web app\\nX-Injected: yes'],
    ['CR LF', 'Disruption of the web app\\r\\nBcc: everyone'],
    ['CR', 'Disruption of the web app\\rX-Injected: yes'],
    ['U+2028', 'Disruption of the web app\\u2028X-Injected: yes'],
  ])('a %s in the headline is an error (exit 1), never a new header', async (_name, headline) => {
    const file = await withText(headline, 'You do not need to do anything.');
    const result = await runInProcess(['notice', file, '--channel', 'email', '--lang', 'en', '--timezone', 'UTC']);
    // The notice-language rule refuses it before rendering, as lint does; the renderer would refuse it too.
    expect(result.stderr).toMatch(/:\d+:\d+ error Expected `notice\.headline\.en` on one line .*\(notice-language\)/);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('a one-line headline is the Subject, and the next line is the blank line before the body', async () => {
    const file = await withText('Disruption of the web app', 'You do not need to do anything.');
    const result = await runInProcess(['notice', file, '--channel', 'email', '--lang', 'en', '--timezone', 'UTC']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Subject: Relata: Disruption of the web app\n\n/);
  });

  it.each([
    ['Subject line', 'Subject line'],
    ['tab\tinside', 'tab inside'],
    ['bell\u0007', 'bell'],
  ])('emailHeaderValue(%j) = %j', (text, expected) => {
    expect(emailHeaderValue(text, 'notice.headline.en')).toBe(expected);
  });

  it('emailHeaderValue refuses a line break with the field in the message', () => {
    expect(() => emailHeaderValue('a\nb', 'notice.headline.de')).toThrow(UnsafeTextError);
    expect(() => emailHeaderValue('a\nb', 'notice.headline.de')).toThrow(/^notice\.headline\.de: expected one line/);
  });
});

describe('status text is plain text without control characters', () => {
  it('removes escape sequences, bells and C1 controls from the status line', async () => {
    const file = await withText(
      'Disruption \\e[31mof the web app\\a',
      'You do not need\\x85 to do \\e]8;;https://evil.example\\e\\\\anything.',
    );
    const result = await runInProcess(['notice', file, '--channel', 'status', '--lang', 'en', '--timezone', 'UTC']);
    expect(result.code).toBe(0);
    const controls = Array.from(result.stdout).filter((c) => /\p{Cc}/u.test(c) && c !== '\n');
    expect(controls).toEqual([]);
    expect(result.stdout).toMatch(/^Disruption \[31mof the web app\n/);
    expect(result.stdout).toContain('You do not need to do ]8;;https://evil.example\\anything.');
  });

  it.each([
    ['a\u001b[0mb', 'a[0mb'],
    ['one\ntwo', 'one two'],
    ['x\u0085y\u009bz', 'xyz'],
  ])('plainText(%j) = %j', (text, expected) => {
    expect(plainText(text)).toBe(expected);
  });

  it('plainTextBlock keeps line breaks and tabs but not other controls', () => {
    expect(plainTextBlock('a\n\tb\u0007\r\nc\u007f')).toBe('a\n\tb\r\nc');
  });
});

describe('the blog notice hides kramdown syntax (Jekyll) from the Markdown it writes', () => {
  it('attributes, extensions, math and a leading colon come out as character references', async () => {
    const payload = 'Now $$1$${: autofocus=\\"\\" onfocus=\\"x()\\"} {::nomarkdown}raw{:/}\\n\\n^\\n\\n: term';
    const file = await withText('Disruption of the web app', payload);
    const result = await runInProcess(['notice', file, '--channel', 'blog', '--lang', 'en', '--timezone', 'UTC']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Now &#36;$1&#36;$&#123;: autofocus="" onfocus="x()"} &#123;::nomarkdown}raw&#123;:/}',
    );
    expect(result.stdout).toMatch(/^&#58; term/m);
    expect(result.stdout).toMatch(/^&#94;$/m);
    expect(result.stdout).not.toMatch(/\{:|\$\$|^:|^\^$/m);
  });
});
