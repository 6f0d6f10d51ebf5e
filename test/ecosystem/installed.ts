import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { memoryTmpdir, ROOT } from '../helpers/cli.js';
import { cleanEnv, exec, type ExecResult } from './exec.js';
import { packPackage, type PackResult } from './pack.js';

/** The package packed and installed into a project as the README says, shared by the tests that need it. */
export interface InstalledPackage {
  /** What `npm pack --json` reported. */
  packed: PackResult;
  /** The tarball. */
  tarball: string;
  /** The project it is installed in: package.json, package-lock.json, vendor/ and node_modules/. */
  project: string;
  /** What `npm install --save-dev ./vendor/<tarball>` printed. */
  install: ExecResult;
  installSeconds: number;
}

const PREFIX = 'postmortem-test-package-';
/** Entries of other builds are removed once unused this long (another run may still use a recent one). */
const STALE_MS = 2 * 60 * 60 * 1000;

/**
 * The files that make the package (what git would check out, and dist/), with Node's version: the
 * key of a cache entry. A change to any of them packs and installs again.
 */
async function buildKey(): Promise<string> {
  const hash = createHash('sha256').update(`${process.version}\0`);
  const listed = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  if (listed.code !== 0) throw new Error(`git ls-files: ${listed.stderr}`);
  const dist = (await readdir(join(ROOT, 'dist'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
  for (const file of [...listed.stdout.split('\0').filter(Boolean), ...dist].sort()) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree, not yet committed
    hash
      .update(`${file}\0`)
      .update(await readFile(join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Packs this repository and installs the tarball into a fresh project under `dir`, as a user would. */
async function packAndInstall(dir: string): Promise<InstalledPackage> {
  const packed = await packPackage(dir);
  await rm(join(dir, 'postmortem-cli'), { recursive: true, force: true }); // the copy npm pack ran in
  const project = join(dir, 'project');
  await mkdir(join(project, 'vendor'), { recursive: true });
  await writeFile(join(project, 'package.json'), '{ "name": "my-postmortems", "private": true }\n');
  // As the README says: the tarball in vendor/, installed as a devDependency.
  await copyFile(join(dir, packed.filename), join(project, 'vendor', packed.filename));
  const started = performance.now();
  const install = await exec(
    'npm',
    ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', `./vendor/${packed.filename}`],
    { cwd: project, env: cleanEnv(), timeout: 600_000 },
  );
  const installSeconds = (performance.now() - started) / 1000;
  return { packed, tarball: join(dir, packed.filename), project, install, installSeconds };
}

/**
 * Removes the entries of other builds nobody has used for a while; an entry in use is touched on each
 * use. Both temporary folders are swept: entries were in the system's before they moved to memory.
 */
async function removeStale(keep: string): Promise<void> {
  for (const root of new Set([memoryTmpdir(), tmpdir()])) {
    for (const name of await readdir(root)) {
      if (!name.startsWith(PREFIX)) continue;
      const path = join(root, name);
      if (path === keep) continue;
      const used = await stat(path).catch(() => null);
      if (used && Date.now() - used.mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
    }
  }
}

let shared: Promise<InstalledPackage> | undefined;

/**
 * The package as users get it, packed and installed once for the build's content and shared by
 * every test file of a run (and later runs of the same build): on a machine that has never run the
 * suite, the install fetches the registry's metadata of every runtime dependency, which took
 * minutes where three test files each installed their own copy. Test files run in parallel
 * workers, so the first to come builds the entry under a lock (a directory) and the others wait for it.
 * The entry is read-only for tests: `projectWithPackage` gives each its own project.
 */
export function installedPackage(): Promise<InstalledPackage> {
  shared ??= (async () => {
    // In memory where the machine has it: the install writes about 3,000 files (memoryTmpdir).
    const dir = join(memoryTmpdir(), `${PREFIX}${await buildKey()}`);
    const done = join(dir, 'installed.json');
    const lock = `${dir}.lock`;
    while (!existsSync(done)) {
      const locked = await mkdir(lock).then(
        () => true,
        () => false,
      );
      if (!locked) {
        const held = await stat(lock).catch(() => null);
        if (held && Date.now() - held.mtimeMs > 15 * 60_000) await rm(lock, { recursive: true, force: true });
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      try {
        if (existsSync(done)) break;
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir);
        const result = await packAndInstall(dir);
        if (result.install.code !== 0) throw new Error(`npm install of the tarball failed:\n${result.install.stderr}`);
        await writeFile(done, JSON.stringify(result));
        await removeStale(dir);
      } finally {
        await rm(lock, { recursive: true, force: true });
      }
    }
    const now = new Date();
    await utimes(dir, now, now);
    return JSON.parse(await readFile(done, 'utf8')) as InstalledPackage;
  })();
  return shared;
}

/**
 * A user's project of its own (package.json, lockfile and vendor/ copied) whose node_modules is the
 * shared install: a test may write files and run the tool there without touching the shared entry.
 */
export async function projectWithPackage(target: string): Promise<InstalledPackage> {
  const installed = await installedPackage();
  await mkdir(join(target, 'vendor'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json', join('vendor', installed.packed.filename)]) {
    await copyFile(join(installed.project, file), join(target, file));
  }
  await symlink(join(installed.project, 'node_modules'), join(target, 'node_modules'), 'dir');
  return { ...installed, project: target };
}
