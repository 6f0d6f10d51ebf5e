import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { parseAtomFeed } from 'feedsmith';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { hasPython, strictAtomTitles } from '../helpers/strict-xml.js';
import { needTool } from '../helpers/tools.js';
import { compileSchema } from '../ecosystem/ajv.js';

// `postmortem export` in process: incidents.json checked against a schema written from the
// Statuspage v2 API documentation, the Atom feed read back by a real feed parser (feedsmith).

const EXAMPLE = '2018-05-15-crm-release-rollback-failed';
const SERVICE_IDS = ['crm-web', 'crm-workers', 'fragment-cache'];
// The example's own display names, under `notice:`; crm-web and fragment-cache share one.
const NAMES = /^ {2}services:\n(?: {4}.*\n)+/m;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

let validateIncidents: ValidateFunction;
beforeAll(async () => {
  validateIncidents = await compileSchema('test/export/statuspage-v2-incidents.schema.json');
});

/** A variant of the example postmortem: its id, status, severity and notice changed as given; `names: false` drops its display names. */
async function variant(changes: {
  id?: string;
  status?: string;
  severity?: string;
  names?: boolean;
  headline?: string;
}) {
  let text = await readFile(join(ROOT, 'examples', `${EXAMPLE}.md`), 'utf8');
  const id = changes.id ?? EXAMPLE;
  text = text.replace(`id: ${EXAMPLE}`, `id: ${id}`);
  if (changes.status) text = text.replace(/^status: final$/m, `status: ${changes.status}`);
  if (changes.severity) text = text.replace(/^severity: SEV2$/m, `severity: ${changes.severity}`);
  if (changes.names === false) {
    expect(text).toMatch(NAMES);
    text = text.replace(NAMES, '');
  }
  if (changes.headline)
    text = text.replace('en: "Disruption of the Relata web app"', `en: ${JSON.stringify(changes.headline)}`);
  return { id, text };
}

async function project(...files: Array<{ id: string; text: string }>): Promise<string> {
  const { dir, cleanup } = await tempDir('postmortem-export-');
  cleanups.push(cleanup);
  await mkdir(join(dir, 'postmortems'));
  for (const f of files) await writeFile(join(dir, 'postmortems', `${f.id}.md`), f.text);
  return dir;
}

/** Writes the project's `.postmortemrc.json` with the given `notice` block. */
async function writeConfig(dir: string, notice: Record<string, unknown>): Promise<void> {
  await writeFile(join(dir, '.postmortemrc.json'), `${JSON.stringify({ notice })}\n`);
}

const URL_ARGS = ['--url', 'https://status.example.com', '--title', 'Relata Status'];

interface Incidents {
  page: { name: string; url: string; updated_at: string };
  incidents: Array<{
    id: string;
    name: string;
    status: string;
    impact: string;
    resolved_at: string | null;
    incident_updates: Array<{ status: string; body: string; created_at: string }>;
    components: Array<{ id: string; name: string; status: string }>;
  }>;
}

