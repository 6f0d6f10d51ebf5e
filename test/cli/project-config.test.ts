import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInterview } from '../../src/interview/index.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { examples } from '../helpers/examples.js';

/** A project category from .postmortemrc.json must be accepted by every command, not only lint. */
describe('project categories from .postmortemrc.json', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  const example = examples()[0]!;
  let file = '';
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    file = join(dir, example.name);
    await writeFile(file, example.text.replace(/category: [a-z-]+/, 'category: vendor-outage'));
  });
  afterAll(() => cleanup());

  async function withConfig(config: object | null): Promise<void> {
    const path = join(dir, '.postmortemrc.json');
    if (config) await writeFile(path, JSON.stringify(config));
    else await writeFile(path, '{}');
  }

  it.each([[['render']], [['notice']], [['lint']]])(
    '%j refuses the category without the config and accepts it with it',
    async (command) => {
      await withConfig(null);
      const refused = await runInProcess([...command, file], { cwd: dir });
      expect(refused.code).toBe(1);
      expect(refused.stderr + refused.stdout).toContain('vendor-outage');
      await withConfig({ categories: ['vendor-outage'] });
      const accepted = await runInProcess([...command, file], { cwd: dir });
      expect(accepted.stderr).toBe('');
      expect(accepted.code).toBe(0);
    },
  );

  it('render reports a broken config with its file and exit 2', async () => {
    await writeFile(join(dir, '.postmortemrc.json'), '{"categories": "not-a-list"}');
    const result = await runInProcess(['render', file], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.postmortemrc.json');
    expect(result.stderr).toContain('categories');
  });

  it('new --answers takes the project category and writes a file lint accepts', async () => {
    const answers = (await readFile(join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml'), 'utf8')).replace(
      /category: [a-z-]+/,
      'category: vendor-outage',
    );
    await writeFile(join(dir, 'answers.yaml'), answers);
    await withConfig(null);
    const refused = await runInProcess(['new', '--answers', 'answers.yaml'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/root_causes\.0\.category: .*vendor-outage/);
    // new lints what it wrote with this config: the e-mail signature is the project's, from the config.
    const signature = { en: 'The Relata team', de: 'Ihr Relata-Team' };
    await withConfig({ categories: ['vendor-outage'], notice: { signature } });
    const written = await runInProcess(['new', '--answers', 'answers.yaml'], { cwd: dir });
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    const [name] = await readdir(join(dir, 'postmortems'));
    const text = await readFile(join(dir, 'postmortems', name!), 'utf8');
    expect(text).toContain('category: vendor-outage');
    expect((await runInProcess(['lint', join('postmortems', name!)], { cwd: dir })).code).toBe(0);
  });

  it('the interview offers the project category after the built-in ones', async () => {
    let offered: string[] = [];
    const stop = new Error('stop after the checkbox');
    const ask = {
      input: async () => {
        throw stop;
      },
      text: async () => {
        throw stop;
      },
      select: async () => {
        throw stop;
      },
      confirm: async () => {
        throw stop;
      },
      checkbox: async (q: { choices: ReadonlyArray<{ value: string }> }) => {
        offered = q.choices.map((c) => c.value);
        throw stop;
      },
    };
    const given = {
      id: '2024-03-01-checkout',
      title: 'Checkout down',
      severity: 'SEV2',
      services: ['checkout'],
      authors: ['Ana'],
      timezone: 'UTC',
      started: '2024-03-01T14:00:00Z',
      detected: '2024-03-01T14:05:00Z',
      mitigated: '2024-03-01T15:00:00Z',
      resolved: '2024-03-01T16:00:00Z',
      summary: 'Checkout was down.',
      timeline: [],
      impact: { customers_affected: 10, data_loss: false, description: 'Checkout failed.' },
    };
    const result = await runInterview({
      ask: ask,
      given: given,
      steps: {},
      now: Date.parse('2024-03-02T00:00:00Z'),
      machineZone: 'UTC',
      categories: ['vendor-outage'],
    }).catch((e: unknown) => e);
    expect(result).toBe(stop);
    expect(offered.slice(0, 2)).toEqual(['failed-rollback', 'untested-update']);
    expect(offered.at(-1)).toBe('vendor-outage');
    expect(offered).toHaveLength(10);
  });
});

describe('a postmortem handed over by any file name', () => {
  it.each([[['render']], [['notice', '--channel', 'email']]])(
    '%j accepts incident.md (only lint insists the id equals the file name)',
    async (command) => {
      const { dir, cleanup } = await tempDir();
      try {
        await writeFile(join(dir, 'incident.md'), examples()[0]!.text);
        const result = await runInProcess([...command, 'incident.md'], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const lint = await runInProcess(['lint', 'incident.md'], { cwd: dir });
        expect(lint.code).toBe(1);
        expect(lint.stdout).toContain('id-filename');
      } finally {
        await cleanup();
      }
    },
  );
});
