import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { hasPython, strictXml } from '../helpers/strict-xml.js';
import { compileSchema } from '../ecosystem/ajv.js';

// Every moment an export writes is RFC 3339 with seconds, also when the front matter leaves the
// seconds out (`2018-05-15T14:02+02:00`, which the format allows): Atom (RFC 4287 3.3) and the
// Statuspage API's readers require them.

const EXAMPLE = '2018-05-15-crm-release-rollback-failed';
const URL_ARGS = ['--url', 'https://status.example.com', '--title', 'Relata Status'];
// RFC 3339 5.6 date-time, with the upper-case T and Z that RFC 4287 asks for.
const RFC3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

let validateIncidents: ValidateFunction;
beforeAll(async () => {
  validateIncidents = await compileSchema('test/export/statuspage-v2-incidents.schema.json');
});

/** The example, published, with every front-matter moment written without seconds. */
async function projectWithoutSeconds(): Promise<string> {
  const text = (await readFile(join(ROOT, 'examples', `${EXAMPLE}.md`), 'utf8'))
    .replace(/^status: final$/m, 'status: published')
    .replace(/"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):00([+-]\d{2}:\d{2}|Z)"/g, '"$1$2"');
  expect(text).toContain('started: "2018-05-15T14:02+02:00"');
  expect(text).toContain('resolved: "2018-05-15T18:10+02:00"');
  const { dir, cleanup } = await tempDir('postmortem-export-rfc3339-');
  cleanups.push(cleanup);
  await mkdir(join(dir, 'postmortems'));
  await writeFile(join(dir, 'postmortems', `${EXAMPLE}.md`), text);
  return dir;
}

/** Values of every key ending in `_at` (and `updated_at` of the page), anywhere in a document. */
function moments(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) moments(v, found);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('_at') && v !== null) found.push(String(v));
      else moments(v, found);
    }
  return found;
}

// Python's expat: a strict, non-validating XML parser (no recovery from errors, unlike browsers
// and most feed readers). It prints the text of every Atom date element.
const EXPAT = [
  'import sys, json, xml.dom.minidom as m',
  'd = m.parse(sys.stdin.buffer)',
  'ns = "http://www.w3.org/2005/Atom"',
  'out = [(n, "".join(t.data for t in e.childNodes)) for n in ("published", "updated") for e in d.getElementsByTagNameNS(ns, n)]',
  'print(json.dumps(out))',
].join('\n');

function strictXmlDates(xml: string): Promise<Array<[string, string]>> {
  return strictXml<Array<[string, string]>>(EXPAT, xml);
}

describe('export writes RFC 3339 moments with seconds', () => {
  it('statuspage: incidents.json matches the schema, every *_at is RFC 3339 with seconds', async () => {
    const dir = await projectWithoutSeconds();
    const result = await runInProcess(['export', ...URL_ARGS, '--out', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { incidents: Array<Record<string, unknown>> };
    expect(validateIncidents(doc), JSON.stringify(validateIncidents.errors)).toBe(true);
    const found = moments(doc);
    expect(found.length).toBeGreaterThan(10);
    for (const m of found) expect(m).toMatch(RFC3339);
    expect(doc.incidents[0]).toMatchObject({
      created_at: '2018-05-15T14:02:00+02:00',
      started_at: '2018-05-15T14:02:00+02:00',
      monitoring_at: '2018-05-15T16:34:00+02:00',
      resolved_at: '2018-05-15T18:10:00+02:00',
    });
  });

  it.skipIf(!hasPython)(
    'atom: a strict XML parser reads the feed, every date element is RFC 3339 with seconds',
    async () => {
      const dir = await projectWithoutSeconds();
      const result = await runInProcess(['export', '--format', 'atom', ...URL_ARGS, '--out', '-'], { cwd: dir });
      expect(result.code).toBe(0);
      const dates = await strictXmlDates(result.stdout);
      // The feed's updated, and published and updated of each of the three entries (en, de, fr).
      expect(dates).toHaveLength(7);
      for (const [, text] of dates) expect(text).toMatch(RFC3339);
      expect(dates.filter(([name]) => name === 'published').map(([, t]) => t)).toEqual([
        '2018-05-15T14:02:00+02:00',
        '2018-05-15T14:02:00+02:00',
        '2018-05-15T14:02:00+02:00',
      ]);
      expect(dates.filter(([name]) => name === 'updated').map(([, t]) => t)).toEqual(
        Array(4).fill('2018-05-15T18:10:00+02:00'),
      );
    },
  );

  it.skipIf(!hasPython)('the strict parser refuses what is not well-formed', async () => {
    await expect(strictXmlDates('<feed xmlns="http://www.w3.org/2005/Atom"></feed><x/>')).rejects.toThrow(
      /not well-formed/,
    );
  });
});
