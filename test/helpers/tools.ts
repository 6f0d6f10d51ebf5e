import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'vitest';

/** True when `command --version` (or the arguments given) runs: the tool is installed and on PATH. */
export function hasTool(command: string, args: readonly string[] = ['--version']): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * True when an executable `command` is on PATH, found without running it: for a tool whose start
 * costs much (jekyll --version starts Ruby and its gems: about 0.5 s of CPU) and that the test runs
 * anyway, where a broken install fails the test instead of skipping it.
 */
export function onPath(command: string): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * For a test that needs a real tool: nothing when it is there; in CI (which installs it in
 * .ci/run) a failure; elsewhere the test is skipped with a note that says why and how to run it,
 * which the summary line lists.
 */
export function needTool(context: TestContext, present: boolean, tool: string, install: string): void {
  if (present) return;
  if (process.env.CI) throw new Error(`${tool} is not installed (${install}); CI must run this test`);
  context.skip(`${tool} is not installed: \`${install}\` makes this test run (CI installs it and fails without it)`);
}
