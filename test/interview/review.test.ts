import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { draftPath, proposeId, runSession, type Answers } from '../../src/interview/index.js';
import { tempDir } from '../helpers/cli.js';
import { reviewItems, reviewText } from '../../src/interview/review.js';
import { scriptedAsk, type Scripted } from './scripted-ask.js';

const NOW = Date.parse('2024-03-02T09:00:00Z');

/** Everything but the title and the id, as an answers file would give it. */
const GIVEN: Answers = {
  severity: 'SEV2',
  services: ['checkout'],
  authors: ['Ana Lima'],
  timezone: 'Europe/Berlin',
  started: '2024-03-01T14:02:00+01:00',
  detected: '2024-03-01T14:04:00+01:00',
  mitigated: '2024-03-01T15:10:00+01:00',
  resolved: '2024-03-01T16:00:00+01:00',
  summary: 'A configuration change removed the payment endpoint.',
  impact: { customers_affected: 640, data_loss: false, description: 'Checkout failed.' },
  timeline: [],
  root_causes: [{ category: 'configuration', summary: 'The load balancer config lost the payment pool.' }],
  followups: { configuration: { change: 'Pool cleanup', reviewed: false, validated: 'Not at all' } },
  five_whys: [],
  root_cause: 'A cleanup.',
  detection: 'The checkout error alert fired.',
  resolution: 'We reverted the change.',
  action_items: [{ action: 'Validate the config in CI', type: 'prevent', owner: 'net-team', due: '2024-04-01' }],
  lessons: { went_well: ['Quick revert.'], went_wrong: ['No review.'], got_lucky: ['Low traffic.'] },
};

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function session(script: Scripted[], given: Answers = GIVEN) {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const ask = scriptedAsk(script);
  const said: string[] = [];
  // The answers file's values come in as `flags` here: the same layer, without a file.
  const result = await runSession({
    cwd: temp.dir,
    ask,
    flags: given as Record<string, unknown>,
    now: NOW,
    machineZone: 'UTC',
    say: (t) => said.push(t),
  });
  return { ...result, ask, said: said.join('\n'), dir: temp.dir };
}

