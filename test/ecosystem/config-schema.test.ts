import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { checkRuleOptions } from '../../src/lint/rule-options.js';
import { RULES } from '../../src/lint/rules/index.js';
import { resolveSettings } from '../../src/lint/settings.js';
import { compileSchema } from './ajv.js';
import type { ValidateFunction } from 'ajv';

// schema/postmortemrc.schema.json describes the project config; on these configs it must agree with
// what loadConfig accepts (the tool also checks zones and patterns, which a schema cannot).

async function accepted(config: unknown): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'postmortem-config-schema-'));
  try {
    await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify(config));
    const loaded = await loadConfig({ cwd: dir });
    // What lint checks next: the rule ids and each rule's options.
    await checkRuleOptions(loaded);
    resolveSettings(RULES, loaded, [], new Date());
    return true;
  } catch {
    return false;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let validate: ValidateFunction;
beforeAll(async () => {
  validate = await compileSchema('schema/postmortemrc.schema.json');
});

describe('postmortemrc.schema.json', () => {
  it.each([
    [{ timeline: { roles: { U02BOB: 'the on-call engineer', alice: 'the incident commander' } } }, true],
    [{ timeline: {} }, true],
    [
      {
        categories: ['vendor-outage'],
        rules: { 'section-order': 'off', 'blameless-language': ['error', { words: ['idiot'] }] },
        notice: { company: 'Relata', signature: { en: 'Your Relata team' } },
        timeline: { roles: { U1: 'the incident commander' } },
      },
      true,
    ],
    [{ timeline: { roles: { U02BOB: 7 } } }, false],
    [{ timeline: { roles: { U02BOB: ' ' } } }, false],
    [{ timeline: { roles: ['U02BOB'] } }, false],
    [{ timeline: { people: {} } }, false],
    [{ timeline: 'yes' }, false],
    [{ timelines: {} }, false],
    // The notice block of contract v1.2: a zone per language, a locale per language, French, public contacts.
    [
      {
        notice: {
          timezone: { de: 'Europe/Berlin', en: 'America/New_York', fr: 'Europe/Paris' },
          locale: { en: 'en-GB', de: 'de-CH', fr: 'fr-CH' },
          signature: { en: 'The Relata team', de: 'Ihr Relata-Team', fr: 'L’équipe Relata' },
          services: { 'crm-web': { en: 'CRM web app', fr: 'application web CRM' } },
          publicContacts: ['service@relata.example'],
        },
      },
      true,
    ],
    [{ notice: { timezone: 'Europe/Berlin' } }, true],
    [{ notice: { locale: 'en-GB' } }, false],
    [{ notice: { locale: { it: 'it-IT' } } }, false],
    [{ notice: { publicContacts: 'service@relata.example' } }, false],
    [{ notice: { publicContacts: ['service at relata'] } }, false],
    [{ notice: { signature: { es: 'El equipo' } } }, false],
    // Rule options come from the rule modules' own schemas, so an editor knows them too.
    [{ rules: { 'notice-wording': ['warn', { words: { en: ['\\bASAP\\b'] } }] } }, true],
    [{ rules: { 'notice-wording': ['warn', { words: ['ASAP'] }] } }, false],
    [{ rules: { 'notice-leak': ['error', { patterns: ['('] }] } }, false],
    [{ rules: { 'blameless-language': ['error', { wrods: ['idiot'] }] } }, false],
    [{ rules: { 'section-order': ['error', { strict: true }] } }, false],
    [{ rules: { 'section-ordr': 'off' } }, false],
    [{ rules: { 'section-order': 'warning', 'timeline-order': [1] } }, true],
  ])('%j: valid %s, as the tool says', async (config, valid) => {
    expect(validate(config)).toBe(valid);
    expect(await accepted(config)).toBe(valid);
  });
});