describe('postmortem export --format statuspage', () => {
  it('writes incidents.json in the Statuspage v2 shape: one incident per language, display names only', async () => {
    const dir = await project(await variant({ status: 'published' }));
    const result = await runInProcess(['export', ...URL_ARGS], { cwd: dir });
    expect(result.stderr).toContain('Wrote incidents.json: 3 notice(s) from 1 postmortem(s).');
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, 'incidents.json'), 'utf8');
    const doc = JSON.parse(text) as Incidents;
    expect(validateIncidents(doc), JSON.stringify(validateIncidents.errors)).toBe(true);
    expect(doc.page).toMatchObject({ name: 'Relata Status', url: 'https://status.example.com' });
    expect(doc.incidents.map((i) => [i.id, i.name, i.status, i.impact])).toEqual([
      [`${EXAMPLE}-de`, 'Störung der Relata-Web-App', 'resolved', 'major'],
      [`${EXAMPLE}-en`, 'Disruption of the Relata web app', 'resolved', 'major'],
      [`${EXAMPLE}-fr`, 'Perturbation de l’application web Relata', 'resolved', 'major'],
    ]);
    const [de, en] = doc.incidents;
    expect(en?.resolved_at).toBe('2018-05-15T18:10:00+02:00');
    // One component per name customers read (crm-web and fragment-cache are both the web app to
    // them), and a service is the same component in every language.
    expect(en?.components.map((c) => [c.name, c.status])).toEqual([
      ['Relata web app', 'operational'],
      ['scheduled reminder e-mails', 'operational'],
    ]);
    expect(de?.components.map((c) => c.name)).toEqual(['Relata-Web-App', 'geplante Erinnerungsmails']);
    expect(de?.components.map((c) => c.id)).toEqual(en?.components.map((c) => c.id));
    const [update] = en?.incident_updates ?? [];
    expect(update?.status).toBe('resolved');
    expect(update?.created_at).toBe('2018-05-15T18:10:00+02:00');
    // The resolved update carries the notice's text (the status channel) as `postmortem notice`
    // writes it, in the same zone (the file's Europe/Berlin), naming services as customers know them.
    const notice = await runInProcess(['notice', `postmortems/${EXAMPLE}.md`, '--channel', 'status'], { cwd: dir });
    expect(notice.code).toBe(0);
    expect(notice.stdout.startsWith('Disruption of the Relata web app\n\n')).toBe(true);
    expect(update?.body).toBe(notice.stdout.replace('Disruption of the Relata web app\n\n', ''));
    expect(update?.body).toContain(
      'On May 15, 2018, there was a disruption from 2:02 PM to 2:31 PM and from 3:48 PM to 4:34 PM (CEST), ' +
        '1 hour and 15 minutes in total. Affected services: Relata web app and scheduled reminder e-mails.',
    );
    // The schema is strict enough to catch a wrong value.
    expect(validateIncidents({ ...doc, incidents: [{ ...en, impact: 'severe' }] })).toBe(false);
    for (const id of SERVICE_IDS) expect(text).not.toContain(id);
  });

  it.each([
    ['SEV1', 'critical'],
    ['SEV2', 'major'],
    ['SEV3', 'minor'],
    ['SEV4', 'none'],
  ])('maps %s to impact %s', async (severity, impact) => {
    const dir = await project(await variant({ severity }));
    const result = await runInProcess(['export', ...URL_ARGS, '--lang', 'en', '--out', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Incidents;
    expect(validateIncidents(doc)).toBe(true);
    expect(doc.incidents.map((i) => i.impact)).toEqual([impact]);
  });

  it('takes final and published postmortems and lists the drafts it skipped', async () => {
    const dir = await project(
      await variant({ id: '2018-05-15-a', status: 'final' }),
      await variant({ id: '2018-05-15-b', status: 'draft' }),
    );
    const result = await runInProcess(['export', ...URL_ARGS, '--out', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Incidents).incidents.map((i) => i.id)).toEqual([
      '2018-05-15-a-de',
      '2018-05-15-a-en',
      '2018-05-15-a-fr',
    ]);
    expect(result.stderr).toContain('skipped postmortems/2018-05-15-b.md (status draft)');
  });

  it('writes nothing when a service has no display name, and says where', async () => {
    const dir = await project(await variant({ names: false }));
    const result = await runInProcess(['export', ...URL_ARGS], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`postmortems/${EXAMPLE}\\.md:\\d+:\\d+ error Expected a display name for service "crm-web" in de`),
    );
    expect(result.stderr).toContain('Nothing written');
    expect(existsSync(join(dir, 'incidents.json'))).toBe(false);
    // The config's names serve where the file has none, in the components as in the text.
    const services = { 'crm-web': { en: 'CRM web app', de: 'CRM-Web-App' } };
    const other = { en: 'Reminders', de: 'Erinnerungen' };
    await writeConfig(dir, { services: { ...services, 'crm-workers': other, 'fragment-cache': other } });
    const named = await runInProcess(['export', ...URL_ARGS, '--lang', 'en', '--out', '-'], { cwd: dir });
    expect(named.code).toBe(0);
    const [incident] = (JSON.parse(named.stdout) as Incidents).incidents;
    expect(incident?.components.map((c) => c.name)).toEqual(['CRM web app', 'Reminders']);
    expect(incident?.incident_updates[0]?.body).toContain('Affected services: CRM web app and Reminders.');
  });

  it.each([
    [[], null, 'from 2:02 PM to 2:31 PM and from 3:48 PM to 4:34 PM (CEST)'],
    [['--timezone', 'UTC'], null, 'from 12:02 PM to 12:31 PM and from 1:48 PM to 2:34 PM (UTC)'],
    [[], 'America/New_York', 'from 8:02 AM to 8:31 AM and from 9:48 AM to 10:34 AM (EDT)'],
  ])('writes times in the notice zone (flags %j, config zone %s, no file zone for it)', async (flags, zone, times) => {
    const { id, text } = await variant({});
    // Without the file's zone, the config's comes next; with neither, the offset of `started`.
    const dir = await project({ id, text: zone ? text.replace(/^timezone: .*\n/m, '') : text });
    if (zone) await writeConfig(dir, { timezone: zone });
    const result = await runInProcess(['export', ...URL_ARGS, ...flags, '--lang', 'en', '--out', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    const [incident] = (JSON.parse(result.stdout) as Incidents).incidents;
    expect(incident?.incident_updates[0]?.body).toContain(times);
  });

  it.each([
    [[], null, 'Incidents'],
    [[], 'Relata', 'Relata status'],
    [['--title', 'Relata Status'], 'Relata', 'Relata Status'],
  ])('names the page by --title, else the config company (flags %j, company %s)', async (flags, company, name) => {
    const dir = await project(await variant({}));
    if (company) await writeConfig(dir, { company });
    const args = ['export', '--url', 'https://status.example.com', ...flags, '--lang', 'en', '--out', '-'];
    const result = await runInProcess(args, { cwd: dir });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Incidents).page.name).toBe(name);
  });

  it('never replaces an existing file without --force', async () => {
    const dir = await project(await variant({}));
    await writeFile(join(dir, 'incidents.json'), 'keep me\n');
    const refused = await runInProcess(['export', ...URL_ARGS], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('incidents.json already exists; use --force');
    expect(await readFile(join(dir, 'incidents.json'), 'utf8')).toBe('keep me\n');
    const forced = await runInProcess(['export', ...URL_ARGS, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(validateIncidents(JSON.parse(await readFile(join(dir, 'incidents.json'), 'utf8')))).toBe(true);
  });

  it.each([
    [['export'], /required option '-u, --url <url>'/],
    [['export', '--url', 'status.example.com'], /--url: expected the public address/],
    [['export', ...URL_ARGS, '--format', 'rss'], /argument 'rss' is invalid/],
    [['export', ...URL_ARGS, 'nowhere/'], /nowhere\/: no such file or folder/],
  ])('refuses %j with exit 2', async (args, message) => {
    const dir = await project(await variant({}));
    const result = await runInProcess(args, { cwd: dir });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
  });
});

describe('postmortem export --format atom', () => {
  it('writes a feed of published notices that a feed parser reads back, text escaped', async (context) => {
    const dir = await project(
      await variant({ id: '2018-05-15-published', status: 'published', headline: 'Sign-in & sync <down>' }),
      await variant({ id: '2018-05-16-final', status: 'final' }),
    );
    const result = await runInProcess(['export', '--format', 'atom', ...URL_ARGS], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('skipped postmortems/2018-05-16-final.md (status final)');
    const xml = await readFile(join(dir, 'incidents.atom'), 'utf8');
    // feedsmith reads a raw `&` too; expat refuses it, so the escaping is proven by the strict parser.
    if (hasPython) expect(await strictAtomTitles(xml)).toContain('Sign-in & sync <down>');
    else needTool(context, false, 'python3', 'apt-get install python3');
    const feed = parseAtomFeed(xml);
    expect(feed.title?.value).toBe('Relata Status');
    expect(feed.id).toBe('https://status.example.com');
    expect(feed.updated).toBe('2018-05-15T18:10:00+02:00');
    const entries = feed.entries ?? [];
    expect(entries.map((e) => [e.id, e.title?.value])).toEqual([
      ['https://status.example.com#2018-05-15-published-de', 'Störung der Relata-Web-App'],
      ['https://status.example.com#2018-05-15-published-en', 'Sign-in & sync <down>'],
      ['https://status.example.com#2018-05-15-published-fr', 'Perturbation de l’application web Relata'],
    ]);
    expect(entries[1]?.summary?.value).toContain('You do not need to do anything.');
    expect(entries[1]?.published).toBe('2018-05-15T14:02:00+02:00');
    expect(entries[1]?.updated).toBe('2018-05-15T18:10:00+02:00');
    expect(xml).toContain('<entry xml:lang="en">');
    for (const id of SERVICE_IDS) expect(xml).not.toContain(id);
  });
});
