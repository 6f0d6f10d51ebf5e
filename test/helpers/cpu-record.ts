import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

// Where the suite's time goes (docs/tests.md): with POSTMORTEM_TEST_CPU=FILE, each test file appends
// one JSON line to FILE with the CPU seconds its worker spent on it, its own and that of the child
// processes it waited for (git, the binary, npm, Chromium, Hugo, Jekyll), from /proc/self/stat.
// A setup file runs again before each test file, so the span starts before the file's imports.
// Linux only; without the variable nothing is measured.
const OUT = process.env.POSTMORTEM_TEST_CPU;

/** This process's CPU seconds and those of its waited-for children (utime, stime, cutime, cstime). */
function sample(): { self: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name, which may hold spaces, in parentheses: the 14th field is utime.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const tick = 100; // USER_HZ, 100 on every Linux architecture Node runs on
  const at = (n: number) => (fields[n - 3] ?? 0) / tick;
  return { self: at(14) + at(15), children: at(16) + at(17) };
}

if (OUT) {
  const start = sample();
  afterAll(() => {
    const end = sample();
    const file = (expect.getState().testPath ?? '?').replace(/^.*?\/test\//, 'test/');
    const line = { file, pid: process.pid, self: end.self - start.self, children: end.children - start.children };
    appendFileSync(OUT, `${JSON.stringify(line)}\n`);
  });
}
