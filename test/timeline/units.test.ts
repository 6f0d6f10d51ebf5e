import { deflateSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { eventText } from '../../src/timeline/event-text.js';
import { DEFAULT_ROLE, NameScrubber } from '../../src/timeline/blameless.js';
import { repositoryName } from '../../src/timeline/git.js';
import { elementLines, jsonSyntaxReason, parseJson } from '../../src/timeline/json.js';
import { sameWordsKey } from '../../src/timeline/merge.js';
import { sentTo, withoutDomain } from '../../src/timeline/opsgenie.js';
import { readZipEntries, ZipError } from '../../src/timeline/zip.js';
import { runInProcess } from '../helpers/cli.js';

describe('readZipEntries', () => {
  it('stops a file that inflates beyond the limit, whatever size it claims', () => {
    // 8 MB of zeros compress to a few KB: a small zip bomb.
    const archive = zipSync({ 'inc/2024-03-30.json': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(archive.length).toBeLessThan(64 * 1024);
    expect(() =>
      readZipEntries(archive, () => true, { maxFileBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 }),
    ).toThrow(ZipError);
    expect(() =>
      readZipEntries(archive, () => true, { maxFileBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 }),
    ).toThrow(/inc\/2024-03-30\.json inflates to more than 1 MB/);
  });

  it('counts every file against the total', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) files[`c/2024-03-0${i + 1}.json`] = new Uint8Array(600 * 1024);
    const archive = zipSync(files);
    expect(() =>
      readZipEntries(archive, () => true, { maxFileBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 }),
    ).toThrow(/more than 1 MB/);
    expect(
      readZipEntries(archive, (n) => n.endsWith('01.json'), {
        maxFileBytes: 1024 * 1024,
        maxTotalBytes: 2 * 1024 * 1024,
      }).size,
    ).toBe(1);
  });

  it('finds no entries in bytes that are not an archive (the Slack reader then says it found no channel)', () => {
    expect(readZipEntries(deflateSync(Buffer.from('not a zip at all')), () => true).size).toBe(0);
  });
});

describe('eventText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['two\nlines\r\n  here', 'two lines here'],
    ['\u001b[31mred\u001b[0m and \u001b]8;;http://x\u0007link\u001b]8;;\u0007', 'red and link'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['a\\b', 'a\\\\b'],
    ['\u202egnp.exe', 'gnp.exe'],
    ['  tab\there  and\u00a0nbsp ', 'tab here and nbsp'],
  ])('%j -> %j', (raw, expected) => {
    expect(eventText(raw)).toBe(expected);
  });

  it('cuts long text at a word, with an ellipsis', () => {
    const out = eventText('word '.repeat(100));
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out.endsWith('word…')).toBe(true);
  });
});

describe('sameWordsKey', () => {
  // ASCII text takes a shorter way than the rest; both must give the same words.
  it.each([
    ['Restarted the API, 5xx gone!', 'restarted the api 5xx gone'],
    ['Neustart der Datenbank — Fehler weg', 'neustart der datenbank fehler weg'],
    ['Größe erhöht: 5 → 10', 'größe erhöht 5 10'],
    ['a\\b and a\\[link\\]', 'ab and a link'],
    ['  ...  ', ''],
  ])('%j -> %j', (text, words) => {
    expect(sameWordsKey(60_000 * 7 + 59_000, text)).toBe(`7|${words}`);
  });
});

describe('elementLines', () => {
  it('finds the line of each element of the array at a depth, strings with brackets and newlines included', () => {
    const text = '{"log_entries": [\n  {"a": "[x]\\n"},\n  {"b": 1}, {"c": ["]"]}\n]}';
    expect(elementLines(text, 2)).toEqual([2, 3, 3]);
    expect(elementLines('[\n1,\n2\n]', 1)).toEqual([2, 3]);
  });
});

