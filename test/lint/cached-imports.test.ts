import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// End to end (the built binary with an import recorder): the catalog is generated so that a
// fully cached run needs no rule code, no parser and no zod. What a run loads is the process's, so
// every run whose imports are looked at is one of the binary; a cache that is only to be there is
// written by a run in this process (the same code and key: the tool's version and the settings).

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-cached-'));
});
afterAll(async () => cleanup());

/** The modules a `lint --cache` run in `cwd` loads: ESM imports and CommonJS requires. */
async function importsOf(cwd: string, name: string): Promise<string[]> {
  const log = join(dir, `${name}.log`);
  const preload = (helper: string) => ['--import', join(ROOT, 'test/helpers', helper)];
  const argv = [...preload('record-imports.mjs'), ...preload('record-requires.mjs'), BIN, 'lint'];
  // Exit 1 (findings) is an answer too.
  await promisify(execFile)(process.execPath, [...argv, '--cache', '--cache-location', '.cache/'], {
    cwd,
    env: { ...process.env, POSTMORTEM_IMPORT_LOG: log, POSTMORTEM_REQUIRE_LOG: log },
  }).catch((error: { code?: number }) => {
    if (error.code !== 1) throw error;
  });
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
}

/** Writes the cache a first `lint --cache` run in `cwd` leaves, in this process. */
async function writeCache(cwd: string): Promise<void> {
  const result = await runInProcess(['lint', '--cache', '--cache-location', '.cache/'], { cwd });
  expect([0, 1], result.stderr).toContain(result.code);
}

/** The complete fixture, alone in a project without config. */
async function fixtureProject(name: string): Promise<string> {
  const root = join(dir, name);
  await mkdir(join(root, 'postmortems'), { recursive: true });
  await copyFile(
    join(ROOT, 'test/fixtures/complete-postmortem.md'),
    join(root, 'postmortems/2020-01-01-api-outage.md'),
  );
  return root;
}

let firstRun: Promise<string[]> | undefined;
/** The imports of the binary's first run over the complete fixture (no cache yet), made once for the file. */
function firstImports(): Promise<string[]> {
  return (firstRun ??= fixtureProject('first').then((root) => importsOf(root, 'first')));
}

describe('a fully cached lint run', () => {
  it('loads no rule module, no parser and no zod; the first run does (so the check can fail)', async () => {
    const root = join(dir, 'project');
    await mkdir(join(root, 'postmortems'), { recursive: true });
    await copyFile(
      join(ROOT, 'test/fixtures/complete-postmortem.md'),
      join(root, 'postmortems/2020-01-01-api-outage.md'),
    );
    await writeFile(join(root, '.postmortemrc.json'), JSON.stringify({ rules: { 'section-order': 'off' } }));
    const heavy = (urls: string[]) => urls.filter((u) => /\/lint\/rules\/|yaml|mdast|micromark|zod/.test(u));
    expect(heavy(await firstImports()).length).toBeGreaterThan(0);
    await writeCache(root);
    const cached = await importsOf(root, 'cached');
    expect(heavy(cached)).toEqual([]);
    // Nor the thread module: a run that lints nothing starts no worker (about 6 ms to load).
    expect(cached.filter((u) => /worker_threads|\/lint\/worker\.js/.test(u))).toEqual([]);
  });
});

