import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { memoryTmpdir, ROOT, tempDir } from '../helpers/cli.js';

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

/** Site repositories made once in this worker, by their files: each test gets a copy. */
const templates = new Map<string, Promise<string>>();
let templateRoot: string | undefined;

/** A git repository (branch main, local identity, one commit) holding `files`, made with three git processes. */
async function template(files: Record<string, string>): Promise<string> {
  templateRoot ??= templateFolder();
  const root = templateRoot;
  const dir = join(root, String(templates.size));
  await mkdir(dir);
  // No template: the sample hooks and the rest of git's template folder are files each copy would
  // write and delete again, and no hook runs in a sample's name.
  await git(dir, 'init', '-q', '-b', 'main', '--template=');
  // The identity as `git config` would write it, without three more git processes per site; no
  // automatic maintenance after each commit (a process per commit, which no test is about).
  await appendFile(
    join(dir, '.git', 'config'),
    '[user]\n\tname = Site Owner\n\temail = owner@example.org\n[commit]\n\tgpgsign = false\n' +
      '[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n',
  );
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'Site');
  return dir;
}

process.once('exit', () => {
  if (templateRoot) rmSync(templateRoot, { recursive: true, force: true });
});

/**
 * The folder for this worker's templates, named by its process id. Vitest ends its workers without
 * the 'exit' event, so the hook above does not always run: the folders of workers that are gone
 * are removed here, which keeps them from piling up in RAM.
 */
function templateFolder(): string {
  const parent = memoryTmpdir();
  for (const name of readdirSync(parent)) {
    const pid = Number(/^postmortem-site-templates-(\d+)-/.exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
  return mkdtempSync(join(parent, `postmortem-site-templates-${process.pid}-`));
}

/** True while a process with this id runs (EPERM: one of another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A temporary git repository (branch main, local identity, one commit) holding `files`: a copy of
 * a repository made once per worker for these files, so a test starts no git process for it. Both
 * are in RAM where there is room (memoryTmpdir): every publish writes a dozen objects and refs,
 * which on the disk's ext4 with `discard` cost the kernel more to create and remove.
 */
export async function makeSite(files: Record<string, string>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const key = JSON.stringify(Object.entries(files).sort());
  let made = templates.get(key);
  if (!made) {
    made = template(files);
    templates.set(key, made);
  }
  const site = await tempDir('postmortem-site-', { memory: true });
  await cp(await made, site.dir, { recursive: true });
  return site;
}

/**
 * Runs `fn` with `env` added to this process's environment, then restores it: git, run by a
 * publish in-process, starts from it, as it would from the binary's.
 */
export async function withProcessEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Every file and link under `dir` but `.git`, relative and `/`-separated, with its text or its link's target. */
async function workTreeFiles(dir: string, under = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, under), { withFileTypes: true })) {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (path === '.git') continue;
    if (entry.isDirectory()) out.push(...(await workTreeFiles(dir, path)));
    else if (entry.isSymbolicLink()) out.push(`${path} -> ${await readlink(join(dir, path))}`);
    else out.push(`${path}\n${await readFile(join(dir, path), 'utf8')}`);
  }
  return out;
}

/**
 * Everything publish must leave alone: the checked-out branch, HEAD, the index and the work tree's
 * files, from one git process: `status --porcelain=v2 --branch` names the branch and HEAD (and,
 * with GIT_OPTIONAL_LOCKS=0, never rewrites the index), the index is compared byte for byte, and
 * the files are read from the work tree (ignored and untracked ones too).
 */
