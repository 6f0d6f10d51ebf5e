import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli.js';
import { runCompositeAction, type ActionRun } from './composite.js';
import { cleanEnv, exec, type ExecResult } from './exec.js';
import { projectWithPackage } from './installed.js';
import type { PackResult } from './pack.js';
import { BAD, makePostmortemRepo } from './repo.js';
import { readSarif, resultUris } from './sarif.js';

/** A workflow step, as far as the README's workflow uses them. */
interface WorkflowStep {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

// The package as users get it: `npm pack`, installed into a fresh project, run from there. The
// pack and the install are shared with the other tests that need them (installed.ts): once per build.

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** What the tarball may hold; everything else (src, tests, fixtures, examples, configs) stays out. */
const ALLOWED = [
  /^package\.json$/,
  /^action\.yml$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^bin\/postmortem\.js$/,
  /^bin\/package\.json$/,
  /^dist\/(?:[a-z-]+\/)*[a-z-]+\.js$/,
  /^docs\/[a-z-]+\.md$/,
  /^templates\/(?:[a-z-]+\/)*[a-z-]+\.(?:md|txt)\.hbs$/,
  /^schema\/[a-z-]+(?:\.[a-z]+)?\.schema\.json$/,
];

let work: { dir: string; cleanup: () => Promise<void> };
let packed: PackResult;
let project: string;
let installSeconds: number;
let install: ExecResult;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Runs the installed `postmortem` through the bin link npm made, as a user's script would. */
function postmortem(...args: string[]) {
  return exec(join(project, 'node_modules', '.bin', 'postmortem'), args, { cwd: project, env: cleanEnv() });
}

beforeAll(async () => {
  work = await tempDir('postmortem-pack-', { memory: true });
  ({ packed, project, install, installSeconds } = await projectWithPackage(join(work.dir, 'my-postmortems')));
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);
}, 600_000);

afterAll(async () => {
  await work?.cleanup();
});