// Three patterns rewritten to run in linear time (test/lint/builtin-patterns.test.ts proves that):
// what each must still match.
describe('NameScrubber e-mail addresses', () => {
  const scrubber = new NameScrubber([], {});
  it.each([
    ['mail ana.lima+ops@example.co.uk now', 'mail ROLE now'],
    ['a@b.com+x@c.org', 'ROLEROLE'],
    ['x..y@z.com.', 'ROLE.'],
    ['a@b.c@d.com', 'ROLE@d.com'],
    ['a@b+c@d.com', 'a@ROLE'],
    ['no-domain@host and @handle', 'no-domain@host and @handle'],
    ['plain words, no at sign', 'plain words, no at sign'],
  ])('%j -> %j', (text, scrubbed) => {
    expect(scrubber.scrub(text)).toBe(scrubbed.replaceAll('ROLE', DEFAULT_ROLE));
  });
});

describe('repositoryName', () => {
  it.each([
    ['/srv/git/api.git', 'api'],
    ['/srv/git/api.git///', 'api'],
    ['/srv/web\\/\\', 'web'],
    ['repos/a//b/', 'b'],
    ['/', 'repository'],
  ])('%j -> %j', (dir, name) => {
    expect(repositoryName(dir)).toBe(name);
  });
});

describe('jsonSyntaxReason', () => {
  it.each([
    [
      "Expected ',' or '}' after property value in JSON at position 10 (line 1 column 11)",
      "Expected ',' or '}' after property value",
    ],
    ['Unexpected end of JSON input', 'Unexpected end of JSON input'],
    ['Bad control character in string literal in JSON at position 3', 'Bad control character in string literal'],
    ['Unexpected token  \t (line 2 column 3)', 'Unexpected token'],
  ])('%j -> %j', (why, reason) => {
    expect(jsonSyntaxReason(why)).toBe(reason);
  });

  it('gives parseJson its message, at the line and column of the error', () => {
    expect(parseJson('{\n"a": 1,,}', 'f.json')).toEqual({
      message: {
        file: 'f.json',
        line: 2,
        column: 8,
        message: 'expected JSON, found a syntax error: Expected double-quoted property name',
      },
    });
  });
});

describe("Opsgenie's notification lines and owner names", () => {
  it.each([
    ['Sent SMS to Ana', true],
    ['email sent  to the on-call', true],
    ['sent to Ana', false],
    ['resent it to Ana', false],
    ['sent sent sent', false],
    ['sent it\nto Ana', false],
    ['first line\nsent a page to Bo', true],
    ['sent it to\u2028Ana', true],
    ['sent it toward Ana', false],
  ])('sentTo(%j) is %s', (log, expected) => {
    expect(sentTo(log)).toBe(expected);
  });

  it.each([
    ['ana@example.org', 'ana'],
    ['a@b@c', 'a'],
    ['no domain', 'no domain'],
    ['x@y\nz', 'x@y\nz'],
    ['x@y\nz@w', 'x@y\nz'],
  ])('withoutDomain(%j) is %j', (owner, expected) => {
    expect(withoutDomain(owner)).toBe(expected);
  });

  // The patterns they replace, on short random texts: same answers.
  it('agree with the patterns they replace', () => {
    const pieces = ['sent ', 'Sent', ' to', 'to', 'x', ' ', '\n', '\r', '\u2028', '@', 'a@b', 'toward'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from({ length: (i % 9) + 1 }, () => pieces[next()]).join('');
      expect(sentTo(text), text).toBe(/\bsent .* to\b/i.test(text));
      expect(withoutDomain(text), text).toBe(text.replace(/@.*$/, ''));
    }
  });
});

describe('postmortem timeline --help', () => {
  it('documents the sources, the options and the exit codes', async () => {
    const r = await runInProcess(['timeline', '--help']);
    expect(r.code).toBe(0);
    for (const text of [
      '--from <source>',
      '--channel <name>',
      '--since <time>',
      '--all',
      '--write',
      'Exit codes:',
      'slack:',
    ])
      expect(r.stdout).toContain(text);
  });

  it('asks for a source', async () => {
    const r = await runInProcess(['timeline', 'x.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected at least one --from SOURCE');
  });
});
