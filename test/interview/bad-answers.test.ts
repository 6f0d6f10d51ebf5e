import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from '../helpers/cli.js';

/** A complete, valid answers file (docs/new.md's example); each case breaks one thing. */
const VALID = {
  title: 'Checkout down after a config change',
  severity: 'SEV2',
  services: ['checkout'],
  authors: ['Ana Lima'],
  timezone: 'Europe/Berlin',
  started: '2024-03-01 14:02',
  detected: '14:04',
  mitigated: '15:10',
  resolved: '16:00',
  impact: { customers_affected: 640, data_loss: false },
  summary: 'A configuration change removed the payment endpoint from the load balancer.',
  root_causes: [{ category: 'configuration', summary: 'The load balancer config lost the payment pool.' }],
  detection: 'The checkout error alert fired.',
  resolution: 'We reverted the change.',
  action_items: [
    { action: 'Validate load balancer config in CI', type: 'prevent', owner: 'net-team', due: '2024-04-01' },
  ],
  lessons: { went_well: 'Quick revert.', went_wrong: 'No review.', got_lucky: 'Low traffic.' },
};

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-bad-answers-'));
});
afterEach(async () => cleanup());

async function run(args: string[]) {
  const result = await runInProcess(['new', ...args], { cwd: dir });
  // Never a bug report: every bad input is named, with the documented exit code.
  expect(result.stderr).not.toContain('internal error');
  return result;
}

