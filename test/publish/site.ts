import { execFile } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../helpers/cli.js';

const exec = promisify(execFile);

/** Runs git in a folder and returns stdout (trimmed). */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await exec('git', args, { cwd })).stdout.trim();
}

/** Files that make a folder a site of each flavour. */
export const SITE_FILES: Record<string, Record<string, string>> = {
  jekyll: { '_config.yml': 'title: Relata blog\n', 'index.md': '# Blog\n' },
  hugo: {
    'hugo.toml': 'baseURL = "https://status.example.org/"\ntitle = "Relata"\n',
    'content/_index.md': '---\ntitle: Home\n---\n',
  },
  cstate: {
    'config.yml':
      'baseURL: https://status.example.org\n' +
      'theme: cstate\n' +
      'params:\n' +
      '  systems:\n' +
      '    - name: crm-web\n' +
      '      description: Web app\n' +
      '    - name: crm-workers\n' +
      '    - name: fragment-cache\n' +
      '    - name: api\n',
    'content/issues/.gitkeep': '',
  },
};

/** A temporary git repository (branch main, local identity, one commit) holding `files`. */
export async function makeSite(files: Record<string, string>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const site = await tempDir('postmortem-site-');
  await git(site.dir, 'init', '-q', '-b', 'main');
  // The identity as `git config` would write it, without three more git processes per site.
  await appendFile(
    join(site.dir, '.git', 'config'),
    '[user]\n\tname = Site Owner\n\temail = owner@example.org\n[commit]\n\tgpgsign = false\n',
  );
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(site.dir, path)), { recursive: true });
    await writeFile(join(site.dir, path), text);
  }
  await git(site.dir, 'add', '-A');
  await git(site.dir, 'commit', '-q', '-m', 'Site');
  return site;
}

/** Everything publish must leave alone: the checked-out branch, HEAD, the index and the work tree's files. */
export async function siteState(dir: string): Promise<Record<string, string>> {
  return {
    branch: await git(dir, 'symbolic-ref', '--quiet', '--short', 'HEAD').catch(() => '(detached)'),
    head: await git(dir, 'rev-parse', 'HEAD'),
    index: await git(dir, 'ls-files', '--stage'),
    status: await git(dir, 'status', '--porcelain', '--untracked-files=all', '--ignored'),
    files: await git(dir, 'ls-files', '--cached', '--others', '-z').then(async (list) => {
      const { readFile } = await import('node:fs/promises');
      const names = list.split('\0').filter(Boolean).sort();
      const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8').catch(() => '(none)')));
      return names.map((n, i) => `${n}\n${texts[i]}`).join('\n---\n');
    }),
  };
}

/** The example postmortem with `replace` applied, written into `dir` under its own id's name. */
export async function examplePostmortem(
  dir: string,
  example: string,
  replace: (text: string) => string = (t) => t,
): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { ROOT } = await import('../helpers/cli.js');
  const text = replace(await readFile(join(ROOT, 'examples', example), 'utf8'));
  const id = /^id: (.+)$/m.exec(text)?.[1] ?? 'x';
  const file = join(dir, `${id}.md`);
  await writeFile(file, text);
  return file;
}

/** Notice text that would run as site code, HTML or a live link if published as it is. */
export const HOSTILE = {
  first: 'A [status link](https://evil.example/phish) went out first.',
  hugo: '{{% param "secret" %}} {{< param "secret" >}} {{% nosuchshortcode %}}',
  liquid: '{% include secret.html %} {{ site.secret }} {% raw %}',
  html: '<script>alert(1)</script> <b>bold</b> <img src=x onerror=alert(2)>',
};

/** The example postmortem with hostile text in the English and German "what happened". */
export function hostilePostmortem(dir: string): Promise<string> {
  const text = `${HOSTILE.first} ${HOSTILE.hugo} ${HOSTILE.liquid} ${HOSTILE.html}`;
  return examplePostmortem(dir, '2018-05-15-crm-release-rollback-failed.md', (t) =>
    t.replace(/^( {4}(?:en|de): )"(?:A software update|Ein Software-Update).*"$/gm, (_m, key: string) => {
      return `${key}${JSON.stringify(text)}`;
    }),
  );
}

/** The text a browser shows for some HTML: character references decoded, typographic quotes plain. */
export function shownText(html: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    ldquo: '"',
    rdquo: '"',
    lsquo: "'",
    rsquo: "'",
    hellip: '...',
    ndash: '-',
    nbsp: ' ',
  };
  return html
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, ref: string) => {
      if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
      return named[ref] ?? m;
    })
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'");
}
