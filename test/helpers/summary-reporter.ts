import type { Reporter, TestModule } from 'vitest/node';

/** Prints why tests were skipped, then the plain closing line `N passed, N failed, N skipped` that CI systems read. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const reasons: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failed++;
        else {
          skipped++;
          const why = result.state === 'skipped' ? result.note : undefined;
          reasons.push(`  ${module.moduleId.replace(/^.*?\/test\//, 'test/')} > ${test.name}: ${why ?? 'skipped'}`);
        }
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    // Why each skipped test did not run, so that a skip is never silent.
    if (reasons.length > 0) process.stdout.write(`\nSkipped:\n${reasons.join('\n')}\n`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
