import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ROOT, tempDir } from './cli.js';

/** The file name of the crm example, which the status tests write under in their temporary folder. */
export const EXAMPLE_NAME = '2018-05-15-crm-release-rollback-failed.md';

/** A fresh temporary folder for each test, the crm example's text, and a writer for a file of that name there. */
export interface ExampleFolder {
  readonly dir: string;
  readonly original: string;
  /** Writes `text` as EXAMPLE_NAME in the folder with `mode`, and returns its path. */
  file: (text: string, mode?: number) => Promise<string>;
}

/** Sets up an ExampleFolder before each test of the calling file and removes it after. */
export function exampleFolder(prefix: string): ExampleFolder {
  let dir = '';
  let original = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir(prefix));
    original = await readFile(join(ROOT, 'examples', EXAMPLE_NAME), 'utf8');
  });
  afterEach(async () => cleanup());
  return {
    get dir() {
      return dir;
    },
    get original() {
      return original;
    },
    file: async (text, mode = 0o644) => {
      const path = join(dir, EXAMPLE_NAME);
      await writeFile(path, text);
      await chmod(path, mode);
      return path;
    },
  };
}
