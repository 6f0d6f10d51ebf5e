import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const ANSWERS = join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml');

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-render-new-'));
});
afterEach(async () => cleanup());

async function written(): Promise<string> {
  const [file] = await readdir(join(dir, 'postmortems'));
  return join('postmortems', file as string);
}

describe('a postmortem written by new, rendered', () => {
  it('records the zone, shows Started readably with it, and gives each root-cause summary once', async () => {
    expect((await runInProcess(['new', '--answers', ANSWERS], { cwd: dir })).code).toBe(0);
    const file = await written();
    const source = await readFile(join(dir, file), 'utf8');
    expect(source).toContain('\ntimezone: Europe/Berlin\n');
    const rendered = await runInProcess(['render', file], { cwd: dir });
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toContain('| **Started** | Tuesday, 15 May 2018, 14:02 (UTC+02:00, Europe/Berlin) |');
    const summaries = [...source.matchAll(/^ {4}summary: (.+)$/gm)].map((m) => (m[1] as string).replace(/^"|"$/g, ''));
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) {
      const plain = summary.slice(0, 40);
      expect(rendered.stdout.split(plain).length - 1).toBe(1);
    }
    expect(rendered.stdout).toMatch(/^- \*\*untested-update\*\*$/m);
  });

  it("does not record the machine's zone as the incident's when the answers file names none", async () => {
    const text = (await readFile(ANSWERS, 'utf8')).replace(/^timezone: .*\n/m, '');
    await writeFile(join(dir, 'a.yaml'), text);
    expect((await runInProcess(['new', '--answers', 'a.yaml'], { cwd: dir, env: { TZ: 'Asia/Tokyo' } })).code).toBe(0);
    expect(await readFile(join(dir, await written()), 'utf8')).not.toContain('timezone:');
  });

  it('takes the source template from --templates', async () => {
    await mkdir(join(dir, 'mine', 'source'), { recursive: true });
    const bundled = await readFile(join(ROOT, 'templates', 'source', 'postmortem.md.hbs'), 'utf8');
    await writeFile(
      join(dir, 'mine', 'source', 'postmortem.md.hbs'),
      bundled.replace('## Summary\n', '## Summary\n\n_Written with our template._\n'),
    );
    const result = await runInProcess(['new', '--answers', ANSWERS, '--templates', 'mine'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, await written()), 'utf8')).toContain(
      '## Summary\n\n_Written with our template._\n',
    );
  });

  it('names a missing templates folder (exit 2) and writes nothing', async () => {
    const result = await runInProcess(['new', '--answers', ANSWERS, '--templates', 'nope'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a templates folder for --templates, found no such folder');
    await expect(readdir(join(dir, 'postmortems'))).rejects.toThrow();
  });
});
