// Import order matters: the testing module mocks @inquirer/prompts before our ask module loads it.
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { describe, expect, it, vi } from 'vitest';
import { SEVERITY_CHOICES } from '../../src/interview/questions.js';
import { isPromptInterrupt, runInterview, terminalAsk, type Answers } from '../../src/interview/index.js';

// Our own multi-line prompt reads the same test screen as inquirer's prompts.
vi.mock('../../src/interview/text-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/interview/text-prompt.js')>();
  return { ...actual, textPrompt: wrapPrompt(actual.textPrompt) };
});

const NOW = Date.parse('2024-03-02T09:00:00Z');

/** Everything the interview asks before the root-cause step, so the screen starts at the categories. */
const BEFORE_ROOT_CAUSE: Answers = {
  id: '2024-03-01-checkout-down',
  title: 'Checkout down after release 4.2',
  severity: 'SEV2',
  services: ['checkout'],
  authors: ['Ana Lima'],
  timezone: 'Europe/Berlin',
  started: '2024-03-01T14:02:00+01:00',
  detected: '2024-03-01T14:04:00+01:00',
  mitigated: '2024-03-01T15:30:00+01:00',
  resolved: '2024-03-01T16:00:00+01:00',
  summary: 'Release 4.2 broke checkout; the rollback failed and a restore was needed.',
  impact: { customers_affected: 1200, data_loss: true, description: 'Most checkouts failed for an hour and a half.' },
  timeline: [],
};

/** The current prompt with line wrapping undone, so long messages compare as one line. */
function shown(): string {
  return screen.getScreen().replace(/\s+/g, ' ');
}

/** Types an answer, submits it and waits for the next prompt. */
async function answer(text: string): Promise<void> {
  if (text !== '') screen.type(text);
  screen.keypress('enter');
  await screen.next();
}

/** Moves the select cursor `down` times, submits and waits for the next prompt. */
async function choose(down: number): Promise<void> {
  for (let i = 0; i < down; i++) screen.keypress('down');
  screen.keypress('enter');
  await screen.next();
}