describe('the npm package', () => {
  it('installs from the tarball as the README says, without a warning', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`npm install --save-dev ./vendor/${packed.filename}`);
    expect(readme).toContain(`writes ${packed.filename}`);
    // npm 11 warns about every install script of a dependency; the packed manifest has none.
    expect(install.stderr).toBe('');
    expect(install.stdout).not.toMatch(/warn|prepare|dist\//i);
    const manifest = JSON.parse(
      await readFile(join(project, 'node_modules', 'postmortem-cli', 'package.json'), 'utf8'),
    ) as { scripts: Record<string, string>; devDependencies?: unknown };
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    const own = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(own.devDependencies['postmortem-cli']).toBe(`file:vendor/${packed.filename}`);
  });

  it('holds only the allowed paths, and everything the tool needs', async () => {
    const paths = packed.files.map((f) => f.path).sort();
    expect(paths.filter((p) => !ALLOWED.some((re) => re.test(p)))).toEqual([]);
    expect(paths.filter((p) => /(^|\/)(src|test|fixtures|examples|__snapshots__)\/|\.ts$/.test(p))).toEqual([]);
    // Every source module is built and shipped, and nothing stale from a deleted module rides along.
    const sources = (await filesUnder(join(ROOT, 'src'))).filter((p) => p.endsWith('.ts'));
    const dist = paths.filter((p) => p.startsWith('dist/')).map((p) => p.slice('dist/'.length));
    expect(dist).toEqual(sources.map((p) => p.replace(/\.ts$/, '.js')).sort());
    const templates = (await filesUnder(join(ROOT, 'templates'))).map((p) => `templates/${p}`);
    expect(paths.filter((p) => p.startsWith('templates/'))).toEqual(templates);
    const schemas = (await filesUnder(join(ROOT, 'schema'))).map((p) => `schema/${p}`);
    expect(schemas).toContain('schema/answers.schema.json');
    expect(paths.filter((p) => p.startsWith('schema/'))).toEqual(schemas);
    for (const required of ['package.json', 'README.md', 'bin/postmortem.js', 'bin/package.json'])
      expect(paths).toContain(required);
    // Reported in the test log so the size is seen when it grows.
    console.info(
      `package: ${packed.filename}, ${(packed.size / 1024).toFixed(1)} KiB packed, ` +
        `${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${packed.files.length} files; ` +
        `npm install took ${installSeconds.toFixed(1)} s`,
    );
    expect(packed.size).toBeLessThan(400 * 1024);
  });

  it('imports nothing at run time but Node built-ins and its dependencies', async () => {
    const installed = join(project, 'node_modules', 'postmortem-cli');
    const js = (await filesUnder(installed)).filter((p) => p.endsWith('.js'));
    expect(js.length).toBeGreaterThan(20);
    const bare = new Set<string>();
    for (const file of js) {
      const text = await readFile(join(installed, file), 'utf8');
      const specifiers = [
        ...text.matchAll(/^\s*(?:import|export)\s[^;'"`]*?from\s*['"]([^'"]+)['"]/gms),
        ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
        ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
      ].map((m) => m[1] as string);
      for (const spec of specifiers) {
        if (spec.startsWith('.') || isBuiltin(spec)) continue;
        bare.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
      }
    }
    expect([...bare].filter((name) => !(name in pkg.dependencies))).toEqual([]);
    expect(bare.has('commander')).toBe(true);
  });

  it('installs without any devDependency the runtime dependencies do not need themselves', async () => {
    const lock = JSON.parse(await readFile(join(project, 'node_modules', '.package-lock.json'), 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string>; dev?: boolean }>;
    };
    const needed = new Set(Object.values(lock.packages).flatMap((p) => Object.keys(p.dependencies ?? {})));
    const present = Object.keys(pkg.devDependencies).filter((name) =>
      existsSync(join(project, 'node_modules', ...name.split('/'))),
    );
    expect(present.filter((name) => !needed.has(name))).toEqual([]);
    for (const tool of ['typescript', 'vitest', 'eslint', 'oxfmt']) {
      expect(existsSync(join(project, 'node_modules', tool))).toBe(false);
    }
    // Nothing above the project could lend a module to the installed tool.
    for (let dir = dirname(project); dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), join(dir, 'node_modules')).toBe(false);
    }
  });

  it('runs --version, new --answers, lint, render, notice, publish and export from the installed package', async () => {
    const version = await postmortem('--version');
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });

    const answers = await readFile(join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml'), 'utf8');
    await writeFile(join(project, 'answers.yaml'), `${answers}\nstatus: final\n`);
    // A notice names services as customers know them and is signed: the project's config says how,
    // unless the file does (the answers name the services, so the file's names win over these).
    const notice = {
      company: 'Relata',
      signature: { en: 'Your Relata team', de: 'Ihr Relata-Team' },
      services: {
        'crm-web': { en: 'CRM web app', de: 'CRM-Web-App' },
        'crm-workers': { en: 'Reminders', de: 'Erinnerungen' },
      },
    };
    await writeFile(join(project, '.postmortemrc.json'), `${JSON.stringify({ notice }, null, 2)}\n`);
    const created = await postmortem('new', '--answers', 'answers.yaml');
    expect(created.stderr + created.stdout).toMatch(/Wrote postmortems\/2018-05-15-[a-z0-9-]+\.md/);
    expect(created.code).toBe(0);
    const [name] = await readdir(join(project, 'postmortems'));
    const file = `postmortems/${name}`;

    const lint = await postmortem('lint', '--format', 'json');
    expect(lint.code).toBe(0);
    const report = JSON.parse(lint.stdout) as Array<{ filePath: string; errorCount: number }>;
    expect(report.map((r) => [relative(project, r.filePath), r.errorCount])).toEqual([[file, 0]]);

    const rendered = await postmortem('render', file);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toMatch(/^# Relata CRM web app unusable after a release and a failed rollback\n/);
    expect(rendered.stdout).toContain('## Timeline');

    const email = await postmortem('notice', file, '--channel', 'email', '--timezone', 'Europe/Berlin');
    expect(email.stderr).toBe('');
    expect(email.code).toBe(0);
    expect(email.stdout).toContain('May 15, 2018');
    expect(email.stdout).toContain('Relata web app and scheduled reminder e-mails');
    expect(email.stdout).not.toContain('CRM web app');
    expect(email.stdout).toContain('Your Relata team');

    const site = join(work.dir, 'blog');
    await mkdir(site);
    const git = (...args: string[]) => exec('git', args, { cwd: site, env: cleanEnv() });
    await git('init', '-q', '-b', 'main');
    await git('config', 'user.name', 'Site Owner');
    await git('config', 'user.email', 'owner@example.com');
    await copyFile(join(ROOT, 'README.md'), join(site, 'README.md'));
    await git('add', '-A');
    await git('commit', '-q', '-m', 'init');
    const published = await postmortem('publish', file, '--site', site, '--flavor', 'jekyll');
    const branch = `postmortem/${name!.replace(/\.md$/, '')}`;
    expect(published.stderr).toContain(`Committed 2 jekyll post(s) to branch ${branch}`);
    expect(published.code).toBe(0);
    // The posts are on their own branch (one per language); the checked-out site is untouched.
    const posts = await git('ls-tree', '-r', '--name-only', branch, '--', '_posts', 'de/_posts');
    expect(posts.stdout.trim().split('\n')).toEqual([`_posts/${name}`, `de/_posts/${name}`]);
    expect((await git('rev-parse', '--abbrev-ref', 'HEAD')).stdout).toBe('main\n');
    expect((await git('status', '--porcelain')).stdout).toBe('');
    expect(existsSync(join(site, '_posts'))).toBe(false);

    const exported = await postmortem('export', '--url', 'https://status.example.com', '--out', '-');
    expect(exported.code).toBe(0);
    const incidents = JSON.parse(exported.stdout) as {
      page: { name: string };
      incidents: Array<{ impact: string; components: Array<{ name: string }> }>;
    };
    expect(incidents.page.name).toBe('Relata status');
    expect(incidents.incidents.map((i) => [i.impact, i.components.map((c) => c.name)])).toEqual([
      ['major', ['Relata-Web-App', 'geplante Erinnerungsmails']],
      ['major', ['Relata web app', 'scheduled reminder e-mails']],
    ]);
  }, 600_000);

  it('runs the README workflow as written: npm ci, the action from node_modules, the SARIF upload', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n(# \.github\/workflows\/postmortems\.yml\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const workflow = parseYaml(block as string) as { jobs: Record<string, { steps: WorkflowStep[] }> };
    const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
    // A user's repository: the package.json, lockfile and vendor/ of the install above, a good and
    // a bad postmortem.
    const workspace = join(work.dir, 'workflow');
    await makePostmortemRepo(workspace);
    for (const file of ['package.json', 'package-lock.json'])
      await copyFile(join(project, file), join(workspace, file));
    await cp(join(project, 'vendor'), join(workspace, 'vendor'), { recursive: true });
    const runnerTemp = join(work.dir, 'workflow-temp');
    await mkdir(runnerTemp);
    const env = { npm_config_offline: 'true' };
    const outputs: Record<string, Record<string, string>> = {};
    const evaluate = (text: string) =>
      text.replace(/\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g, (_m, id: string, name: string) => {
        expect(outputs[id]?.[name], `steps.${id}.outputs.${name}`).toBeDefined();
        return outputs[id]?.[name] as string;
      });
    const ran: string[] = [];
    let failed: ActionRun | null = null;
    let uploaded: string | null = null;
    for (const step of steps) {
      // After a failed step only steps that ask to run anyway do (`if: !cancelled()`, `always()`).
      if (failed && !/!cancelled\(\)|always\(\)/.test(step.if ?? '')) continue;
      const uses = step.uses ?? '';
      if (step.run !== undefined) {
        const result = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
          cwd: workspace,
          env: cleanEnv(env),
          timeout: 600_000, // npm ci: two minutes on a loaded machine
        });
        expect(result.stderr).not.toMatch(/ERR!/);
        expect(result.code).toBe(0);
        ran.push(`run: ${step.run}`);
      } else if (uses.startsWith('./')) {
        const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v))]));
        const run = await runCompositeAction(join(workspace, uses), { workspace, temp: runnerTemp, inputs, env });
        if (step.id) outputs[step.id] = run.outputs;
        if (run.code !== 0) failed = run;
        ran.push(`uses: ${uses}`);
      } else if (/^actions\/checkout@/.test(uses)) {
        ran.push('checkout'); // the workspace is the checkout
      } else if (/^actions\/setup-node@/.test(uses)) {
        expect(Number(step.with?.['node-version'])).toBeGreaterThanOrEqual(20);
        ran.push('setup-node');
      } else if (/^github\/codeql-action\/upload-sarif@/.test(uses)) {
        uploaded = evaluate(String(step.with?.sarif_file));
        ran.push('upload-sarif');
      } else {
        throw new Error(`the README's workflow has a step this test does not know: ${JSON.stringify(step)}`);
      }
    }
    expect(ran).toEqual([
      'checkout',
      'setup-node',
      'run: npm ci',
      'uses: ./node_modules/postmortem-cli',
      'upload-sarif',
    ]);
    // The bad postmortem fails the lint step with an annotation; the upload still gets the SARIF.
    const lint = failed?.steps.at(-1);
    expect(lint?.code).toBe(1);
    expect(lint?.stdout).toMatch(new RegExp(`^::error file=postmortems/${BAD}\\.md,line=5,`, 'm'));
    expect(uploaded).toBe('postmortem.sarif');
    const log = await readSarif(join(workspace, uploaded as string));
    expect(new Set(resultUris(log))).toEqual(new Set([`postmortems/${BAD}.md`]));
  }, 600_000);
});
