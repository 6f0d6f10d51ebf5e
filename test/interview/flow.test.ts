import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InterviewInterruptedError,
  buildPostmortem,
  draftPath,
  listDrafts,
  runInterview,
  runSession,
  type Answers,
} from '../../src/interview/index.js';
import { parsePostmortem, stringifyPostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { renderSource } from '../../src/render/source.js';
import { runInProcess, tempDir } from '../helpers/cli.js';
import { ScriptExhausted, scriptedAsk, type Scripted } from './scripted-ask.js';

const NOW = Date.parse('2024-03-02T09:00:00Z');

/** A whole interview: two categories with their follow-ups, suggestions accepted, edited and dropped. */
const FULL_SCRIPT: Scripted[] = [
  { input: 'Checkout errors after release 4.2 and a failed rollback', expect: 'Title' },
  { select: 'SEV2', expect: 'Severity' },
  { input: 'checkout, payments', expect: 'services' },
  { input: 'Ana Lima, platform-team', expect: 'Authors' },
  { input: '', expect: 'Time zone' },
  { input: '2024-03-01 14:02', expect: 'impact start' },
  { input: '14:04', expect: 'detected' },
  { input: '15:30', expect: 'mitigated' },
  { input: '16:00', expect: 'resolved' },
  { input: '', expect: 'Id' },
  { input: 'Release 4.2 broke checkout; the rollback failed and a restore was needed.', expect: 'Summary' },
  { input: '1,200', expect: 'customers' },
  { confirm: true, expect: 'data lost' },
  { input: '', expect: 'Impact in one sentence' },
  { confirm: true, expect: 'without a break' },
  // Timeline: two events added, then one moment's text edited and one event removed.
  { confirm: true, expect: 'Add a timeline event' },
  { input: '14:20', expect: 'When?' },
  { input: 'Rollback to 4.1 started', expect: 'What happened' },
  { confirm: true, expect: 'Add another timeline event' },
  { input: '13:50', expect: 'When?' },
  { input: 'Release 4.2 deployed', expect: 'What happened' },
  { confirm: false, expect: 'Add another timeline event' },
  { select: '1', expect: 'Review the timeline' },
  { select: 'edit', expect: 'Impact begins' },
  { input: 'Checkout requests start to fail', expect: 'What happened' },
  { select: '3', expect: 'Review the timeline' },
  { select: 'remove', expect: 'Rollback to 4.1 started' },
  { select: 'done', expect: 'Review the timeline' },
  // Root cause: two categories, each with its own follow-ups.
  { checkbox: ['failed-rollback', 'missing-backup'], expect: 'Root cause categories' },
  { input: 'The rollback left the database on the new schema.', expect: 'failed rollback' },
  { input: 'The last usable backup was a week old.', expect: 'missing backup' },
  { input: 'Return app and schema to 4.1', expect: 'What should the rollback have done' },
  { confirm: false, expect: 'rehearsed' },
  { input: 'The schema migration had no down step', expect: 'Why did the rollback fail' },
  { input: '', expect: 'manual recovery' },
  { input: 'never', expect: 'restore last tested' },
  { input: 'Orders between 14:02 and 14:40', expect: 'cannot be recovered' },
  { input: '', expect: 'recovery point objective' },
  { input: '', expect: 'recovery time objective' },
  { input: '', expect: 'own words' },
  { confirm: true, expect: 'five whys' },
  { input: 'Checkout failed.', expect: 'Why did it happen' },
  { input: 'The schema changed without a way back.', expect: 'Why?' },
  { input: '', expect: 'Why?' },
  { input: 'The error-rate alert paged the on-call engineer.', expect: 'time to detect: 2 min' },
  { input: 'We restored the database and redeployed 4.1.', expect: 'time to mitigate: 1 h 28 min' },
  // Suggestions of failed-rollback: accept, edit, drop.
  { select: 'accept', expect: 'Rehearse the rollback' },
  { input: 'release-eng', expect: 'Owner' },
  { input: '', expect: 'Due' },
  { input: 'REL-7', expect: 'Ticket' },
  { select: 'edit', expect: 'every component' },
  { input: 'Make the rollback cover app and schema', expect: 'Action' },
  { select: 'mitigate', expect: 'Type' },
  { input: '', expect: 'Owner' },
  { input: '2024-04-15', expect: 'Due' },
  { input: '', expect: 'Ticket' },
  { select: 'drop', expect: 'game day' },
  // Suggestions of missing-backup: accept one, drop two.
  { select: 'accept', expect: 'restoring from backup' },
  { input: 'data-team', expect: 'Owner' },
  { input: '2024-04-01', expect: 'Due' },
  { input: '', expect: 'Ticket' },
  { select: 'drop', expect: 'older than the recovery point' },
  { select: 'drop', expect: 'recovery point and time objectives' },
  // One own item.
  { confirm: true, expect: 'Add an action item of your own' },
  { input: 'Alert on | pipes in *payment* ids', expect: 'Action' },
  { select: 'detect', expect: 'Type' },
  { input: 'sre', expect: 'Owner' },
  { input: '2024-04-10', expect: 'Due' },
  { input: 'OPS-1', expect: 'Ticket' },
  { confirm: false, expect: 'Add another action item' },
  { select: 'done', expect: 'Review the action items' },
  { input: 'Alerts fired at once.', expect: 'went well' },
  { input: '', expect: 'went well' },
  { input: 'The rollback had never been tried.', expect: 'went wrong' },
  { input: '', expect: 'went wrong' },
  { input: 'It happened on a quiet afternoon.', expect: 'lucky' },
  { input: '', expect: 'lucky' },
  { confirm: true, expect: 'customer notice' },
  { checkbox: ['en', 'de'], expect: 'Which languages' },
  ...['headline', 'What happened', 'What it meant', 'Next steps', 'Apology'].flatMap((f) => [
    { input: '', expect: `${f}` },
    { input: '', expect: `${f}` },
  ]),
  // The proposed status text: taken in English, none in German.
  { input: '', expect: 'status-page text (English;' },
  { input: '-', expect: 'status-page text (German;' },
  { input: 'Checkout', expect: 'call the service "checkout" (English)' },
  { input: 'Kasse', expect: 'call the service "checkout" (German)' },
  { input: 'Payments', expect: 'call the service "payments" (English)' },
  { input: 'Zahlungen', expect: 'call the service "payments" (German)' },
];

async function interview(script: Scripted[], steps: Record<string, unknown> = {}, given: Answers = {}) {
  const ask = scriptedAsk(script);
  const answers = await runInterview({ ask, given, steps, now: NOW, machineZone: 'Europe/Berlin' });
  return { answers, ask };
}

async function fileFor(answers: Answers) {
  const built = buildPostmortem(answers);
  const text = stringifyPostmortem(built.data, await renderSource(built.content));
  const { postmortem, problems } = parsePostmortem(text, `postmortems/${built.id}.md`);
  return { text, problems: [...problems, ...checkPostmortem(postmortem, {}, 'warning')], postmortem };
}

describe('the interview flow', () => {
  it('walks all nine steps and builds a file that validates with no problem', async () => {
    const { answers, ask } = await interview(FULL_SCRIPT);
    expect(ask.asked).toHaveLength(FULL_SCRIPT.length);
    const { text, problems, postmortem } = await fileFor(answers);
    expect(problems).toEqual([]);
    expect(answers.id).toBe('2024-03-01-checkout-errors-after-release-4-2-and-a-failed-rollback');
    expect(answers.started).toBe('2024-03-01T14:02:00+01:00');
    expect(answers.impact).toEqual({ customers_affected: 1200, data_loss: true });
    expect(postmortem.timeline.map((i) => i.text)).toEqual([
      '2024-03-01 13:50 +01:00 — Release 4.2 deployed',
      '2024-03-01 14:02 +01:00 — Checkout requests start to fail',
      '2024-03-01 14:04 +01:00 — Incident detected',
      '2024-03-01 15:30 +01:00 — Impact mitigated',
      '2024-03-01 16:00 +01:00 — Incident resolved',
    ]);
    expect(answers.followups).toEqual({
      'failed-rollback': {
        expected: 'Return app and schema to 4.1',
        rehearsed: false,
        why_failed: 'The schema migration had no down step',
      },
      'missing-backup': { last_restore_test: 'never', unrecoverable: 'Orders between 14:02 and 14:40' },
    });
    expect(answers.five_whys).toEqual(['Checkout failed.', 'The schema changed without a way back.']);
    expect(answers.action_items).toEqual([
      {
        action: 'Rehearse the rollback of every release in staging before production',
        type: 'process',
        owner: 'release-eng',
        due: '2024-03-31',
        status: 'open',
        ticket: 'REL-7',
      },
      {
        action: 'Make the rollback cover app and schema',
        type: 'mitigate',
        owner: 'release-eng',
        due: '2024-04-15',
        status: 'open',
        ticket: '',
      },
      {
        action: 'Test restoring from backup automatically every week',
        type: 'detect',
        owner: 'data-team',
        due: '2024-04-01',
        status: 'open',
        ticket: '',
      },
      {
        action: 'Alert on | pipes in *payment* ids',
        type: 'detect',
        owner: 'sre',
        due: '2024-04-10',
        status: 'open',
        ticket: 'OPS-1',
      },
    ]);
    expect(postmortem.actionItems?.rows.map((r) => r.cells.action?.text)).toContain(
      'Alert on | pipes in \\*payment\\* ids',
    );
    expect(text).toContain('- Rollback rehearsed before: no\n');
    expect(text).toContain('### Five whys\n\n1. Checkout failed.\n2. The schema changed without a way back.\n');
    expect(answers.notice?.languages).toEqual(['en', 'de']);
    expect(answers.notice?.customer_impact.en).toBe(
      'For 1 hour and 28 minutes, important parts of our service were unavailable for you. Data stored with us was lost.',
    );
    expect(answers.notice?.headline.de).toBe('Störung unseres Dienstes am 1. März 2024');
    // The proposal: the facts given, the author's sentence on lost data, the apology's first sentence.
    expect(answers.notice?.status).toEqual({
      en:
        'On March 1, 2024, important parts of our service were unavailable. The disruption lasted 1 hour and 28 minutes. ' +
        'Data stored with us was lost. We are very sorry.',
    });
    expect(answers.notice?.services).toEqual({
      checkout: { en: 'Checkout', de: 'Kasse' },
      payments: { en: 'Payments', de: 'Zahlungen' },
    });
    expect(text).not.toMatch(/TODO|TBD|FIXME|\?\?\?/);
    const temp = await tempDir();
    try {
      const path = join(temp.dir, 'postmortems', `${answers.id as string}.md`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
      // Display names and a signature come from the config when the interview did not ask for them.
      const notice = {
        services: { checkout: { en: 'checkout', de: 'Kasse' }, payments: { en: 'payments', de: 'Zahlungen' } },
        signature: { en: 'Your team', de: 'Ihr Team' },
      };
      await writeFile(join(temp.dir, '.postmortemrc.json'), JSON.stringify({ notice }));
      const lint = await runInProcess(['lint', path, '--format', 'json', '--now', '2024-03-02'], { cwd: temp.dir });
      expect(JSON.parse(lint.stdout)[0].messages).toEqual([]);
    } finally {
      await temp.cleanup();
    }
  });

  it('offers every language that has a module; French drafts come from the French module', async () => {
    const at = FULL_SCRIPT.findIndex((step) => 'checkbox' in step && step.expect === 'Which languages');
    expect(at).toBeGreaterThan(0);
    const script: Scripted[] = [
      ...FULL_SCRIPT.slice(0, at),
      { checkbox: ['fr', 'en'], expect: 'Which languages' },
      ...['headline', 'What happened', 'What it meant', 'Next steps', 'Apology'].flatMap((f) => [
        { input: '', expect: `${f}` },
        { input: '', expect: '(French)' },
      ]),
      { input: '', expect: 'status-page text (English;' },
      { input: '', expect: 'status-page text (French;' },
      { input: 'Checkout', expect: 'call the service "checkout" (English)' },
      { input: 'Paiement', expect: 'call the service "checkout" (French)' },
      { input: 'Payments', expect: 'call the service "payments" (English)' },
      { input: 'Paiements', expect: 'call the service "payments" (French)' },
    ];
    const { answers } = await interview(script);
    // The registry's order, whatever order the boxes were ticked in.
    expect(answers.notice?.languages).toEqual(['en', 'fr']);
    expect(answers.notice?.headline.fr).toBe('Perturbation de notre service le 1er mars 2024');
    expect(answers.notice?.apology.fr).toMatch(/^Nous vous présentons nos sincères excuses\./);
    expect(answers.notice?.status?.fr).toBe(
      'Le 1er mars 2024, des parties importantes de notre service étaient indisponibles. La perturbation a duré ' +
        '1 heure et 28 minutes. Nous avons perdu des données que vous aviez enregistrées chez nous. ' +
        'Nous vous présentons nos sincères excuses.',
    );
    expect(answers.notice?.services).toEqual({
      checkout: { en: 'Checkout', fr: 'Paiement' },
      payments: { en: 'Payments', fr: 'Paiements' },
    });
  });

  it('asks customer names only for services the project config does not name', async () => {
    const ask = scriptedAsk(FULL_SCRIPT.slice(0, -2));
    const answers = await runInterview({
      ask,
      given: {},
      steps: {},
      now: NOW,
      machineZone: 'Europe/Berlin',
      serviceNames: { payments: { en: 'Payments', de: 'Zahlungen' } },
    });
    expect(answers.notice?.services).toEqual({ checkout: { en: 'Checkout', de: 'Kasse' } });
  });

  it('offers the proposed id, the machine zone and the last owner as defaults', async () => {
    const { ask } = await interview(FULL_SCRIPT);
    expect(ask.defaults).toContain('Europe/Berlin');
    expect(ask.defaults).toContain('2024-03-01-checkout-errors-after-release-4-2-and-a-failed-rollback');
    expect(ask.defaults).toContain('Service disruption on March 1, 2024');
  });

  it.each([
    [
      'untested-update',
      [
        { checkbox: ['canary'], expect: 'Which test stage' },
        { input: 'Friday deadline', expect: 'Why was it skipped' },
      ],
      { skipped_stage: ['canary'], why_skipped: 'Friday deadline' },
    ],

    [
      'network',
      [
        { input: 'Uplink in site A', expect: 'network component' },
        { confirm: true, expect: 'redundant path' },
      ],
      { component: 'Uplink in site A', redundancy: true },
    ],
    [
      'dependency',
      [
        { input: 'Payment provider', expect: 'Which dependency' },
        { input: 'Their status page', expect: 'learn' },
        { confirm: false, expect: 'fallback' },
      ],
      { dependency: 'Payment provider', learned_from: 'Their status page', fallback: false },
    ],
  ] as Array<[string, Scripted[], Record<string, unknown>]>)(
    'asks the follow-ups of %s',
    async (category, followups, expected) => {
      const start = FULL_SCRIPT.findIndex((s) => 'checkbox' in s);
      const script: Scripted[] = [
        ...FULL_SCRIPT.slice(0, start),
        { checkbox: [category] },
        { input: 'One sentence on the cause.', expect: 'In one sentence' },
        ...followups,
      ];
      const steps: Record<string, unknown> = {};
      await expect(interview(script, steps)).rejects.toBeInstanceOf(ScriptExhausted);
      expect(
        Object.fromEntries(
          Object.entries(steps)
            .filter(([k]) => k.startsWith(`followups.${category}.`))
            .map(([k, v]) => [k.split('.')[2], v]),
        ),
      ).toEqual(expected);
    },
  );

  it('resumes at the first unanswered question after an interruption, replaying earlier answers', async () => {
    const steps: Record<string, unknown> = {};
    await expect(interview(FULL_SCRIPT.slice(0, 31), steps)).rejects.toBeInstanceOf(ScriptExhausted);
    expect(steps.title).toBe('Checkout errors after release 4.2 and a failed rollback');
    expect(Object.keys(steps)).toHaveLength(31);
    const { answers, ask } = await interview(FULL_SCRIPT.slice(31), steps);
    expect(ask.asked[0]).toContain('What should the rollback have done');
    const whole = await interview(FULL_SCRIPT);
    expect(answers).toEqual(whole.answers);
  });

  it('asks nothing that was given, and fills the rest from the terminal', async () => {
    const given: Answers = {
      title: 'Given title',
      severity: 'SEV3',
      services: ['api'],
      authors: ['Ana'],
      timezone: 'UTC',
    };
    const script: Scripted[] = [{ input: '2024-03-01 10:00', expect: 'impact start' }];
    const steps: Record<string, unknown> = {};
    await expect(interview(script, steps, given)).rejects.toBeInstanceOf(ScriptExhausted);
    expect(Object.keys(steps)).toEqual(['started']);
  });
});

describe('sessions and drafts', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('saves a draft after every answer, reports the interruption, and resumes the latest draft', async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const first = runSession({
      cwd: temp.dir,
      ask: scriptedAsk(FULL_SCRIPT.slice(0, 5)),
      now: NOW,
      machineZone: 'Europe/Berlin',
    });
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterviewInterruptedError);
    const { draftId, draftSaved } = error as InterviewInterruptedError;
    expect(draftSaved).toBe(true);
    const draft = JSON.parse(await readFile(draftPath(temp.dir, draftId), 'utf8'));
    expect(draft.steps).toEqual({
      title: 'Checkout errors after release 4.2 and a failed rollback',
      severity: 'SEV2',
      services: 'checkout, payments',
      authors: 'Ana Lima, platform-team',
      timezone: 'Europe/Berlin',
    });
    const resumed = await runSession({
      cwd: temp.dir,
      resume: true,
      ask: scriptedAsk([...FULL_SCRIPT.slice(5), { select: 'write', expect: 'Review' }]),
      now: NOW,
      machineZone: 'UTC',
    });
    expect(resumed.draftId).toBe(draftId);
    expect(resumed.answers.started).toBe('2024-03-01T14:02:00+01:00');
    expect((await fileFor(resumed.answers)).problems).toEqual([]);
    expect((await listDrafts(temp.dir)).map((d) => d.id)).toEqual([draftId]);
  });
});