// Issue 22: a re-run of 10,000 untouched files in 0.3 s leaves no room for loading what it does not use.
describe('a cached re-run of an untouched file', () => {
  let first: string[] = [];
  let cached: string[] = [];
  beforeAll(async () => {
    const root = await fixtureProject('untouched');
    // An hour old: a file changed within moments of the cache's save is hashed, not trusted by its stamp.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(root, 'postmortems/2020-01-01-api-outage.md'), anHourAgo, anHourAgo);
    await writeCache(root);
    first = await firstImports();
    cached = (await importsOf(root, 'untouched-cached')).filter((u) => !u.includes('/test/helpers/'));
  });

  it('loads less than a first run of the same file, and the cache', () => {
    expect(cached.length).toBeLessThan(first.length);
    expect(cached.some((u) => u.endsWith('/dist/lint/cache.js'))).toBe(true);
  });

  // Each with a module it must catch (the recorder logs ESM URLs and CommonJS paths), so no row holds vacuously.
  it.each([
    [
      'commander (a plain lint command line is parsed from its option table)',
      /\/commander\//,
      '/p/node_modules/commander/index.js',
    ],
    [
      'picomatch (the default pattern and folders need no glob library)',
      /\/picomatch\//,
      '/p/node_modules/picomatch/index.js',
    ],
    [
      'node:crypto (the key is compared as text; the content hash is for a file to read)',
      /^node:crypto$/,
      'node:crypto',
    ],
    [
      'language module (the option table lists languages by name)',
      /\/language\/(?!names\.js)[^/]+\.js$/,
      'file:///p/dist/language/en.js',
    ],
    [
      'handlebars, micromark, yaml or zod',
      /\/(?:handlebars|micromark[^/]*|yaml|zod)\//,
      'file:///p/node_modules/zod/index.js',
    ],
    [
      'CommonJS module but the bin (which answers --version before any ES module loads)',
      /^\/(?!.*\/bin\/postmortem\.js$).*\.c?js$/,
      '/p/node_modules/yaml/dist/index.js',
    ],
    ['chalk (no output stream is a terminal)', /\/chalk\//, 'file:///p/node_modules/chalk/source/index.js'],
    [
      'error report (exit.js and report.js load for an error only)',
      /\/cli\/(?:exit|report)\.js$/,
      'file:///p/dist/cli/exit.js',
    ],
    ['reader (no file is read)', /\/lint\/read\.js$/, 'file:///p/dist/lint/read.js'],
    [
      'duplicate-id check (the cache knows its ids are distinct)',
      /\/lint\/unique-ids\.js$/,
      'file:///p/dist/lint/unique-ids.js',
    ],
    ['timing table (TIMING is not set)', /\/lint\/timing\.js$/, 'file:///p/dist/lint/timing.js'],
    ['node:os or node:url (no thread to plan, no worker script to find)', /^node:(?:os|url)$/, 'node:os'],
  ])('loads no %s', (_name, pattern, example) => {
    expect(pattern.test(example)).toBe(true);
    expect(cached.filter((u) => pattern.test(u))).toEqual([]);
  });
});

describe('a first lint run', () => {
  it('loads zod only for a file whose front-matter issues the fast check cannot tell', async () => {
    const text = await readFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), 'utf8');
    const zod = (urls: string[]) => urls.filter((u) => /\/zod\//.test(u));
    const title = 'title: API unavailable after a configuration change';
    for (const [name, body, loads] of [
      ['valid', text, false],
      ['severity', text.replace(/^severity: SEV\d$/m, 'severity: SEV5'), false],
      ['title', text.replace(title, `${title}.`), true],
    ] as const) {
      expect(body !== text).toBe(name !== 'valid');
      // The fixture as it is: the first run the other tests compare with.
      if (name === 'valid') {
        expect(zod(await firstImports()).length > 0, name).toBe(loads);
        continue;
      }
      const root = join(dir, `first-${name}`);
      await mkdir(join(root, 'postmortems'), { recursive: true });
      await writeFile(join(root, 'postmortems/2020-01-01-api-outage.md'), body);
      expect(zod(await importsOf(root, `first-${name}`)).length > 0, name).toBe(loads);
    }
  });
});

describe('a first lint run', () => {
  it('loads the Markdown parser and the YAML parser only for what the line readers cannot take', async () => {
    // An example whose front matter the plain reader takes (the fixture's flow mappings it does not).
    const text = await readFile(join(ROOT, 'examples/2018-05-15-crm-release-rollback-failed.md'), 'utf8');
    const parser = (urls: string[]) => urls.filter((u) => /\/(mdast|micromark)[^/]*\//.test(u));
    const yaml = (urls: string[]) => urls.filter((u) => /\/node_modules\/yaml\//.test(u));
    for (const [name, body, loads] of [
      ['plain', text, { parser: false, yaml: false }],
      // A paragraph before the timeline's list is not the simple shape the line reader takes.
      [
        'paragraph',
        text.replace('## Timeline\n\n', '## Timeline\n\nTimes are UTC.\n\n'),
        { parser: true, yaml: false },
      ],
      // Nor is a block scalar one the plain YAML reader takes.
      ['block scalar', text.replace(/^severity: (SEV\d)$/m, 'severity: |-\n  $1'), { parser: false, yaml: true }],
    ] as const) {
      expect(body !== text).toBe(name !== 'plain');
      const root = join(dir, `parsers-${name.replace(' ', '-')}`);
      await mkdir(join(root, 'postmortems'), { recursive: true });
      await writeFile(join(root, 'postmortems/2018-05-15-crm-release-rollback-failed.md'), body);
      const urls = await importsOf(root, `parsers-${name.replace(' ', '-')}`);
      expect({ parser: parser(urls).length > 0, yaml: yaml(urls).length > 0 }, name).toEqual(loads);
    }
  });
});
