import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that spend long waiting on child processes (npm packing and installing the package,
 * the action's install, git, the binary): they start first, so that none is left running alone at
 * the end. Vitest orders by the durations of the last run, which a clean clone (CI) does not have;
 * it would then run larger files first, and a small slow file would start last: in-process.test.ts
 * (eight runs of the binary, 2-3 s) came 144th of 152 by size, and started last. package.test.ts
 * builds the installed package that pre-commit.test.ts waits for (installed.ts), so the action's
 * install runs on the other worker meanwhile.
 */
const SLOW_FIRST = [
  'test/ecosystem/package.test.ts',
  'test/ecosystem/action.test.ts',
  'test/ecosystem/pre-commit.test.ts',
  'test/publish/branch.test.ts',
  'test/cli/in-process.test.ts',
];

function rank(spec: TestSpecification): number {
  const index = SLOW_FIRST.findIndex((path) => spec.moduleId.replaceAll('\\', '/').endsWith(path));
  return index < 0 ? SLOW_FIRST.length : index;
}

/** Vitest's own order, with the known slow files first within their project. */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    return sorted
      .map((spec, position) => ({ spec, position }))
      .sort(
        (a, b) =>
          projects.indexOf(a.spec.project.name) - projects.indexOf(b.spec.project.name) ||
          rank(a.spec) - rank(b.spec) ||
          a.position - b.position,
      )
      .map(({ spec }) => spec);
  }
}