describe('the timeline checklist of --timeline-from', () => {
  it('offers the candidates checked as preselected, keeps the ones picked, and passes the incident facts', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const candidates = [
      { at: '2024-03-01T15:45:00+01:00', event: 'Cache flushed on all web servers', preselected: true },
      { at: '2024-03-01T15:50:00+01:00', event: 'ok', preselected: false },
    ];
    const start = FULL_SCRIPT.findIndex((s) => s.expect === 'Add a timeline event');
    const script: Scripted[] = [
      ...FULL_SCRIPT.slice(0, start),
      { checkbox: ['0'], expect: 'Events from the sources' },
      ...FULL_SCRIPT.slice(start),
    ];
    const ask = scriptedAsk(script);
    const answers = await runInterview({
      ask,
      given: {},
      steps: {},
      now: NOW,
      machineZone: 'Europe/Berlin',
      timelineCandidates: async (facts) => {
        seen.push(facts);
        return candidates;
      },
    });
    expect(seen).toEqual([
      expect.objectContaining({ timezone: 'Europe/Berlin', started: '2024-03-01T14:02:00+01:00' }),
    ]);
    const events = (answers.timeline ?? []).map((e) => e.event);
    expect(events).toContain('Cache flushed on all web servers');
    expect(events).not.toContain('ok');
  });
});