describe('the review screen', () => {
  it('shows every action item on a line of its own, each reopening the list where it is edited or removed', () => {
    const items = [
      { action: 'Validate the config in CI', type: 'prevent', owner: 'net-team', due: '2024-04-01' },
      { action: 'Page on pool changes', type: 'detect', owner: 'sre', due: '2024-04-10', ticket: 'OPS-9' },
      { action: 'Write the runbook', type: 'process', owner: 'sre', due: '2024-04-20' },
    ];
    const review = reviewItems({ ...GIVEN, action_items: items }, {});
    const text = reviewText(review);
    expect(text).toContain('  Action item 1: Validate the config in CI (prevent, net-team, due 2024-04-01)');
    expect(text).toContain('  Action item 2: Page on pool changes (detect, sre, due 2024-04-10, OPS-9)');
    expect(text).toContain('  Action item 3: Write the runbook (process, sre, due 2024-04-20)');
    const actionLines = review.filter((r) => r.label.startsWith('Action item'));
    expect(actionLines.map((r) => r.keys)).toEqual(items.map(() => ['action_items.review']));
  });

  it('lists every answer by step and writes only when told to', async () => {
    const { answers, said } = await session([
      { input: 'Checkout down', expect: 'Title' },
      { input: '', expect: 'Id' },
      { confirm: false, expect: 'customer notice' },
      { select: 'write', expect: 'Review' },
    ]);
    expect(answers.title).toBe('Checkout down');
    for (const line of [
      '── Review ──',
      'Basics\n  Title: Checkout down\n  Severity: SEV2',
      '  Id: 2024-03-01-checkout-down',
      'Detection and resolution\n  Detection: The checkout error alert fired.\n  Resolution: We reverted the change.',
      '  Action item 1: Validate the config in CI (prevent, net-team, due 2024-04-01)',
      '  Customer notice: not drafted',
    ])
      expect(said).toContain(line);
  });

  it('edits a typed answer with the old one as default, and the id follows the title', async () => {
    const { answers, ask } = await session([
      { input: 'Chekout down', expect: 'Title' },
      { input: '', expect: 'Id' },
      { confirm: false, expect: 'customer notice' },
      { choose: 'Title: Chekout down', expect: 'Review' },
      { input: 'Checkout down', expect: 'Title' },
      { select: 'write', expect: 'Review' },
    ]);
    expect(ask.defaults.at(-1)).toBe('Chekout down');
    expect(answers.title).toBe('Checkout down');
    expect(answers.id).toBe(proposeId(GIVEN.started as string, 'Checkout down'));
  });

  it('keeps an id the user typed when the title changes', async () => {
    const { answers } = await session([
      { input: 'Chekout down', expect: 'Title' },
      { input: '2024-03-01-lb-pool', expect: 'Id' },
      { confirm: false, expect: 'customer notice' },
      { choose: 'Title: Chekout down', expect: 'Review' },
      { input: 'Checkout down', expect: 'Title' },
      { select: 'write', expect: 'Review' },
    ]);
    expect(answers.id).toBe('2024-03-01-lb-pool');
  });

  it('edits an answer that came from the answers file, and a later answer it makes wrong is asked again', async () => {
    const { answers, ask, dir, draftId } = await session(
      [
        { input: 'Checkout down', expect: 'Title' },
        { input: '14:04', expect: 'detected' },
        { input: '', expect: 'Id' },
        { confirm: false, expect: 'customer notice' },
        { choose: 'Resolution: We reverted', expect: 'Review' },
        { input: 'We reverted the change.\n\nThen we added a check.', expect: 'mitigated and resolved' },
        { choose: 'Started: 2024-03-01 14:02 +01:00', expect: 'Review' },
        { input: '14:10', expect: 'impact start' },
        // 14:04 is now before the start: asked again, with 14:04 offered.
        { input: '14:12', expect: 'detected' },
        { select: 'write', expect: 'Review' },
      ],
      { ...GIVEN, detected: undefined },
    );
    expect(ask.defaults).toContain('We reverted the change.');
    expect(ask.defaults.at(-1)).toBe('14:04');
    expect(answers.resolution).toBe('We reverted the change.\n\nThen we added a check.');
    expect(answers.started).toBe('2024-03-01T14:10:00+01:00');
    expect(answers.detected).toBe('2024-03-01T14:12:00+01:00');
    // The edits are in the draft too, so Ctrl-C after them loses nothing.
    const draft = JSON.parse(await readFile(draftPath(dir, draftId), 'utf8'));
    expect(draft.steps.resolution).toBe('We reverted the change.\n\nThen we added a check.');
    expect(draft.given.resolution).toBeUndefined();
  });

  it('asks when customers were affected when that answer is changed, even with the impact from a file', async () => {
    const { answers } = await session([
      { input: 'Checkout down', expect: 'Title' },
      { input: '', expect: 'Id' },
      { confirm: false, expect: 'customer notice' },
      { choose: 'When customers were affected: continuous', expect: 'Review' },
      { confirm: false, expect: 'without a break' },
      { input: '14:40', expect: 'spell of impact end' },
      { confirm: false, expect: 'come back' },
      { select: 'write', expect: 'Review' },
    ]);
    expect(answers.impact?.windows).toEqual([{ start: '2024-03-01T14:02:00+01:00', end: '2024-03-01T14:40:00+01:00' }]);
  });

  it('reopens the action items and the timeline at their review lists, where items are added, edited and removed', async () => {
    const { answers, said } = await session(
      [
        { input: 'Checkout down', expect: 'Title' },
        { input: '', expect: 'Id' },
        { confirm: false, expect: 'Add a timeline event' },
        { select: 'done', expect: 'Review the timeline' },
        { select: 'drop', expect: 'Suggested for configuration' },
        { select: 'drop', expect: 'Suggested for configuration' },
        { select: 'drop', expect: 'Suggested for configuration' },
        { confirm: false, expect: 'Add an action item of your own' },
        { select: 'done', expect: 'Review the action items' },
        { confirm: false, expect: 'customer notice' },
        { choose: 'Action items', expect: 'Review:' },
        { select: 'add', expect: 'Review the action items' },
        { input: 'Page on pool changes', expect: 'Action' },
        { select: 'detect', expect: 'Type' },
        { input: 'sre', expect: 'Owner' },
        // Typed as the time questions take a date; stored as the file format has it, and echoed.
        { input: '10.04.2024', expect: 'Due' },
        { input: 'OPS-9', expect: 'Ticket' },
        { choose: 'Page on pool changes', expect: 'Review the action items' },
        { select: 'edit', expect: 'Page on pool changes' },
        { input: 'Page on every pool change', expect: 'Action' },
        { select: 'detect', expect: 'Type' },
        { input: '', expect: 'Owner' },
        { input: '', expect: 'Due' },
        { input: '', expect: 'Ticket' },
        { select: 'add', expect: 'Review the action items' },
        { input: 'Drop me', expect: 'Action' },
        { select: 'process', expect: 'Type' },
        { input: '', expect: 'Owner' },
        { input: '', expect: 'Due' },
        { input: '', expect: 'Ticket' },
        { choose: 'Drop me', expect: 'Review the action items' },
        { select: 'remove', expect: 'Drop me' },
        { select: 'done', expect: 'Review the action items' },
        { choose: 'Timeline', expect: 'Review:' },
        { select: 'add', expect: 'Review the timeline' },
        { input: '14:30', expect: 'When?' },
        { input: 'Config reverted', expect: 'What happened' },
        { select: 'done', expect: 'Review the timeline' },
        { select: 'write', expect: 'Review:' },
      ],
      { ...GIVEN, timeline: undefined, action_items: undefined },
    );
    expect(answers.action_items).toEqual([
      {
        action: 'Page on every pool change',
        type: 'detect',
        owner: 'sre',
        due: '2024-04-10',
        ticket: 'OPS-9',
        status: 'open',
      },
    ]);
    expect(said).toContain('Due 2024-04-10 (Wednesday).');
    expect(answers.timeline?.map((e) => e.event)).toEqual([
      'Impact begins',
      'Incident detected',
      'Config reverted',
      'Impact mitigated',
      'Incident resolved',
    ]);
  });
});