export async function siteState(dir: string): Promise<Record<string, string>> {
  const index = await readFile(join(dir, '.git', 'index')).catch(() => null);
  const { stdout: status } = await exec(
    'git',
    ['status', '--porcelain=v2', '--branch', '--untracked-files=all', '--ignored'],
    {
      cwd: dir,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    },
  );
  const header = (key: string) =>
    /^# branch\.(\S+) (.*)$/.exec(status.split('\n').find((l) => l.startsWith(`# branch.${key} `)) ?? '')?.[2];
  return {
    branch: header('head') ?? '',
    head: header('oid') ?? '',
    index: index === null ? '(none)' : createHash('sha256').update(index).digest('hex'),
    status: status,
    files: (await workTreeFiles(dir)).sort().join('\n---\n'),
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

/** The languages an example's notice declares (`languages: [en, de, fr]`), in their order. */
export function exampleLanguages(example: string): string[] {
  const text = readFileSync(join(ROOT, 'examples', example), 'utf8');
  const list = /^ {2}languages: \[(.*)\]$/m.exec(text)?.[1];
  if (list === undefined) throw new Error(`${example} declares no notice languages`);
  return list.split(',').map((l) => l.trim());
}

/** Jekyll's post paths for `id` in `langs`, as `git diff --name-only` lists them: the site language in _posts/. */
export function jekyllPosts(id: string, langs: readonly string[], siteLang = 'en'): string[] {
  return langs.map((l) => (l === siteLang ? `_posts/${id}.md` : `${l}/_posts/${id}.md`)).sort();
}

/** Notice text that would run as site code, HTML or a live link if published as it is. */
export const HOSTILE = {
  first: 'A [status link](https://evil.example/phish) went out first.',
  hugo: '{{% param "secret" %}} {{< param "secret" >}} {{% nosuchshortcode %}}',
  liquid: '{% include secret.html %} {{ site.secret }} {% raw %}',
  html: '<script>alert(1)</script> <b>bold</b> <img src=x onerror=alert(2)>',
};

/**
 * HOSTILE as one "what happened" text. Sentences end only before a capital letter, a digit or a
 * quote, so its first sentence, a post's summary, is all of it: every payload lands in the summary too.
 */
export const HOSTILE_TEXT = `${HOSTILE.first} ${HOSTILE.hugo} ${HOSTILE.liquid} ${HOSTILE.html}`;

/** The example postmortem with hostile text in the English and German "what happened" (and `also` applied). */
export function hostilePostmortem(dir: string, also: (text: string) => string = (t) => t): Promise<string> {
  const text = HOSTILE_TEXT;
  return examplePostmortem(dir, '2018-05-15-crm-release-rollback-failed.md', (t) =>
    also(t).replace(/^( {4}(?:en|de): )"(?:A software update|Ein Software-Update).*"$/gm, (_m, key: string) => {
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

/**
 * Kramdown syntax (Jekyll's Markdown) in notice text, one paragraph each: attributes on the element
 * before (IAL) or from a definition (ALD), extensions (raw HTML, a hidden comment, options), math,
 * a definition list and an end-of-block marker. `pwned(n)` is what a page would run if one worked.
 */
export const KRAMDOWN = {
  whatHappened: [
    'A software update caused an error. $$1$${: tabindex="1" autofocus="" onfocus="pwned(1)"}',
    '{: tabindex="2" autofocus="" onfocus="pwned(2)"}',
    'After the block attributes.',
    '{:evil: tabindex="3" autofocus="" onfocus="pwned(3)"}',
    '{: evil}',
    'After the attribute definition.',
  ],
  customerImpact: [
    '{::nomarkdown}<img src=x onerror=pwned(4) >{:/}',
    '{::comment}KRAMDOWN-COMMENT-HIDDEN{:/}',
    '{::options parse_block_html="true" /}',
  ],
  nextSteps: ['It took $$x^2$$ minutes.', '$$y = 1$$'],
  // After the apology the notice needs ("We are sorry." / "Es tut uns leid."), which becomes the term.
  apology: [': a definition line', '^'],
  service: 'the web app $$5$${: tabindex="5" autofocus="" onfocus="pwned(5)"}',
};

/** The example postmortem with KRAMDOWN in every notice text field and a service name, in each of its languages (and `also` applied). */
export function kramdownPostmortem(dir: string, also: (text: string) => string = (t) => t): Promise<string> {
  const fields: Record<string, string[]> = {
    what_happened: KRAMDOWN.whatHappened,
    customer_impact: KRAMDOWN.customerImpact,
    next_steps: KRAMDOWN.nextSteps,
    apology: KRAMDOWN.apology,
  };
  return examplePostmortem(dir, '2018-05-15-crm-release-rollback-failed.md', (t) => {
    let text = also(t);
    for (const [field, paragraphs] of Object.entries(fields)) {
      const value = (first: string[]) => JSON.stringify([...first, ...paragraphs].join('\n\n'));
      const apology: Record<string, string> = {
        en: 'We are sorry.',
        de: 'Es tut uns leid.',
        fr: 'Nous vous prions de nous excuser.',
      };
      // Replaced by functions: a replacement string would read the payloads' `$$` as `$`.
      const fieldPattern = new RegExp(`^(  ${field}:\\n)((?: {4}\\w+: .*\\n)+)`, 'm');
      text = text.replace(fieldPattern, (_m, head: string, lines: string) => {
        const langs = [...lines.matchAll(/^ {4}(\w+): /gm)].map((m) => m[1] as string);
        const first = (lang: string) => (field === 'apology' ? [apology[lang] ?? 'We are sorry.'] : []);
        return head + langs.map((lang) => `    ${lang}: ${value(first(lang))}\n`).join('');
      });
    }
    const name = JSON.stringify(KRAMDOWN.service);
    return text.replace(/^( {4}crm-web: )\{(.*)\}$/m, (_m, key: string, names: string) => {
      const langs = [...names.matchAll(/(\w+): /g)].map((m) => m[1] as string);
      return `${key}{ ${langs.map((lang) => `${lang}: ${name}`).join(', ')} }`;
    });
  });
}
