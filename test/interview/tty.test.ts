import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

// A private tmux server per test file: its own socket, so nothing else's sessions are touched.
const SOCKET = `postmortem-new-${process.pid}-${Date.now()}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-tty-'));
});

afterAll(async () => {
  try {
    tmux('kill-server');
  } catch {
    // The server ends by itself when its last session ends.
  }
  await cleanup();
});

/**
 * A folder of the test's own, where its sessions run: the tests run at the same time, and `new`
 * keeps its drafts under the working directory, which one test counts.
 */
async function folder(name: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(path);
  return path;
}

function start(session: string, cwd: string, args: string, env = ''): void {
  const command = `cd '${cwd}' && ${env} TZ=UTC NO_COLOR=1 '${process.execPath}' '${BIN}' new ${args}; echo EXIT=$? > '${dir}/exit-${session}.txt'; sleep 30`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', command);
  pipeOutput(session);
}

/** Has tmux copy what the session's program writes to a file, which grows whenever the screen can change. */
function pipeOutput(session: string): void {
  tmux('pipe-pane', '-t', session, '-o', `cat >> '${join(dir, `output-${session}.log`)}'`);
}

const screenOf = (session: string) => tmux('capture-pane', '-p', '-t', session);

/** The last capture of each session and the size its output file had just before it. */
const captures = new Map<string, { size: number; screen: string }>();
/** The size each session's output file had at the last poll. */
const polled = new Map<string, number>();

/**
 * The session's screen, captured again only when its program has written since the last capture
 * and the output has not grown since the last poll: a capture is a tmux process (over 180 of them
 * in this file when every poll captured), and a screen is often written in several parts, which
 * frequent polls would each capture. tmux takes output into the screen before it copies it to the
 * pipe, so the file never runs ahead of the screen; its size is read before the capture, so output
 * that arrives meanwhile grows it again. (A program that never paused writing would never be
 * captured; `new` writes a screen at a time and waits for a key.)
 */
function currentScreen(session: string): string {
  let size = -1;
  try {
    size = statSync(join(dir, `output-${session}.log`)).size;
  } catch {
    // Nothing written yet, or no pipe: capture.
  }
  const growing = polled.get(session) !== size;
  polled.set(session, size);
  const last = captures.get(session);
  if (last && size >= 0 && (last.size === size || growing)) return last.screen;
  const screen = screenOf(session);
  captures.set(session, { size, screen });
  return screen;
}

// A screen shows up in well under a second on an idle machine; a loaded 2-core one took over 10 s
// to start node for the first screen. Waiting longer costs nothing when the text comes early. A poll
// is cheap (currentScreen runs tmux only when the output grew), so it polls often: each wait for a
// screen ends soon after the screen is there, and a test waits for some twenty screens.
async function waitFor(
  what: () => Promise<boolean> | boolean,
  describe: () => string,
  timeout = 60_000,
): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${describe()}`);
}

async function waitForText(session: string, text: string): Promise<void> {
  await waitFor(
    () => currentScreen(session).includes(text),
    () => `"${text}" on screen:\n${screenOf(session)}`,
  );
}

async function answer(session: string, prompt: string, text: string): Promise<void> {
  await waitForText(session, prompt);
  if (text !== '') tmux('send-keys', '-t', session, '-l', text);
  tmux('send-keys', '-t', session, 'Enter');
}

async function exitCode(session: string): Promise<string> {
  const file = join(dir, `exit-${session}.txt`);
  await waitFor(
    () => existsSync(file),
    () => `${file}; screen:\n${screenOf(session)}`,
  );
  return (await readFile(file, 'utf8')).trim();
}

/** Pastes text the way a terminal does with bracketed paste on (tmux `paste-buffer -p`). */
async function paste(session: string, prompt: string, text: string): Promise<void> {
  await waitForText(session, prompt);
  const file = join(dir, `paste-${session}.txt`);
  await writeFile(file, text);
  tmux('load-buffer', '-b', session, file);
  tmux('paste-buffer', '-p', '-d', '-b', session, '-t', session);
}