describe('the flow in inquirer prompts (screen)', () => {
  it('explains each severity, takes typed answers and ends on Ctrl-C with ExitPromptError', async () => {
    const steps: Record<string, unknown> = {};
    const saves: string[][] = [];
    const run = runInterview({
      ask: terminalAsk(),
      given: {},
      steps,
      now: NOW,
      machineZone: 'Europe/Berlin',
      onAnswer: async (s) => {
        saves.push(Object.keys(s));
      },
    }).catch((e: unknown) => e);
    expect(screen.getScreen()).toContain('Title (one line: what broke, for whom):');
    screen.type('Checkout down');
    screen.keypress('enter');
    await screen.next();
    const severity = screen.getScreen();
    for (const choice of SEVERITY_CHOICES) expect(severity).toContain(choice.name);
    expect(severity).toContain('Everyone is affected, or data is gone.');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Affected services');
    screen.type('checkout');
    screen.keypress('enter');
    await screen.next();
    screen.type('Ana');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Time zone');
    expect(screen.getScreen()).toContain('Europe/Berlin');
    screen.keypress({ name: 'c', ctrl: true });
    const error = await run;
    expect(isPromptInterrupt(error)).toBe(true);
    expect(steps).toEqual({ title: 'Checkout down', severity: 'SEV2', services: 'checkout', authors: 'Ana' });
    expect(saves).toEqual([
      ['title'],
      ['title', 'severity'],
      ['title', 'severity', 'services'],
      ['title', 'severity', 'services', 'authors'],
    ]);
  });

  it('asks the follow-ups of two chosen categories and accepts, edits and drops their suggestions', async () => {
    const steps: Record<string, unknown> = {};
    const run = runInterview({
      ask: terminalAsk(),
      given: BEFORE_ROOT_CAUSE,
      steps,
      now: NOW,
      machineZone: 'Europe/Berlin',
    });
    // The flow awaits before its first prompt here, so wait for the checkbox to render.
    await screen.next();
    expect(shown()).toContain('Root cause categories (space to select, enter to confirm):');
    expect(shown()).toContain('going back to the previous version did not work or made it worse');
    screen.keypress('space');
    screen.keypress('down');
    screen.keypress('down');
    expect(shown()).toContain('a backup was missing, incomplete or could not be restored');
    screen.keypress('space');
    expect(screen.getScreen()).toMatch(/◉ Failed rollback\n\s*◯ Untested update\n.*◉ Missing backup/);
    screen.keypress('enter');
    await screen.next();

    expect(shown()).toContain('In one sentence, how did the failed rollback cause the incident?');
    await answer('The rollback left the database on the new schema.');
    expect(shown()).toContain('In one sentence, how did the missing backup cause the incident?');
    await answer('The last usable backup was a week old.');

    // Failed rollback's own follow-ups, in their order.
    expect(shown()).toContain('What should the rollback have done? (optional)');
    await answer('Return app and schema to 4.1');
    expect(shown()).toContain('Was this rollback rehearsed before? (y/N)');
    await answer('n');
    expect(shown()).toContain('Why did the rollback fail? (optional)');
    await answer('The schema migration had no down step');
    expect(shown()).toContain('How long did the manual recovery take (e.g. 2 h 30 min)? (optional)');
    await answer('');
    // Then missing backup's.
    expect(shown()).toContain('When was a restore last tested (a date, or "never")? (optional)');
    await answer('never');
    expect(shown()).toContain('What data cannot be recovered? (optional)');
    await answer('Orders between 14:02 and 14:40');
    expect(shown()).toContain('What is the recovery point objective (how much data may be lost)? (optional)');
    await answer('');
    expect(shown()).toContain('What is the recovery time objective (how long a restore may take)? (optional)');
    await answer('');

    expect(shown()).toContain('Root cause in your own words (optional, enter to skip):');
    await answer('');
    expect(shown()).toContain('Walk through the five whys? (y/N)');
    await answer('');
    expect(shown()).toContain('How was the incident detected? (time to detect: 2 min)');
    await answer('The error-rate alert paged the on-call engineer.');
    expect(shown()).toContain('How was it mitigated and resolved? (time to mitigate: 1 h 28 min)');
    await answer('We restored the database and redeployed 4.1.');

    // Failed rollback's suggestions: accept the first, edit the second, drop the third.
    expect(shown()).toContain(
      'Suggested for failed rollback (process): Rehearse the rollback of every release in staging before production',
    );
    expect(screen.getScreen()).toMatch(/❯ Accept\n\s*Edit, then accept\n\s*Drop/);
    await choose(0);
    expect(shown()).toContain('Owner (person or team):');
    await answer('release-eng');
    expect(shown()).toContain('Due date (YYYY-MM-DD or DD.MM.YYYY): (Tab edits the default) (2024-03-31)');
    await answer('');
    expect(shown()).toContain('Ticket (optional):');
    await answer('');
    expect(shown()).toContain(
      'Suggested for failed rollback (mitigate): Make the rollback cover every component of a release',
    );
    await choose(1);
    expect(shown()).toContain('Action: (Tab edits the default) (Make the rollback cover every component of a release)');
    await answer('Make the rollback cover app and schema');
    expect(shown()).toContain('Type:');
    expect(shown()).toContain('❯ mitigate – make it smaller or shorter next time');
    screen.keypress('up');
    await choose(0);
    expect(shown()).toContain('Owner (person or team): (Tab edits the default) (release-eng)');
    await answer('');
    await answer('2024-04-15');
    await answer('');
    expect(shown()).toContain('Suggested for failed rollback (process): Run a rollback drill on the next game day');
    await choose(2);

    // Missing backup's suggestions: drop, accept, drop.
    expect(shown()).toContain(
      'Suggested for missing backup (detect): Test restoring from backup automatically every week',
    );
    await choose(2);
    expect(shown()).toContain(
      'Suggested for missing backup (detect): Alert when the newest backup is older than the recovery point objective',
    );
    await choose(0);
    await answer('data-team');
    await answer('2024-04-01');
    await answer('');
    expect(shown()).toContain(
      'Suggested for missing backup (process): Agree and document recovery point and time objectives for every data store',
    );
    await choose(2);

    expect(steps).toMatchObject({
      'action_items.suggested.failed-rollback.0': 'accept',
      'action_items.suggested.failed-rollback.1': 'edit',
      'action_items.suggested.failed-rollback.1.action': 'Make the rollback cover app and schema',
      'action_items.suggested.failed-rollback.1.type': 'prevent',
      'action_items.suggested.failed-rollback.2': 'drop',
      'action_items.suggested.missing-backup.0': 'drop',
      'action_items.suggested.missing-backup.1': 'accept',
      'action_items.suggested.missing-backup.2': 'drop',
    });

    // The rest on the screen too: no own item, one lesson each, no notice.
    expect(shown()).toContain('Add an action item of your own? (y/N)');
    await answer('');
    expect(shown()).toContain('Review the action items');
    await choose(0);
    for (const lesson of [
      'Alerts fired at once.',
      'The rollback had never been tried.',
      'It happened on a quiet afternoon.',
    ]) {
      await answer(lesson);
      expect(shown()).toContain('(another item; Enter on an empty line ends the list)');
      await answer('');
    }
    expect(shown()).toContain('Draft the customer notice now? (Y/n)');
    screen.type('n');
    screen.keypress('enter');
    const answers = await run;

    expect(answers.root_causes).toEqual([
      { category: 'failed-rollback', summary: 'The rollback left the database on the new schema.' },
      { category: 'missing-backup', summary: 'The last usable backup was a week old.' },
    ]);
    expect(answers.followups).toEqual({
      'failed-rollback': {
        expected: 'Return app and schema to 4.1',
        rehearsed: false,
        why_failed: 'The schema migration had no down step',
      },
      'missing-backup': { last_restore_test: 'never', unrecoverable: 'Orders between 14:02 and 14:40' },
    });
    expect(answers.action_items).toEqual([
      {
        action: 'Rehearse the rollback of every release in staging before production',
        type: 'process',
        owner: 'release-eng',
        due: '2024-03-31',
        status: 'open',
        ticket: '',
      },
      {
        action: 'Make the rollback cover app and schema',
        type: 'prevent',
        owner: 'release-eng',
        due: '2024-04-15',
        status: 'open',
        ticket: '',
      },
      {
        action: 'Alert when the newest backup is older than the recovery point objective',
        type: 'detect',
        owner: 'data-team',
        due: '2024-04-01',
        status: 'open',
        ticket: '',
      },
    ]);
    expect(answers.lessons).toEqual({
      went_well: ['Alerts fired at once.'],
      went_wrong: ['The rollback had never been tried.'],
      got_lucky: ['It happened on a quiet afternoon.'],
    });
    expect(answers.notice).toBeUndefined();
  });
});
