import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPostmortemFile } from '../../src/model/index.js';
import {
  checkNotice,
  checkNoticeApology,
  checkNoticeLanguage,
  checkNoticeWording,
  checkServiceNames,
  checkSignature,
} from '../../src/lint/notice-gate.js';
import type { PostmortemConfig } from '../../src/config/load.js';
import { noticeSettingsOf, ruleSettingsOf } from '../../src/lint/notice-settings.js';
import { DEFAULT_NOTICE_SETTINGS as SETTINGS } from '../../src/notice/settings.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'notice');

/** The rule settings lint reads from a config (none: the defaults). */
const rulesOf = (config: PostmortemConfig = {}) => ruleSettingsOf({ path: null, config });
const DEFAULTS = rulesOf();
const EXAMPLES = join(ROOT, 'examples');

async function load(path: string) {
  const { postmortem, problems } = readPostmortemFile(path);
  expect(problems).toEqual([]);
  return postmortem;
}

describe('notice checks on failing fixtures', () => {
  it.each([
    ['notice-missing-de', 'de', 'notice-language', 35, 3, 'Expected wording in `notice.what_happened.de`, found none.'],
    [
      'notice-no-apology',
      'en',
      'notice-apology',
      44,
      3,
      'Expected an apology to customers in `notice.apology.en`, found none.',
    ],
    ['notice-weak-apology', 'de', 'notice-apology', 46, 9, 'Expected `notice.apology.de` to apologise'],
    ['notice-outage-sev2', 'en', 'notice-wording', 33, 10, 'found "Outages" in `notice.headline.en`'],
    ['notice-outage-sev2', 'de', 'notice-wording', 34, 10, 'found "Totalausfall" in `notice.headline.de`'],
    ['notice-leak', 'en', 'notice-leak', 36, 9, 'found an internal host name: "db-03.internal"'],
  ])('%s (%s) gives %s at %i:%i', async (name, lang, ruleId, line, column, message) => {
    const pm = await load(join(FIXTURES, `2018-05-15-${name}.md`));
    const problems = checkNotice(pm, { lang, channel: 'blog' }, DEFAULTS);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ ruleId, line, column, severity: 'error' });
    expect(problems[0]?.message).toContain(message);
  });

  it('reports every inflection of "Ausfall" on a SEV2 incident', async () => {
    const pm = await load(join(FIXTURES, '2018-05-15-notice-outage-sev2.md'));
    const found = checkNoticeWording(pm, { languages: ['de'] }).map((p) => /found "([^"]+)"/.exec(p.message)?.[1]);
    expect(found).toEqual(['Totalausfall', 'Ausfällen']);
  });

  it('checks only the requested language', async () => {
    const pm = await load(join(FIXTURES, '2018-05-15-notice-missing-de.md'));
    expect(checkNotice(pm, { lang: 'en', channel: 'blog' }, DEFAULTS)).toEqual([]);
    expect(checkNoticeLanguage(pm)).toHaveLength(1);
  });

  it('asks for the language in notice.languages', async () => {
    const pm = await load(join(EXAMPLES, '2018-05-15-crm-release-rollback-failed.md'));
    (pm.data.notice as Record<string, unknown>).languages = ['en'];
    expect(checkNoticeLanguage(pm, { languages: ['de'] })[0]?.message).toBe(
      'Expected "de" in `notice.languages`, found en.',
    );
  });

  it('extends the leak patterns from the config', async () => {
    const pm = await load(join(EXAMPLES, '2018-05-15-crm-release-rollback-failed.md'));
    const problems = checkNotice(pm, { lang: 'en', channel: 'blog' }, rulesOf({ internalPatterns: ['web app'] }));
    expect(problems.map((p) => p.ruleId)).toContain('notice-leak');
  });

  it('reports a missing notice block', async () => {
    const pm = await load(join(EXAMPLES, '2018-05-15-crm-release-rollback-failed.md'));
    delete pm.data.notice;
    expect(checkNotice(pm, { lang: 'en', channel: 'blog' }, DEFAULTS)).toMatchObject([
      { ruleId: 'notice-language', message: 'Expected a `notice` block with the customer wording, found none.' },
    ]);
    expect(checkNoticeApology(pm)).toEqual([]);
  });
});

describe('"outage" only for SEV1', () => {
  it.each([
    ['SEV1', 0],
    ['SEV2', 1],
    ['SEV3', 1],
    ['SEV4', 1],
  ])('%s', async (severity, count) => {
    const pm = await load(join(FIXTURES, '2018-05-15-notice-outage-sev2.md'));
    pm.data.severity = severity;
    expect(checkNoticeWording(pm, { languages: ['en'] })).toHaveLength(count);
  });

  it.each([
    ['en', 'The outages are over.', 1],
    ['en', 'Our outage page', 1],
    ['en', 'A disruption, not an out age.', 0],
    ['de', 'Ausfälle und Serverausfall', 2],
    ['de', 'Eine Störung', 0],
  ])('%s: %s', async (lang, text, count) => {
    const pm = await load(join(EXAMPLES, '2018-05-15-crm-release-rollback-failed.md'));
    ((pm.data.notice as Record<string, Record<string, string>>).next_steps as Record<string, string>)[lang] = text;
    expect(checkNoticeWording(pm, { languages: [lang] })).toHaveLength(count);
  });
});

