import { describe, expect, it } from 'vitest';
import { displayPath, folderDisplayPaths } from '../../src/model/display-path.js';

describe('folderDisplayPaths', () => {
  it('shows every path as displayPath does, once a folder is known too', () => {
    const paths = [
      '/work/repo/incidents/2024-01-01-a.md',
      '/work/repo/incidents/2024-01-02-b.md',
      '/work/repo/a.md',
      '/work/repo/..a.md',
      '/work/repo/../other/a.md',
      '/work/repo//incidents/./c.md',
      '/work/other/a.md',
      '/a.md',
      '/work/repo/incidents/',
      '/work/repo/incidents/..',
      'relative/a.md',
      'a.md',
    ];
    for (const cwd of ['/work/repo', '/work/repo/', '/', '/work/repo/incidents', process.cwd()]) {
      const shown = folderDisplayPaths(cwd);
      // Twice: the second look finds the folder known.
      for (const path of [...paths, ...paths]) expect(shown(path), `${cwd} ${path}`).toBe(displayPath(path, cwd));
    }
  });
});
