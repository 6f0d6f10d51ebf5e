// `npm test`: builds dist/ (the end-to-end tests run the real binary) and runs the tests, with the
// code checks (ESLint, Prettier) alongside instead of before them: on two cores the checks' 20 s of
// CPU fill the gaps while the build and the tests wait (tsc on one thread, tests on child processes:
// npm, git, pre-commit, Chromium).
//
// The tests' output streams live; the checks' output is kept and printed once the tests end, in
// full when a check fails. Exit 0 only when the build, both checks and the tests pass. Extra
// arguments go to vitest (`npm test -- test/lint`); the checks always cover the whole repository.
import { spawn } from 'node:child_process';
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

/** Runs a Node script of a dependency; resolves with its exit code, its output and its time. */
function runNode(script, args, { capture }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: root,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n`, seconds: 0 }));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

// The checks need no dist/, so they start with the build and use the core tsc leaves idle.
const checks = [
  { name: 'eslint .', run: runNode(binOf('eslint'), ['.'], { capture: true }) },
  {
    name: 'prettier --check .',
    run: runNode(binOf('prettier'), ['--check', '.', '--log-level', 'warn'], { capture: true }),
  },
];
const build = await runNode(join(root, 'scripts', 'build.mjs'), [], { capture: false });
const tests =
  build.code === 0
    ? await runNode(binOf('vitest'), ['run', ...process.argv.slice(2)], { capture: false })
    : { code: build.code };

let failed = tests.code !== 0;
const lines = build.code === 0 ? [] : [`  build: FAILED (exit ${build.code}), so the tests did not run`];
for (const check of checks) {
  const result = await check.run;
  if (result.code === 0) {
    lines.push(`  ${check.name}: passed (${result.seconds.toFixed(1)} s)`);
  } else {
    failed = true;
    process.stdout.write(`\n${check.name} failed (exit ${result.code}):\n${result.output}`);
    lines.push(`  ${check.name}: FAILED (exit ${result.code}; its output is above)`);
  }
}
process.stdout.write(`\nBuild and code checks:\n${lines.join('\n')}\n`);
process.exit(failed ? 1 : 0);
