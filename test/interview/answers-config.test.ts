import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// `new` checks the file it builds with the project's rule settings, as render and notice do: a format
// rule the config turns off does not refuse the file. A source template that writes the timeline's
// events without their times makes the timeline rules fire on an otherwise valid file.

const ANSWERS = join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml');
const SIGNATURE = { en: 'The Relata team', de: 'Ihr Relata-Team' };

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-answers-config-'));
  await mkdir(join(dir, 'mine', 'source'), { recursive: true });
  const bundled = await readFile(join(ROOT, 'templates', 'source', 'postmortem.md.hbs'), 'utf8');
  const untimed = bundled.replace('- {{at}} — {{event}}', '- {{event}}');
  expect(untimed).not.toBe(bundled);
  await writeFile(join(dir, 'mine', 'source', 'postmortem.md.hbs'), untimed);
});

/** The project config: the e-mail signature (which belongs to the project) and `rules`. */
const writeConfig = (rules: Record<string, string> = {}) =>
  writeFile(join(dir, '.postmortemrc.json'), JSON.stringify({ notice: { signature: SIGNATURE }, rules }));
afterEach(async () => cleanup());

const written = async () => readdir(join(dir, 'postmortems')).catch(() => []);

describe('postmortem new --answers with the project config', () => {
  it('refuses a file the timeline rules refuse at their default levels, and writes nothing', async () => {
    await writeConfig();
    const result = await runInProcess(['new', '--answers', ANSWERS, '--templates', 'mine'], { cwd: dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Expected the item to start with a timestamp');
    expect(result.stderr).toContain('nothing was written');
    expect(await written()).toEqual([]);
  });

  it('writes the file without a word on the timeline rules when the config turns them off', async () => {
    const rules = { 'timeline-format': 'off', 'timeline-moments': 'off', 'timeline-order': 'off' };
    await writeConfig(rules);
    const result = await runInProcess(['new', '--answers', ANSWERS, '--templates', 'mine'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [file] = await written();
    expect(file).toMatch(/^2018-05-15-[a-z-]+\.md$/);
    expect(await readFile(join(dir, 'postmortems', file as string), 'utf8')).toMatch(/## Timeline\n\n- [A-Z]/);
    const lint = await runInProcess(['lint', join('postmortems', file as string)], { cwd: dir });
    expect(lint.code).toBe(0);
  });
});
