// `npm test`: the tests, with the checks of the code alongside instead of before them.
//
// - scripts/check.mjs type-checks src/, test/ and scripts/ with one TypeScript program, writes
//   dist/ from it (the end-to-end tests run the real binary), then runs ESLint with that program;
// - oxfmt checks the formatting (.oxfmtrc.json);
// - vitest starts as soon as dist/ is written. On two cores the checks' CPU (about 43 s for tsc and
//   ESLint, measured 3 December 2026; under 1 s for oxfmt, where Prettier took 13-15 s) shares the
//   cores with the tests and the processes they start (npm, git, pre-commit, Chromium).
//
// The tests' output streams live; the checks' output is kept and printed once the tests end, in
// full when a check fails. Exit 0 only when every check and every test passes. Extra arguments go
// to vitest (`npm test -- test/lint`); the checks always cover the whole repository.
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** The file of a dependency's command, from its package.json `bin` (packages need not export it). */
function binOf(pkg, command = pkg) {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const manifest = join(dir, 'package.json');
    try {
      const json = JSON.parse(readFileSync(manifest, 'utf8'));
      if (json.name === pkg) return join(dir, typeof json.bin === 'string' ? json.bin : json.bin[command]);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    if (dirname(dir) === dir) throw new Error(`${pkg}: cannot find its package.json`);
    dir = dirname(dir);
  }
}

/**
 * Runs a Node script: `done` resolves with its exit code, output (when captured) and time;
 * `ready` resolves true when the script sends `{ distReady: true }`, false if it ends first.
 */
function runNode(script, args, { capture }) {
  const started = performance.now();
  const child = capture
    ? fork(script, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
    : spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  let signalReady;
  const ready = new Promise((resolve) => (signalReady = resolve));
  child.on('message', (message) => {
    if (message?.distReady) signalReady(true);
  });
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n`, seconds: 0 }));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), output, seconds: (performance.now() - started) / 1000 }),
    );
  });
  void done.then(() => signalReady(false));
  return { ready, done };
}

const checks = [
  {
    name: 'tsc and eslint (scripts/check.mjs)',
    run: runNode(join(root, 'scripts', 'check.mjs'), [], { capture: true }),
  },
  {
    name: 'oxfmt --check',
    run: runNode(binOf('oxfmt'), ['--check'], { capture: true }),
  },
];
const built = await checks[0].run.ready;
const tests = built
  ? await runNode(binOf('vitest'), ['run', ...process.argv.slice(2)], { capture: false }).done
  : { code: 1 };

let failed = tests.code !== 0;
const lines = built ? [] : ['  dist/ was not built, so the tests did not run'];
for (const check of checks) {
  const result = await check.run.done;
  if (result.code === 0) {
    lines.push(`  ${check.name}: passed (${result.seconds.toFixed(1)} s)`);
  } else {
    failed = true;
    process.stdout.write(`\n${check.name} failed (exit ${result.code}):\n${result.output}`);
    lines.push(`  ${check.name}: FAILED (exit ${result.code}; its output is above)`);
  }
}
process.stdout.write(`\nChecks besides the tests:\n${lines.join('\n')}\n`);
process.exit(failed ? 1 : 0);