/** An answers file with everything but the long texts the paste test types. */
const MOST_ANSWERS = [
  'id: 2024-03-01-checkout-down',
  'title: Checkout down after a config change',
  'severity: SEV2',
  'services: [checkout]',
  'authors: [Ana Lima]',
  'timezone: Europe/Berlin',
  'started: "2024-03-01 14:02"',
  'detected: "14:04"',
  'mitigated: "15:10"',
  'resolved: "16:00"',
  'impact: { customers_affected: 640, data_loss: false }',
  'timeline: []',
  'root_causes: [{ category: other, summary: The load balancer config lost the payment pool. }]',
  'followups: { other: { description: A config change } }',
  'five_whys: []',
  'resolution: We reverted the change.',
  'action_items: [{ action: Validate load balancer config in CI, type: prevent, owner: net-team, due: "2024-04-01" }]',
  'lessons: { went_wrong: No review., got_lucky: Low traffic. }',
].join('\n');

// Each test drives sessions of its own in a folder of its own, so the tests run at the same time:
// most of a test is waiting for the program's next screen.
describe.concurrent('postmortem new in a real terminal (tmux)', { timeout: 300_000 }, () => {
  it('keeps every line of pasted, continued and edited answers', async ({ expect }) => {
    // Services are asked: a one-line question that joins a pasted list instead of keeping its first line.
    const cwd = await folder('paste');
    await writeFile(join(cwd, 'most.yaml'), MOST_ANSWERS.replace('services: [checkout]\n', ''));
    // The "editor" writes two paragraphs into the file it is given, as a person would.
    const editor = join(cwd, 'editor.sh');
    await writeFile(editor, `#!/bin/sh\nprintf 'Edited first paragraph.\\n\\nEdited second paragraph.\\n' > "$1"\n`, {
      mode: 0o755,
    });
    start('paste', cwd, '--answers most.yaml --dir pasted', `VISUAL='${editor}'`);
    await paste('paste', 'Affected services', 'checkout,\npayments,\nsearch');
    await waitForText('paste', 'Joined 3 pasted lines with commas.');
    tmux('send-keys', '-t', 'paste', 'Enter');
    const summary =
      'Line one of the summary.\nLine two of the summary.\n\n- a listed fact\n- another fact\n\nA last paragraph.';
    await paste('paste', 'Summary: what happened', summary);
    await waitForText('paste', 'A last paragraph.');
    tmux('send-keys', '-t', 'paste', 'Enter');
    await answer('paste', 'Impact in one sentence', '');
    await paste('paste', 'Root cause in your own words', 'The pool was removed.\n\nNobody reviewed it.\n');
    await waitForText('paste', 'Nobody reviewed it.');
    tmux('send-keys', '-t', 'paste', 'Enter');
    await answer('paste', 'How was the incident detected?', 'e');
    await waitForText('paste', 'What went well?');
    tmux('send-keys', '-t', 'paste', '-l', 'The revert was quick \\');
    tmux('send-keys', '-t', 'paste', 'Enter');
    tmux('send-keys', '-t', 'paste', '-l', 'and nobody panicked.');
    tmux('send-keys', '-t', 'paste', 'Enter');
    await answer('paste', 'another item', '');
    await answer('paste', 'Draft the customer notice now?', 'n');
    await answer('paste', '❯ Write the postmortem', '');
    expect(await exitCode('paste')).toBe('EXIT=0');
    const text = await readFile(join(cwd, 'pasted', '2024-03-01-checkout-down.md'), 'utf8');
    expect(text).toMatch(/^services:\n {2}- checkout\n {2}- payments\n {2}- search\n/m);
    expect(text).toContain(`## Summary\n\n${summary}\n\n## Impact`);
    expect(text).toContain('## Root cause\n\nThe pool was removed.\n\nNobody reviewed it.\n');
    expect(text).toContain('## Detection\n\nEdited first paragraph.\n\nEdited second paragraph.\n');
    expect(text).toContain('- The revert was quick\n  and nobody panicked.\n');
    const { postmortem, problems } = parsePostmortem(text, '2024-03-01-checkout-down.md');
    expect([...problems, ...checkPostmortem(postmortem, {}, 'warning')]).toEqual([]);
  }, 60_000);

  it('proposes a status-page text from the facts given, and Enter takes it', async ({ expect }) => {
    const answers = MOST_ANSWERS.replace('id: 2024-03-01-checkout-down', 'id: 2024-03-01-status')
      .replace('data_loss: false }', 'data_loss: false, description: Checkout failed. }')
      .replace('lessons: { went_wrong', 'lessons: { went_well: Quick revert., went_wrong');
    const rest = ['summary: The pool was removed.', 'root_cause: Nobody reviewed it.', 'detection: An alert fired.'];
    const cwd = await folder('status');
    await writeFile(join(cwd, 'status.yaml'), [answers, ...rest].join('\n'));
    start('status', cwd, '--answers status.yaml --dir with-status');
    await answer('status', 'Draft the customer notice now?', 'y');
    await answer('status', 'Which languages', '');
    for (const field of ['Notice headline', 'What happened', 'What it meant', 'Next steps', 'Apology'])
      await answer('status', field, '');
    const proposal =
      'On March 1, 2024, important parts of our service were unavailable. The disruption lasted 1 hour and 8 minutes. ' +
      'No data was lost. We are sorry for the disruption this caused you.';
    await waitForText('status', 'Short status-page text (English; "-" for none)');
    await waitForText('status', 'The disruption lasted 1 hour and 8 minutes.');
    tmux('send-keys', '-t', 'status', 'Enter');
    await answer('status', 'call the service "checkout"', 'Checkout');
    await answer('status', '❯ Write the postmortem', '');
    expect(await exitCode('status')).toBe('EXIT=0');
    const text = await readFile(join(cwd, 'with-status', '2024-03-01-status.md'), 'utf8');
    const { postmortem, problems } = parsePostmortem(text, '2024-03-01-status.md');
    expect([...problems, ...checkPostmortem(postmortem, {}, 'warning')]).toEqual([]);
    expect((postmortem.data.notice as { status?: unknown }).status).toEqual({ en: proposal });
  }, 60_000);

  it('shows what a resumed draft kept, and changes the title on the review screen (the id follows)', async ({
    expect,
  }) => {
    const cwd = await folder('review');
    await writeFile(
      join(cwd, 'untitled.yaml'),
      MOST_ANSWERS.split('\n')
        .filter((line) => !/^(id|title|lessons|impact):/.test(line))
        .concat([
          'summary: The pool was removed.',
          'root_cause: A cleanup.',
          'detection: The alert fired.',
          'lessons: { went_well: Quick revert., went_wrong: No review., got_lucky: Low traffic. }',
          'impact: { customers_affected: 640, data_loss: false, description: Checkout failed. }',
        ])
        .join('\n'),
    );
    start('review1', cwd, '--answers untitled.yaml --dir reviewed');
    await answer('review1', 'Title (one line', 'Chekout down after a config change');
    await answer('review1', 'Id of the postmortem', '');
    await waitForText('review1', 'Draft the customer notice now?');
    tmux('send-keys', '-t', 'review1', 'C-c');
    expect(await exitCode('review1')).toBe('EXIT=130');
    const draftId = /postmortem new --resume (\S+)/.exec(screenOf('review1'))?.[1] as string;

    start('review2', cwd, `--resume ${draftId} --dir reviewed`);
    await waitForText('review2', 'Continuing at the first unanswered question.');
    expect(screenOf('review2')).toContain(`Resuming draft ${draftId}`);
    expect(screenOf('review2')).toContain('title: Chekout down after a config change');
    await answer('review2', 'Draft the customer notice now?', 'n');
    await waitForText('review2', '❯ Write the postmortem');
    expect(screenOf('review2')).toContain('Id: 2024-03-01-chekout-down-after-a-config-change');
    tmux('send-keys', '-t', 'review2', 'Down');
    await answer('review2', '❯ Basics › Title: Chekout down', '');
    await waitForText('review2', '(Chekout down after a config change)');
    await answer('review2', 'Title (one line', 'Checkout down after a config change');
    await waitForText('review2', 'Id: 2024-03-01-checkout-down-after-a-config-change');
    await answer('review2', '❯ Write the postmortem', '');
    expect(await exitCode('review2')).toBe('EXIT=0');
    const path = join(cwd, 'reviewed', '2024-03-01-checkout-down-after-a-config-change.md');
    expect(await readFile(path, 'utf8')).toContain('title: Checkout down after a config change\n');
    expect(await readdir(join(cwd, 'reviewed'))).toHaveLength(1);
  }, 60_000);

  it('survives Ctrl-C with a draft and exit 130, resumes, finishes and writes a valid file', async ({ expect }) => {
    const cwd = await folder('resume');
    start('first', cwd, '');
    await answer('first', 'Title (one line', 'Checkout down after a config change');
    await waitForText('first', 'SEV4 – minor');
    tmux('send-keys', '-t', 'first', 'Down');
    await answer('first', '❯ SEV2', '');
    await answer('first', 'Affected services', 'checkout, payments');
    await answer('first', 'Authors', 'Ana Lima');
    await answer('first', 'Time zone', 'Europe/Berlin');
    await answer('first', 'When did the impact start?', '2024-03-01 14:02');
    await waitForText('first', 'When was it detected?');
    tmux('send-keys', '-t', 'first', 'C-c');
    expect(await exitCode('first')).toBe('EXIT=130');
    const drafts = await readdir(join(cwd, '.postmortem', 'drafts'));
    expect(drafts).toHaveLength(1);
    const draftId = (drafts[0] as string).replace(/\.json$/, '');
    expect(screenOf('first')).toContain(`postmortem new --resume ${draftId}`);
    const draft = JSON.parse(await readFile(join(cwd, '.postmortem', 'drafts', drafts[0] as string), 'utf8'));
    expect(draft.steps).toEqual({
      title: 'Checkout down after a config change',
      severity: 'SEV2',
      services: 'checkout, payments',
      authors: 'Ana Lima',
      timezone: 'Europe/Berlin',
      started: '2024-03-01 14:02',
    });

    // The rest comes from an answers file; bare times fall on the resumed start date and zone.
    await writeFile(
      join(cwd, 'rest.yaml'),
      [
        'mitigated: "15:10"',
        'resolved: "16:00"',
        'summary: A configuration change removed the payment endpoint from the load balancer.',
        'impact: { customers_affected: 640, data_loss: false, description: Checkout failed for every customer. }',
        'timeline: [{ at: "14:20", event: Change reverted }]',
        'root_causes: [{ category: configuration, summary: The load balancer config lost the payment pool. }]',
        'followups: { configuration: { change: Pool cleanup, reviewed: false, validated: Not at all } }',
        'root_cause: ""',
        'five_whys: []',
        'detection: The checkout error alert fired.',
        'resolution: We reverted the change.',
        'action_items: [{ action: Validate load balancer config in CI, type: prevent, owner: net-team, due: "2024-04-01" }]',
        'lessons: { went_well: Quick revert., went_wrong: No review., got_lucky: Low traffic. }',
      ].join('\n'),
    );
    start('second', cwd, `--resume ${draftId} --answers rest.yaml`);
    await answer('second', 'When was it detected?', '14:04');
    await waitForText('second', '2024-03-01-checkout-down-after-a-config-change');
    await answer('second', 'Id of the postmortem', '');
    await waitForText('second', 'Customer notice');
    await answer('second', 'Draft the customer notice now?', 'n');
    await answer('second', '❯ Write the postmortem', '');
    expect(await exitCode('second')).toBe('EXIT=0');
    const path = join(cwd, 'postmortems', '2024-03-01-checkout-down-after-a-config-change.md');
    expect(screenOf('second')).toContain(
      'postmortem lint postmortems/2024-03-01-checkout-down-after-a-config-change.md',
    );
    const text = await readFile(path, 'utf8');
    const { postmortem, problems } = parsePostmortem(text, path);
    expect([...problems, ...checkPostmortem(postmortem, {}, 'warning')]).toEqual([]);
    expect(postmortem.data.detected).toBe('2024-03-01T14:04:00+01:00');
    expect(postmortem.data.mitigated).toBe('2024-03-01T15:10:00+01:00');
    expect(text).toContain('- 2024-03-01 14:20 +01:00 — Change reverted');
    expect(await readdir(join(cwd, '.postmortem', 'drafts'))).toEqual([]);
  }, 60_000);
  it('offers --timeline-from candidates as a checklist: one unchecked, one edited, the rest kept in the file', async ({
    expect,
  }) => {
    // The timeline fixtures' incident (Slack channel inc-db), with every answer but the timeline.
    const cwd = join(dir, 'sources');
    await cp(join(ROOT, 'test', 'fixtures', 'timeline'), cwd, { recursive: true });
    const answers = MOST_ANSWERS.split('\n')
      .filter((line) => !/^(id|title|timezone|started|detected|mitigated|resolved|timeline|lessons|impact):/.test(line))
      .concat([
        'summary: Replication lag on the primary database failed checkouts.',
        'root_cause: A connection pool change.',
        'detection: The replication lag alert fired.',
        'lessons: { went_well: Quick failover., went_wrong: No review., got_lucky: Night time. }',
        'impact: { customers_affected: 120, data_loss: false, description: Some checkouts failed. }',
        'id: 2024-03-30-replication-lag',
        'title: Checkout errors after replication lag',
        'timezone: Europe/Berlin',
        'started: "2024-03-30 23:10"',
        'detected: "2024-03-30 23:12"',
        'mitigated: "2024-03-30 23:55"',
        'resolved: "2024-03-31 03:40"',
      ]);
    await writeFile(join(cwd, 'answers.yaml'), answers.join('\n'));
    start('pick', cwd, '--answers answers.yaml --dir out --timeline-from slack --timeline-channel inc-db');
    // The first candidate, the alert, is preselected: space drops it.
    await waitForText('pick', 'Events from the sources');
    await waitFor(
      () => /❯\s*◉ 2024-03-30 23:12 .*FIRING/.test(currentScreen('pick')),
      () => `the alert checked under the cursor:\n${screenOf('pick')}`,
    );
    tmux('send-keys', '-t', 'pick', 'Space');
    await waitFor(
      () => /❯\s*◯ 2024-03-30 23:12 .*FIRING/.test(currentScreen('pick')),
      () => `the alert unchecked:\n${screenOf('pick')}`,
    );
    tmux('send-keys', '-t', 'pick', 'Enter');
    await answer('pick', 'Add a timeline event?', 'n');
    // On the review list, down to the declaration, and edit its words (the time stays).
    await waitForText('pick', 'Review the timeline');
    // One Down per redraw: the polls outpace the terminal, and a second Down sent before the first
    // is on screen would move the cursor past the line.
    let shownWhenSent: string | undefined;
    await waitFor(
      () => {
        const screen = currentScreen('pick');
        if (/❯ .*Declaring SEV2/.test(screen)) return true;
        if (screen === shownWhenSent) return false;
        tmux('send-keys', '-t', 'pick', 'Down');
        shownWhenSent = screen;
        return false;
      },
      () => `the declaration under the cursor:\n${screenOf('pick')}`,
    );
    tmux('send-keys', '-t', 'pick', 'Enter');
    await answer('pick', '❯ Edit', '');
    await answer('pick', 'When? (HH:MM', '');
    await answer('pick', 'What happened?', 'SEV2 declared: checkout failing for some customers');
    await answer('pick', '❯ Done, the timeline is complete', '');
    await answer('pick', 'Draft the customer notice now?', 'n');
    await answer('pick', '❯ Write the postmortem', '');
    expect(await exitCode('pick')).toBe('EXIT=0');
    const text = await readFile(join(cwd, 'out', '2024-03-30-replication-lag.md'), 'utf8');
    const timeline = text.slice(text.indexOf('## Timeline'), text.indexOf('## Root cause'));
    expect(timeline).not.toContain('FIRING');
    expect(timeline).not.toContain('Declaring SEV2');
    expect(timeline).toContain('- 2024-03-30 23:20 +01:00 — SEV2 declared: checkout failing for some customers\n');
    // The other preselected candidates are kept, in the incident's zone across the change to summer time.
    expect(timeline).toContain('- 2024-03-30 23:40 +01:00 — Failing over to the standby db-standby-1 now\n');
    expect(timeline).toContain('- 2024-03-31 03:10 +02:00 — Deployed pgbouncer-config v41 (rollback) to production\n');
    // Not preselected, so not offered checked: chatter stays out.
    expect(timeline).not.toMatch(/— ok$/m);
    const { postmortem, problems } = parsePostmortem(text, '2024-03-30-replication-lag.md');
    expect([...problems, ...checkPostmortem(postmortem, {}, 'warning')]).toEqual([]);
  }, 60_000);
});