describe('an answers file that cannot be used says FILE: key: what is wrong (exit 2)', () => {
  it('accepts the valid file the cases start from', async () => {
    await writeFile(join(dir, 'a.json'), JSON.stringify(VALID));
    expect((await run(['--answers', 'a.json'])).code).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'unclosed code fence',
      { summary: 'It broke:\n\n```\nERROR 500\n' },
      'summary: Expected the code fence opened on line 3',
    ],
    ['unknown key', { severtiy: 'SEV2' }, 'severtiy: Expected one of the answer keys'],
    ['title with a line break', { title: 'Checkout\ndown' }, 'title: Expected the title on one line'],
    ['placeholder summary', { summary: 'TODO' }, 'summary: Expected a real answer, found the placeholder "TODO"'],
    ['severity', { severity: 'SEV9' }, 'severity: Expected one of SEV1, SEV2, SEV3, SEV4, found "SEV9"'],
    ['services as a mapping', { services: { a: 1 } }, 'services: Expected a list with at least one entry'],
    ['zone typo', { timezone: 'Europe/Berln' }, 'timezone: Expected a time zone like Europe/Berlin'],
    ['moment text', { detected: 'soon' }, 'detected: Expected a time like 14:02'],
    ['moments out of order', { detected: '13:00' }, 'detected: Expected detected at or after started'],
    ['impact as text', { impact: 'bad' }, 'impact: Expected a mapping with customers_affected'],
    [
      'customers',
      { impact: { customers_affected: -1, data_loss: false } },
      'impact.customers_affected: Expected a whole number >= 0, found -1',
    ],
    [
      'data loss',
      { impact: { customers_affected: 1, data_loss: 'yes' } },
      'impact.data_loss: Expected true or false, found "yes"',
    ],
    [
      'impact windows',
      { impact: { customers_affected: 1, data_loss: false, windows: [{ start: '14:10', end: '14:40' }] } },
      'impact.windows.0: Expected the first window to start at started',
    ],
    ['timeline as text', { timeline: 'all day' }, 'timeline: Expected a list of {at, event}'],
    ['timeline item', { timeline: [{ at: '14:30' }] }, 'timeline.0: Expected an item with `at` and `event`'],
    ['timeline time', { timeline: [{ at: 'later', event: 'x' }] }, 'timeline.0.at: Expected a time like 14:02'],
    [
      'no root causes',
      { root_causes: [] },
      'root_causes: Expected a list of {category, summary} with at least one entry',
    ],
    ['category', { root_causes: [{ category: 'gremlins', summary: 'x' }] }, 'root_causes.0.category: Expected one of'],
    ['followups', { followups: ['x'] }, 'followups: Expected a mapping of category to answers'],
    ['five whys', { five_whys: { a: 1 } }, 'five_whys: Expected a list of answers'],
    [
      'action items as text',
      { action_items: 'later' },
      'action_items: Expected a list of {action, type, owner, due, status, ticket}',
    ],
    [
      'owner',
      { action_items: [{ action: 'a', type: 'prevent', due: '2024-04-01' }] },
      'action_items.0.owner: Expected a value, found none.',
    ],
    [
      'due before the incident',
      { action_items: [{ action: 'a', type: 'prevent', owner: 'x', due: '2024-02-01' }] },
      'action_items.0.due: Expected a due date on or after 2024-03-01',
    ],
    ['lessons', { lessons: 'all good' }, 'lessons: Expected a mapping with went_well'],
    [
      'notice language',
      { notice: { languages: ['it'] } },
      'notice.languages.0: Expected one of en, de, fr, found "it"',
    ],
    [
      'notice leak',
      {
        notice: {
          languages: ['en'],
          headline: { en: 'db-01.internal failed' },
          what_happened: { en: 'x' },
          customer_impact: { en: 'x' },
          next_steps: { en: 'x' },
          apology: { en: 'x' },
        },
      },
      'notice.headline.en: Expected customer-facing wording',
    ],
  ])('%s', async (_what, change, message) => {
    await writeFile(join(dir, 'a.json'), JSON.stringify({ ...VALID, ...change }));
    const result = await run(['--answers', 'a.json']);
    expect(result.code).toBe(2);
    // Each problem names the file, the line and column of its key, the key and what was expected.
    const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(result.stderr).toMatch(new RegExp(`a\\.json:1:\\d+: ${escaped}`));
    expect(result.stderr).toContain('Fix the answers file');
  });

  it('names the line and column of the wrong value in a YAML answers file', async () => {
    await writeFile(
      join(dir, 'at.yaml'),
      'title: Checkout failed\nseverity: SEV1\nimpact:\n  customers_affected: -3\n',
    );
    const result = await run(['--answers', 'at.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('at.yaml:4:23: impact.customers_affected: Expected a whole number >= 0, found -3.');
  });

  it.each([
    ['missing.yaml', null, 'missing.yaml: (file): Expected an answers file, found no such file.'],
    ['a.yaml', 'title: [unclosed', 'a.yaml: (file): Expected YAML, found a syntax error'],
    ['a.json', '{"title": ', 'a.json: (file): Expected JSON, found a syntax error'],
    ['a.yaml', '- just\n- a list\n', 'a.yaml: (file): Expected a mapping of answers, found something else.'],
  ])('%s holding %j', async (name, text, message) => {
    if (text !== null) await writeFile(join(dir, name), text);
    const result = await run(['--answers', name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('blames the option, not an answers file, for a bad flag', async () => {
    const result = await run(['--severity', 'SEV9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('command-line flags: severity: Expected one of SEV1');
    expect(result.stderr).toContain('Fix the option');
    expect(result.stderr).not.toContain('answers file');
  });
});

describe('a draft that cannot be resumed says so (exit 2)', () => {
  const DRAFT_ID = '20240301-140233-9f3a';
  const GIVEN = {
    title: 'Checkout down after a config change',
    severity: 'SEV2',
    services: ['checkout'],
    authors: ['Ana Lima'],
    timezone: 'Europe/Berlin',
    started: '2024-03-01T14:02:00+01:00',
    detected: '2024-03-01T14:04:00+01:00',
    mitigated: '2024-03-01T15:10:00+01:00',
    resolved: '2024-03-01T16:00:00+01:00',
    impact: { customers_affected: 640, data_loss: false },
    summary: 'A configuration change removed the payment endpoint.',
    timeline: [],
    root_causes: [{ category: 'configuration', summary: 'The load balancer config lost the payment pool.' }],
    detection: 'The checkout error alert fired.',
    resolution: 'We reverted the change.',
    action_items: [{ action: 'Validate the config', type: 'prevent', owner: 'net-team', due: '2024-04-01' }],
    lessons: { went_well: ['Quick revert.'], went_wrong: ['No review.'], got_lucky: ['Low traffic.'] },
  };

  async function draft(text: string): Promise<void> {
    await mkdir(join(dir, '.postmortem', 'drafts'), { recursive: true });
    await writeFile(join(dir, '.postmortem', 'drafts', `${DRAFT_ID}.json`), text);
  }

  const of = (given: Record<string, unknown>, steps: Record<string, unknown>) =>
    JSON.stringify({
      version: 1,
      id: DRAFT_ID,
      created: '2024-03-01T14:02:33Z',
      updated: '2024-03-01T14:10:00Z',
      given,
      steps,
    });

  it.each<[string, string, string]>([
    [
      'an id that leaves the folder',
      of({ ...GIVEN }, { id: '../../x' }),
      `${DRAFT_ID}.json: id: Expected an id like 2024-03-01-checkout-outage`,
    ],
    [
      'a severity out of the list',
      of({ ...GIVEN, severity: undefined }, { severity: 'SEV9' }),
      `${DRAFT_ID}.json: severity: Expected one of SEV1, SEV2, SEV3, SEV4, found "SEV9"`,
    ],
    [
      'a moment that is no time',
      of({ ...GIVEN, detected: undefined }, { detected: 'soon' }),
      `${DRAFT_ID}.json: detected: Expected a time like 14:02`,
    ],
    [
      'a text where yes or no belongs',
      of({ ...GIVEN }, { id: '', 'notice.write': 'yes' }),
      `${DRAFT_ID}.json: notice.write: Expected yes or no, found "yes"`,
    ],
    [
      'a summary with an open fence',
      of({ ...GIVEN, summary: undefined }, { summary: '```\nlog' }),
      `${DRAFT_ID}.json: summary: Expected the code fence opened on line 1`,
    ],
    ['text that is not JSON', '{"version": 1, ', `${DRAFT_ID}.json: cannot read the draft`],
    [
      'another version',
      JSON.stringify({ version: 2, id: DRAFT_ID, steps: {} }),
      'cannot read the draft: not a postmortem draft',
    ],
  ])('%s', async (_what, text, message) => {
    await draft(text);
    const result = await run(['--resume', DRAFT_ID]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each([['20990101-000000-0000'], ['../../etc/passwd']])('a draft id that is not there: %s', async (id) => {
    const result = await run(['--resume', id]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`No draft "${id}" to resume`);
  });
});