describe('the examples', () => {
  it.each([
    '2018-05-15-crm-release-rollback-failed',
    '2019-03-12-carshare-db-maintenance',
    '2020-10-07-sync-storage-migration-data-loss',
    '2021-11-16-shop-customer-db-wiped',
    '2023-02-07-backbone-config-global-outage',
  ])('%s passes in en and de', async (id) => {
    const pm = await load(join(EXAMPLES, `${id}.md`));
    expect(checkNotice(pm, { lang: 'en', channel: 'blog' }, DEFAULTS)).toEqual([]);
    expect(checkNotice(pm, { lang: 'de', channel: 'blog' }, DEFAULTS)).toEqual([]);
  });
});

describe('checks of the facts: display names and signature, as (pm, settings) => findings', () => {
  const crm = () => load(join(EXAMPLES, '2018-05-15-crm-release-rollback-failed.md'));
  const notice = (pm: Awaited<ReturnType<typeof crm>>) => pm.data.notice as Record<string, unknown>;

  it('finds a service without a display name in the language, at its entry', async () => {
    const pm = await crm();
    (notice(pm).services as Record<string, unknown>)['crm-workers'] = { en: 'reminders' };
    expect(checkServiceNames(pm, { ...SETTINGS, languages: ['en'] })).toEqual([]);
    expect(checkServiceNames(pm, { ...SETTINGS, languages: ['de'] })).toMatchObject([
      { line: 11, column: 5, message: expect.stringContaining('service "crm-workers" in de') as string },
    ]);
  });

  it("takes display names from the config's notice.services", async () => {
    const pm = await crm();
    delete notice(pm).services;
    const services = { 'crm-web': { en: 'A' }, 'crm-workers': { en: 'B' }, 'fragment-cache': { en: 'A' } };
    expect(checkServiceNames(pm, { ...SETTINGS, languages: ['en'], services })).toEqual([]);
    expect(checkServiceNames(pm, { ...SETTINGS, languages: ['en'] })).toHaveLength(3);
  });

  it('finds an e-mail without a signature, in the file or the config', async () => {
    const pm = await crm();
    expect(checkSignature(pm, { ...SETTINGS, languages: ['en', 'de'] })).toEqual([]);
    delete notice(pm).signature;
    expect(checkSignature(pm, { ...SETTINGS, languages: ['en', 'de'] })).toHaveLength(2);
    const settings = { ...SETTINGS, languages: ['en', 'de'], signature: { en: 'Your team' } };
    expect(checkSignature(pm, settings)).toMatchObject([{ message: expect.stringContaining('in de') as string }]);
  });

  it('runs the signature check only for e-mails, and as a warning', async () => {
    const pm = await crm();
    delete notice(pm).signature;
    expect(checkNotice(pm, { lang: 'en', channel: 'blog' }, DEFAULTS)).toEqual([]);
    expect(checkNotice(pm, { lang: 'en', channel: 'email' }, DEFAULTS)).toMatchObject([
      { ruleId: 'notice-signature', severity: 'warning' },
    ]);
  });
});

describe('noticeSettingsOf: the config read as lint reads it', () => {
  it('joins internalPatterns and the notice-leak patterns, and takes the notice block', () => {
    const rules = rulesOf({
      internalPatterns: ['a'],
      rules: { 'notice-leak': ['warn', { patterns: ['b', 3] }], 'section-order': 'off' },
      notice: { company: 'Relata', timezone: 'Europe/Berlin', signature: { en: 'Team' } },
    });
    expect(noticeSettingsOf(rules)).toEqual({
      internalPatterns: ['a', 'b'],
      company: 'Relata',
      timezone: 'Europe/Berlin',
      signature: { en: 'Team' },
      services: {},
    });
    expect(rules.rules['notice-leak']?.level).toBe('warn');
    expect(rules.rules['section-order']).toBeUndefined();
  });

  it('makes a check a warning or skips it by the rule level', async () => {
    const pm = await load(join(FIXTURES, '2018-05-15-notice-leak.md'));
    const at = (level: 'off' | 'warn' | 'error') =>
      checkNotice(pm, { lang: 'en', channel: 'blog' }, rulesOf({ rules: { 'notice-leak': level } })).map(
        (p) => p.severity,
      );
    expect(at('error').length).toBeGreaterThan(0);
    expect(new Set(at('warn'))).toEqual(new Set(['warning']));
    expect(at('off')).toEqual([]);
  });

  it("applies the notice-leak rule's own patterns option", async () => {
    const pm = await load(join(EXAMPLES, '2018-05-15-crm-release-rollback-failed.md'));
    const rules = rulesOf({ rules: { 'notice-leak': ['error', { patterns: ['\\bweb app\\b'] }] } });
    expect(checkNotice(pm, { lang: 'en', channel: 'blog' }, rules).map((p) => p.ruleId)).toContain('notice-leak');
  });
});

describe('leaks in what customers read besides the wording', () => {
  it('finds a host name in a display name from the config and in the signature', async () => {
    const pm = await load(join(EXAMPLES, '2018-05-15-crm-release-rollback-failed.md'));
    const notice = pm.data.notice as Record<string, unknown>;
    delete notice.services;
    delete notice.signature;
    const services = {
      'crm-web': { en: 'web-03.internal' },
      'crm-workers': { en: 'B' },
      'fragment-cache': { en: 'B' },
    };
    const problems = checkNotice(
      pm,
      { lang: 'en', channel: 'email' },
      rulesOf({ notice: { services, signature: { en: 'Carla Neumeier, on call' } } }),
    );
    expect(problems.map((p) => [p.ruleId, p.line, p.message])).toEqual([
      [
        'notice-leak',
        10,
        'Expected customer-facing text in the display name of "crm-web" (en), found an internal host name: "web-03.internal".',
      ],
      [
        'notice-leak',
        36,
        'Expected customer-facing text in the signature (en), found an author\'s name: "Carla Neumeier".',
      ],
    ]);
  });
});
