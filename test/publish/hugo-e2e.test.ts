import { execFile, execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.js';
import { makeSite } from './site.js';

const exec = promisify(execFile);

function hasHugo(): boolean {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const HUGO = hasHugo();
// In CI a missing hugo must fail the run, not hide the test.
const IN_CI = Boolean(process.env.CI);

const LAYOUT =
  '<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n';
const INDEX =
  '<!doctype html><html><body><h1>{{ .Site.Title }}</h1><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n';
const LIST =
  '<!doctype html><html><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n';

describe('publish into a real Hugo site', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await Promise.all(cleanups.map((c) => c()));
  });

  it.runIf(HUGO || IN_CI)('builds the site and the page carries the headline', async () => {
    expect(HUGO, 'hugo is not installed (Debian: apt-get install hugo); CI must run this test').toBe(true);
    const site = await makeSite({
      'hugo.toml':
        'baseURL = "https://status.example.org/"\ntitle = "Relata status"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n',
      'layouts/_default/single.html': LAYOUT,
      'layouts/_default/list.html': LIST,
      'layouts/index.html': INDEX,
    });
    cleanups.push(site.cleanup);
    const example = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
    const published = await runCli(['publish', example, '--site', site.dir, '--timezone', 'Europe/Berlin']);
    expect(published.stderr).toContain('(hugo)');
    expect(published.code).toBe(0);
    await exec('hugo', ['--quiet', '--destination', 'public'], { cwd: site.dir });
    const html = await readFile(join(site.dir, 'public', 'posts', 'crm-release-rollback-failed', 'index.html'), 'utf8');
    expect(html).toContain('<h1>Disruption of the Relata web app</h1>');
    expect(html).toContain('What happened');
    const index = await readFile(join(site.dir, 'public', 'index.html'), 'utf8');
    expect(index).toContain('Disruption of the Relata web app');
  });
});
