import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/sequencer.js';

// Tests that drive inquirer's prompts share its module state (screens, the terminal), so each of
// their files gets fresh modules; every other file reuses its worker's modules, which saves loading
// the parser, Handlebars and the CLI again for each of the ~90 files.
const ISOLATED = [
  'test/interview/flow-screen.test.ts',
  'test/interview/prompt-render.test.ts',
  'test/interview/text-prompt.test.ts',
];

// `vitest run --mode quick` (`npm run test:quick`), the inner loop: without the files that install
// the package, drive pre-commit, Jekyll, Hugo or Chromium. `npm test` runs everything.
const SLOW = [
  'test/ecosystem/{action,package,pre-commit}.test.ts',
  'test/**/*-e2e.test.ts',
  'test/**/*chromium*.test.ts',
];

export default defineConfig(({ mode }) => ({
  // Packages resolve as Node resolves them for the binary: without Vite's "development" condition,
  // which made micromark and its extensions load their development builds in the workers (an
  // assertion and a debug call at each character the tokenizer consumes), code no user runs.
  plugins: [
    {
      name: 'node-conditions',
      configEnvironment: {
        order: 'post',
        handler(_name, options) {
          const conditions = options.resolve?.conditions;
          if (conditions) options.resolve!.conditions = conditions.filter((c) => !c.startsWith('development'));
        },
      },
    },
  ],
  test: {
    // Generous: on the shared 2-core machine under a load of 18, a publish test that takes 3 s idle
    // took over 30 s. A timeout is a hang guard here, not a speed check (those count work).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest leaves a core free by default (one worker on 2 cores); many tests wait on a child
    // process (the binary, git, a pty), so a worker per core keeps both busy.
    maxWorkers: availableParallelism(),
    coverage: { provider: 'v8', include: ['src/**'], reporter: ['text-summary', 'json-summary'] },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    setupFiles: ['./test/helpers/property-seed.ts', './test/helpers/cpu-record.ts'],
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: mode === 'quick' ? [...ISOLATED, ...SLOW] : ISOLATED,
          isolate: false,
        },
      },
    ],
  },
}));
