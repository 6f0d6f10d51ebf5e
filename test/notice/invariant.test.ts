/**
 * The invariant of issue 9, "the same checks everywhere": a file that `lint` passes with default
 * settings (no errors) renders every channel in every language of its `notice.languages`. Run over
 * every fixture and example, and over variants of the examples that break one notice rule each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/engine.js';
import { parsePostmortem } from '../../src/model/index.js';
import { RULES } from '../../src/lint/rules/index.js';
import { NOTICE_RULES } from '../../src/lint/notice-gate.js';
import { prepareNotice } from '../../src/cli/notice-prepare.js';
import { ruleSettingsOf } from '../../src/lint/notice-settings.js';
import { NOTICE_CHANNELS, noticeLanguages } from '../../src/notice/view.js';
import { examples } from '../helpers/examples.js';
import { ROOT } from '../helpers/cli.js';

const SETTINGS = ruleSettingsOf({ path: null, config: {} }, new Date('2026-01-01T00:00:00Z'));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** A file under test: where it claims to live (for id-filename) and its text. */
interface Case {
  name: string;
  path: string;
  text: string | Uint8Array;
}

const fileCases: Case[] = [
  ...markdownFiles(join(ROOT, 'test', 'fixtures')).map((path) => ({
    name: relative(ROOT, path),
    path,
    text: new Uint8Array(readFileSync(path)),
  })),
  ...examples().map((e) => ({ name: `examples/${e.name}`, path: e.path, text: e.text })),
];

/** Edits that break (or only just keep) one notice rule; with the examples they give files on both sides of lint. */
/** Replaces the English headline (a line of its own under `headline:`) with YAML text. */
const headline = (yaml: string) => (t: string) => t.replace(/^( {2}headline:\n {4}en: ).*$/m, `$1${yaml}`);

const EDITS: Array<[string, (text: string) => string]> = [
  [
    'severity SEV2 with "outage"',
    (t) => headline('"Outage of our service"')(t.replace(/^severity: .*$/m, 'severity: SEV2')),
  ],
  ['severity SEV3', (t) => t.replace(/^severity: .*$/m, 'severity: SEV3')],
  ['no German what_happened', (t) => t.replace(/^( {2}what_happened:\n(?: {4}en: .*\n))( {4}de: .*\n)/m, '$1')],
  ['no display names', (t) => t.replace(/^ {2}services:\n(?: {4}.*\n)+/m, '')],
  ['no signature', (t) => t.replace(/^ {2}signature:\n(?: {4}.*\n)+/m, '')],
  ['timezone CEST', (t) => t.replace(/^timezone: .*$/m, 'timezone: CEST')],
  ['timezone +02:00', (t) => t.replace(/^timezone: .*$/m, 'timezone: "+02:00"')],
  ['a line break in the headline', headline('"Disruption\\nX-Injected: yes"')],
  ['a Hugo shortcode in the headline', headline('"Disruption {{% param \\"secret\\" %}}"')],
  ['no notice', (t) => t.replace(/^notice:\n(?: .*\n)+/m, '')],
  [
    'an apology that does not apologise',
    (t) => t.replace(/^( {2}apology:\n {4}en: ).*$/m, '$1"Thank you for your patience."'),
  ],
  ['a host name in the headline', headline('"Disruption of db-01.internal"')],
];

const variantCases: Case[] = examples().flatMap((e) =>
  EDITS.map(([what, edit]) => ({ name: `examples/${e.name} with ${what}`, path: e.path, text: edit(e.text) })),
);

/** Lints with default settings; true when there is no error. */
function lintPasses(c: Case): boolean {
  return lintText(c.text, c.path, SETTINGS).result.errorCount === 0;
}

/** Renders every channel in every notice language; returns what failed (empty when all rendered). */
async function renderAll(c: Case): Promise<string[]> {
  const text = typeof c.text === 'string' ? c.text : new TextDecoder().decode(c.text);
  const { postmortem, problems } = parsePostmortem(text, c.path);
  if (problems.length > 0) return [`unreadable: ${problems[0]?.message}`];
  const failed: string[] = [];
  for (const lang of noticeLanguages(postmortem)) {
    for (const channel of NOTICE_CHANNELS) {
      try {
        const notice = await prepareNotice(postmortem, { channel, lang }, SETTINGS);
        if (!notice.ok) failed.push(`${channel}/${lang}: ${notice.problems.map((p) => p.message).join(' ')}`);
      } catch (error) {
        failed.push(`${channel}/${lang}: threw ${(error as Error).message}`);
      }
    }
  }
  return failed;
}

const all = [...fileCases, ...variantCases];
const passing = all.filter(lintPasses);

describe('a file lint passes renders every channel in every language of its notice', () => {
  it('has cases on both sides of lint, so the invariant is tested, not assumed', () => {
    expect(fileCases.length).toBeGreaterThan(50);
    // Every variant is readable YAML that differs from its example: lint judges the edit, not a typo.
    for (const c of variantCases) {
      const { problems } = parsePostmortem(c.text as string, c.path);
      expect(problems, c.name).toEqual([]);
      expect(
        examples().map((e) => e.text),
        c.name,
      ).not.toContain(c.text);
    }
    // Every example passes; so do the variants that keep within the rules.
    for (const e of examples()) expect(passing.map((c) => c.name)).toContain(`examples/${e.name}`);
    expect(passing.length).toBeGreaterThan(examples().length);
    expect(passing.length).toBeLessThan(all.length);
  });

  it.each(passing.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expect(await renderAll(c)).toEqual([]);
  });

  it('a variant lint refuses with notice or FORMAT rules only is refused by notice too: the same rules, not a copy', async () => {
    const gate = new Set([...NOTICE_RULES.map((r) => r.id), ...RULES.filter((r) => r.format).map((r) => r.id)]);
    const refused = variantCases.filter((c) => {
      const errors = lintText(c.text, c.path, SETTINGS).result.messages.filter((m) => m.severity === 2);
      return errors.length > 0 && errors.every((m) => gate.has(m.ruleId));
    });
    expect(refused.length).toBeGreaterThan(examples().length);
    for (const c of refused) expect((await renderAll(c)).length, c.name).toBeGreaterThan(0);
  });
});
