import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// render and notice refuse a file by the same rules, levels and options `lint` reads from the
// config; when they refuse, the `postmortem lint` command they name lists every problem they print.

const FILE = 'postmortems/2020-01-01-api-outage.md';
const TIMELINE_OFF = { rules: { 'timeline-order': 'off', 'timeline-format': 'off' } };

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-format-rules-'));
  const complete = await readFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), 'utf8');
  // Two items out of order, and one without a zone.
  const timeline = complete
    .replace('- 2020-01-01 10:05 Z — Error rate alert fires', '- 2020-01-01 10:40 Z — Error rate alert fires again')
    .replace(
      '- 2020-01-01 11:00 Z — Incident closed',
      '- 2020-01-01 11:00 Z — Incident closed\n- 2020-01-01 11:05 — Notes filed',
    );
  await mkdir(join(dir, 'postmortems'), { recursive: true });
  await writeFile(join(dir, FILE), timeline);
});
afterAll(async () => cleanup());

async function withConfig(config: unknown, name = '.postmortemrc.json'): Promise<void> {
  await writeFile(join(dir, name), JSON.stringify(config));
}

const COMMANDS = [
  ['render', ['render', FILE]],
  ['notice', ['notice', FILE]],
] as const;

describe('render and notice read the rule settings lint reads', () => {
  it('the file has timeline errors by default (so the cases below can fail)', async () => {
    await withConfig({});
    const lint = await runInProcess(['lint', FILE, '--format', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    const rules = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0]!.messages.map(
      (m) => m.ruleId,
    );
    expect(rules).toEqual(expect.arrayContaining(['timeline-order', 'timeline-format']));
  });

  it.each(COMMANDS)('with the timeline rules off in the config, lint exits 0 and so does %s', async (_name, args) => {
    await withConfig(TIMELINE_OFF);
    expect((await runInProcess(['lint', FILE], { cwd: dir })).code).toBe(0);
    const result = await runInProcess([...args], { cwd: dir });
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
  });

  it.each(COMMANDS)('with the timeline rules at warn, lint exits 0 and so does %s', async (_name, args) => {
    await withConfig({ rules: { 'timeline-order': 'warn', 'timeline-format': 'warn' } });
    expect((await runInProcess(['lint', FILE], { cwd: dir })).code).toBe(0);
    expect((await runInProcess([...args], { cwd: dir })).code).toBe(0);
  });

  it.each(COMMANDS)(
    'when %s refuses, the lint command it names lists every problem it printed',
    async (_name, args) => {
      // The nearest config lets the file pass; the one given with --config does not, so the
      // command named must carry it.
      await withConfig(TIMELINE_OFF);
      await withConfig({}, 'strict.json');
      const refused = await runInProcess([...args, '--config', 'strict.json'], { cwd: dir });
      expect(refused.code).toBe(1);
      const printed = refused.stderr
        .split('\n')
        .map((line) => /^(\S+):(\d+):(\d+) error (.*) \((\S+)\)$/.exec(line))
        .filter((m) => m !== null)
        .map((m) => ({ line: Number(m[2]), column: Number(m[3]), message: m[4], ruleId: m[5] }));
      expect(printed.map((p) => p.ruleId)).toEqual(expect.arrayContaining(['timeline-order', 'timeline-format']));
      const named = /`postmortem (lint [^`]+)` lists them too/.exec(refused.stderr);
      expect(named).not.toBeNull();
      const lint = await runInProcess([...named![1]!.split(' '), '--format', 'json'], { cwd: dir });
      expect(lint.code).toBe(1);
      const listed = (JSON.parse(lint.stdout) as Array<{ messages: unknown[] }>)[0]!.messages;
      for (const problem of printed) expect(listed).toContainEqual(expect.objectContaining(problem));
    },
  );
});
