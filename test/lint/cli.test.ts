import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const base = () => readFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), 'utf8');

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-lint-'));
});
afterAll(async () => cleanup());

async function project(name: string, files: Record<string, string>): Promise<string> {
  const root = join(dir, name);
  await mkdir(join(root, 'postmortems'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('postmortem lint (in-process; the binary is tested in test/cli and test/lint/progress)', () => {
  it('lints the examples clean with the default config', async () => {
    const result = await runInProcess(['lint', 'examples', '--format', 'json', '--max-warnings', '0']);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout) as Array<{ messages: unknown[] }>;
    expect(results.length).toBe((await readdir(join(ROOT, 'examples'))).filter((f) => f.endsWith('.md')).length);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('exits 0 on warnings, 1 past --max-warnings, 1 on errors, and 2 on usage errors', async () => {
    const text = (await base()).replace('The change was reverted.', 'It was human error.');
    const root = await project('exit', { 'postmortems/2020-01-01-api-outage.md': text });
    expect((await runInProcess(['lint'], { cwd: root })).code).toBe(0);
    const over = await runInProcess(['lint', '--max-warnings', '0'], { cwd: root });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings');
    expect((await runInProcess(['lint', '--max-warnings', '1'], { cwd: root })).code).toBe(0);
    expect((await runInProcess(['lint', '--rule', 'blameless-language:error'], { cwd: root })).code).toBe(1);
    expect(
      (await runInProcess(['lint', '--rule', 'blameless-language:off', '--max-warnings', '0'], { cwd: root })).code,
    ).toBe(0);
    const quiet = await runInProcess(['lint', '--quiet', '--max-warnings', '0'], { cwd: root });
    expect([quiet.code, quiet.stdout]).toEqual([0, '']);
    expect((await runInProcess(['lint', '--rule', 'no-such-rule:off'], { cwd: root })).code).toBe(2);
    expect((await runInProcess(['lint', '--format', 'xml'], { cwd: root })).code).toBe(2);
    expect((await runInProcess(['lint', 'missing.md'], { cwd: root })).code).toBe(2);
  });

  it('--report writes further formats from the same run; github annotations are relative to the workspace', async () => {
    const text = (await base()).replace('The change was reverted.', 'It was human error.');
    const root = await project('report', { 'postmortems/2020-01-01-api-outage.md': text });
    const result = await runInProcess(
      ['lint', '--format', 'github', '--report', 'sarif=out/lint.sarif', '--report', 'json=lint.json'],
      { cwd: root, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir } },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::warning file=report\/postmortems\/2020-01-01-api-outage\.md,line=\d+,/m);
    const sarif = JSON.parse(await readFile(join(root, 'out', 'lint.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string }> }>;
    };
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(['blameless-language']);
    const json = JSON.parse(await readFile(join(root, 'lint.json'), 'utf8')) as Array<{ warningCount: number }>;
    expect(json.map((r) => r.warningCount)).toEqual([1]);
    // Outside GitHub Actions the paths are relative to the working folder, as before.
    const local = await runInProcess(['lint', '--format', 'github'], { cwd: root, env: { GITHUB_WORKSPACE: dir } });
    expect(local.stdout).toMatch(/^::warning file=postmortems\/2020-01-01-api-outage\.md,/m);
    for (const bad of ['sarif', 'xml=a.txt', 'sarif=']) {
      const refused = await runInProcess(['lint', '--report', bad], { cwd: root });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`--report ${bad}: expected FORMAT=PATH`);
    }
    // A file that is not a report is not replaced without --force.
    await writeFile(join(root, 'notes.txt'), 'mine\n');
    const kept = await runInProcess(['lint', '--report', 'json=notes.txt'], { cwd: root });
    expect(kept.code).toBe(2);
    expect(await readFile(join(root, 'notes.txt'), 'utf8')).toBe('mine\n');
    // Two reports to one file: refused, instead of the second silently replacing the first.
    for (const args of [
      ['--report', 'json=twice.json', '--report', 'sarif=twice.json'],
      ['--output-file', 'twice.json', '--report', 'sarif=./twice.json'],
    ]) {
      const twice = await runInProcess(['lint', ...args], { cwd: root });
      expect(twice.code).toBe(2);
      expect(twice.stderr).toContain('another report already goes to this file');
    }
    expect(await readdir(root)).not.toContain('twice.json');
  });

  it('exits 2 on an invalid config, naming the file and the key', async () => {
    const root = await project('config', {
      'postmortems/2020-01-01-api-outage.md': await base(),
      '.postmortemrc.json': JSON.stringify({ rules: { 'section-order': 'loud' } }),
    });
    const result = await runInProcess(['lint'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.postmortemrc.json');
    expect(result.stderr).toContain('rules.section-order');
  });

  it('reads rules and categories from the postmortem key of package.json', async () => {
    const text = (await base()).replace('category: configuration', 'category: third-party');
    const root = await project('pkg', {
      'postmortems/2020-01-01-api-outage.md': text,
      'package.json': JSON.stringify({
        name: 'x',
        postmortem: { categories: ['third-party'], rules: { 'section-order': 0 } },
      }),
    });
    const result = await runInProcess(['lint', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(0);
  });

  it('turns hostile input into messages and keeps linting the other files', async () => {
    const deepQuotes = `${'> '.repeat(5000)}deep\n`;
    const bigTimeline = Array.from(
      { length: 20_000 },
      (_, i) => `- 2020-01-01 10:${String(i % 60).padStart(2, '0')} Z — event ${i}`,
    ).join('\n');
    const good = await base();
    const root = await project('hostile', {
      'postmortems/a-empty.md': '',
      'postmortems/b-binary.md': '\u0000\u0001\u0002',
      'postmortems/c-js.md': '---js\n{ id: process.exit(3) }\n---\n',
      'postmortems/d-bomb.md':
        '---\n' +
        'a: &a [x,x,x,x,x,x,x,x,x]\n' +
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' +
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
        'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n' +
        '---\n',
      'postmortems/e-yaml.md': '---\nid: [\n---\n',
      'postmortems/f-quotes.md': good
        .replace('id: 2020-01-01-api-outage', 'id: 2020-01-01-f')
        .replace('## Root cause', `## Root cause\n\n${deepQuotes}`)
        .replace('## Timeline\n', `## Timeline\n\n${deepQuotes}\n`),
      'postmortems/g-big.md': good
        .replace('id: 2020-01-01-api-outage', 'id: 2020-01-01-g')
        .replace(/## Timeline\n\n[\s\S]*?\n\n## Root cause/, `## Timeline\n\n${bigTimeline}\n\n## Root cause`),
      'postmortems/2020-01-01-api-outage.md': good,
    });
    const result = await runInProcess(['lint', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    const results = JSON.parse(result.stdout) as Array<{
      filePath: string;
      errorCount: number;
      messages: Array<{ line: number }>;
    }>;
    const byName = Object.fromEntries(results.map((r) => [r.filePath.split('/').pop(), r]));
    for (const name of ['a-empty.md', 'b-binary.md', 'c-js.md', 'd-bomb.md', 'e-yaml.md'])
      expect(byName[name]?.errorCount).toBeGreaterThan(0);
    expect(byName['e-yaml.md']?.messages[0]?.line).toBe(2);
    expect(byName['2020-01-01-api-outage.md']?.errorCount).toBe(0);
    expect(byName['g-big.md']?.errorCount).toBeGreaterThan(0);
  });

  it('reports duplicate ids across files', async () => {
    const good = await base();
    const root = await project('dupes', {
      'postmortems/2020-01-01-api-outage.md': good,
      'postmortems/2021/2020-01-01-api-outage.md': good,
    });
    const result = await runInProcess(['lint', '--format', 'json'], { cwd: root });
    const results = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([['id-filename'], ['id-filename']]);
    expect(results[0]?.messages[0]?.message).toContain('unique');
  });

  // A run answered wholly from a cache whose ids are distinct skips the check (src/lint/run.ts).
  it('reports duplicate ids with --cache: a new file repeating a cached id, and again when both are cached', async () => {
    const good = await base();
    const root = await project('cached-dupes', { 'postmortems/2020-01-01-api-outage.md': good });
    const args = ['lint', '--format', 'json'];
    const cached = async () => runInProcess([...args, '--cache'], { cwd: root });
    const rules = (stdout: string) =>
      (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string }> }>).map((r) =>
        r.messages.map((m) => m.ruleId),
      );
    expect(rules((await cached()).stdout)).toEqual([[]]);
    expect(rules((await cached()).stdout)).toEqual([[]]);
    await mkdir(join(root, 'postmortems/2021'));
    await writeFile(join(root, 'postmortems/2021/2020-01-01-api-outage.md'), good);
    const uncached = await runInProcess(args, { cwd: root });
    expect(rules(uncached.stdout)).toEqual([['id-filename'], ['id-filename']]);
    for (const run of [await cached(), await cached()]) expect([run.code, run.stdout]).toEqual([1, uncached.stdout]);
  });

  it('--fix sorts the timeline, normalises prefixes and adds offsets from timezone; a second run changes nothing', async () => {
    const text = (await base())
      .replace('started: "2020-01-01T10:00:00Z"', 'timezone: Europe/Berlin\nstarted: "2020-01-01T11:00:00"')
      .replace(
        '- 2020-01-01 10:05 Z — Error rate alert fires\n- 2020-01-01 10:30 Z — Change reverted; errors stop',
        '- 2020-01-01 10:30 UTC - Change reverted; errors stop\n- 2020-01-01 10:05 +0000: Error rate alert fires',
      );
    const root = await project('fix', { 'postmortems/2020-01-01-api-outage.md': text });
    const file = join(root, 'postmortems/2020-01-01-api-outage.md');
    const before = await runInProcess(['lint', '--format', 'json'], { cwd: root });
    const counts = JSON.parse(before.stdout) as Array<{ fixableErrorCount: number }>;
    expect(counts[0]?.fixableErrorCount).toBe(2);
    const fixed = await runInProcess(['lint', '--fix'], { cwd: root });
    expect([fixed.code, fixed.stdout]).toEqual([0, '']);
    const once = await readFile(file, 'utf8');
    expect(once).toContain('started: "2020-01-01T11:00:00+01:00"');
    expect(once).toContain(
      '- 2020-01-01 10:05 +00:00 — Error rate alert fires\n- 2020-01-01 10:30 Z — Change reverted; errors stop',
    );
    await runInProcess(['lint', '--fix'], { cwd: root });
    expect(await readFile(file, 'utf8')).toBe(once);
  });

  it('--cache reuses results and notices changed files', async () => {
    const good = await base();
    const root = await project('cache', { 'postmortems/2020-01-01-api-outage.md': good });
    const first = await runInProcess(['lint', '--cache', '--format', 'json'], { cwd: root });
    expect(first.code).toBe(0);
    expect((await readdir(join(root, 'node_modules/.cache/postmortem'))).length).toBe(1);
    expect((await runInProcess(['lint', '--cache'], { cwd: root })).code).toBe(0);
    await writeFile(
      join(root, 'postmortems/2020-01-01-api-outage.md'),
      good.replace('severity: SEV2', 'severity: SEV9'),
    );
    expect((await runInProcess(['lint', '--cache'], { cwd: root })).code).toBe(1);
  });

  it('writes the report to --output-file', async () => {
    const root = await project('out', { 'postmortems/2020-01-01-api-outage.md': await base() });
    await copyFile(join(root, 'postmortems/2020-01-01-api-outage.md'), join(root, 'postmortems/2020-01-02-x.md'));
    const result = await runInProcess(['lint', '--format', 'junit', '--output-file', 'report.xml'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(await readFile(join(root, 'report.xml'), 'utf8')).toContain('<testsuites');
  });
});
