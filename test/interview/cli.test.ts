import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { ROOT, runCli, runInProcess, tempDir } from '../helpers/cli.js';

const ANSWERS_DIR = join(ROOT, 'examples', 'answers');
const answerFiles = (await readdir(ANSWERS_DIR)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const SIGNATURE = { en: 'The Relata team', de: 'Ihr Relata-Team' };

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function temp() {
  const t = await tempDir('postmortem-new-');
  cleanup = t.cleanup;
  return t.dir;
}

async function writtenFile(dir: string): Promise<string> {
  const files = await readdir(join(dir, 'postmortems'));
  expect(files).toHaveLength(1);
  return join(dir, 'postmortems', files[0] as string);
}

// The real binary where the process matters: the machine's zone it starts with (TZ) and a standard
// input that is not a terminal; the rest runs in-process (a spawn of \`new\` costs over a second of CPU).
describe('postmortem new --answers (no terminal)', () => {
  it('has answers examples of both kinds', () => {
    expect(answerFiles.some((f) => f.endsWith('.json'))).toBe(true);
    expect(answerFiles.some((f) => /\.ya?ml$/.test(f))).toBe(true);
  });

  it.each(answerFiles)('writes a file from examples/answers/%s that validates with no problem', async (file) => {
    const dir = await temp();
    // E-mail signatures belong to the project, not to one incident's answers.
    await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify({ notice: { signature: SIGNATURE } }));
    const result = await runInProcess(['new', '--answers', join(ANSWERS_DIR, file)], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const path = await writtenFile(dir);
    const { postmortem, problems } = parsePostmortem(await readFile(path, 'utf8'), path);
    expect([...problems, ...checkPostmortem(postmortem, {}, 'warning')]).toEqual([]);
    const shown = join('postmortems', `${postmortem.data.id as string}.md`);
    expect(result.stdout).toContain(`Wrote ${shown}`);
    for (const next of ['render', 'lint', 'notice']) expect(result.stdout).toContain(`postmortem ${next} ${shown}`);
    await expect(readdir(join(dir, '.postmortem', 'drafts'))).rejects.toThrow();
  });

  it('gives the same moments under different machine zones when the zone is in the file', async () => {
    const texts = [];
    // In this process under one zone (runInProcess sets it from TZ), in the binary under another.
    for (const [tz, runner] of [
      ['America/Los_Angeles', runInProcess],
      ['Asia/Tokyo', runCli],
    ] as const) {
      const dir = await temp();
      const args = ['new', '--answers', join(ANSWERS_DIR, 'crm-release-rollback.yaml')];
      expect((await runner(args, { cwd: dir, env: { TZ: tz } })).code).toBe(0);
      texts.push(await readFile(await writtenFile(dir), 'utf8'));
      await cleanup?.();
      cleanup = undefined;
    }
    expect(texts[0]).toContain('started: "2018-05-15T14:02:00+02:00"');
    expect(texts[1]).toBe(texts[0]);
  });

  it('exits 2 listing the missing keys, without waiting for input', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'a.yaml'), 'title: Checkout down\nseverity: SEV3\n');
    const result = await runCli(['new', '--answers', 'a.yaml'], { cwd: dir, timeout: 10_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'these answers must come from --answers FILE: services, authors, started, detected, mitigated, resolved, summary,',
    );
    expect(result.stderr).not.toContain('title,');
  });

  it('exits 2 naming the file, line, column and key of each invalid value', async () => {
    const dir = await temp();
    await writeFile(
      join(dir, 'a.json'),
      JSON.stringify(
        {
          title: 'Down.',
          severity: 'SEV5',
          started: '2024-03-01T10:00:00Z',
          detected: '2024-03-01T09:00:00Z',
          action_items: [{ action: 'Fix', type: 'repair', owner: '-', due: '2024-13-01' }],
        },
        null,
        1,
      ),
    );
    const result = await runInProcess(['new', '--answers', 'a.json'], { cwd: dir });
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    for (const expected of [
      'a.json:2:11: title: Expected a title without a trailing period, found one.',
      'a.json:3:14: severity: Expected one of SEV1, SEV2, SEV3, SEV4, found "SEV5".',
      'a.json:5:14: detected: Expected detected at or after started (2024-03-01T10:00:00Z), found 2024-03-01T09:00:00Z.',
      'a.json:9:12: action_items.0.type: Expected one of prevent, mitigate, detect, process, found "repair".',
      'a.json:10:13: action_items.0.owner: Expected an owner (a person or a team), found "-".',
      'a.json:11:11: action_items.0.due: Expected a due date YYYY-MM-DD or DD.MM.YYYY, found "2024-13-01".',
    ]) {
      expect(lines.some((l) => l.endsWith(expected))).toBe(true);
    }
  });

  it('never overwrites an existing postmortem without --force, and flags win over the file', async () => {
    const dir = await temp();
    const file = join(ANSWERS_DIR, 'backup-restore.json');
    expect((await runInProcess(['new', '--answers', file], { cwd: dir })).code).toBe(0);
    const path = await writtenFile(dir);
    await writeFile(path, 'keep me');
    const again = await runInProcess(['new', '--answers', file], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; nothing was written');
    expect(await readFile(path, 'utf8')).toBe('keep me');
    const forced = await runInProcess(['new', '--answers', file, '--force', '--severity', 'sev2'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await readFile(path, 'utf8')).toContain('severity: SEV2');
  });

  it('lints what it wrote and lists what is left with file:line:col, exit 1 for errors (a service without a display name)', async () => {
    const dir = await temp();
    const answers = (await readFile(join(ANSWERS_DIR, 'crm-release-rollback.yaml'), 'utf8')).replace(
      /^ {4}crm-workers: \{.*\n/m,
      '',
    );
    await writeFile(join(dir, 'a.yaml'), answers);
    await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify({ notice: { signature: SIGNATURE } }));
    const result = await runInProcess(['new', '--answers', 'a.yaml'], { cwd: dir });
    const file = join('postmortems', '2018-05-15-relata-crm-web-app-unusable-after-a-release.md');
    expect(result.stdout).toContain(`Wrote ${file}`);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^postmortems\/\S+\.md:11:5 error Expected a display name for service "crm-workers" in en, .*\(notice-services\)$/,
      ),
      expect.stringMatching(
        /^postmortems\/\S+\.md:11:5 error Expected a display name for service "crm-workers" in de, .*\(notice-services\)$/,
      ),
      `2 problems left: run \`postmortem lint ${file}\``,
      '',
    ]);
    expect(result.code).toBe(1);
    // What new reports is what lint reports, from the same rules and config.
    const linted = await runInProcess(['lint', '--format', 'json', file], { cwd: dir });
    const [report] = JSON.parse(linted.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
    expect(report!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['11 notice-services', '11 notice-services']);
  });

  it('exits 0 when only warnings are left, and lists them', async () => {
    const dir = await temp();
    const result = await runInProcess(['new', '--answers', join(ANSWERS_DIR, 'crm-release-rollback.yaml')], {
      cwd: dir,
    });
    expect(result.stderr).toMatch(
      /\.md:\d+:\d+ warning Expected a signature for e-mails in en, .*\(notice-signature\)\n/,
    );
    expect(result.stderr).toMatch(/\n2 problems left: run `postmortem lint postmortems\/\S+\.md`\n$/);
    expect(result.code).toBe(0);
  });

  it('writes to --dir', async () => {
    const dir = await temp();
    const result = await runInProcess(
      ['new', '--answers', join(ANSWERS_DIR, 'backup-restore.json'), '--dir', 'docs/incidents'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(await readdir(join(dir, 'docs', 'incidents'))).toEqual([
      '2021-11-16-shop-customer-database-lost-after-a-failed-disk.md',
    ]);
  });

  it('exits 2 when there is no draft to resume', async () => {
    const dir = await temp();
    const result = await runInProcess(['new', '--resume'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No draft to resume');
  });
});
