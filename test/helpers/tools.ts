import { execFileSync } from 'node:child_process';
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
 * For a test that needs a real tool: nothing when it is there; in CI (which installs it in
 * .ci/run) a failure; elsewhere the test is skipped with a note that says why and how to run it,
 * which the summary line lists.
 */
export function needTool(context: TestContext, present: boolean, tool: string, install: string): void {
  if (present) return;
  if (process.env.CI) throw new Error(`${tool} is not installed (${install}); CI must run this test`);
  context.skip(`${tool} is not installed: \`${install}\` makes this test run (CI installs it and fails without it)`);
}
