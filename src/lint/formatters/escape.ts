// The one implementation of visible control characters lives in the model, where the interview
// (prompts that show a draft's answers) can use it too.
export { visible, visibleChar } from '../../model/visible.js';

/**
 * Makes a path fit to start a line: GitHub Actions runs a log line that starts with `::` (after white
 * space) as a workflow command, so such a path gets `./` before it, which names the same file.
 */
export function pathAtLineStart(path: string): string {
  return /^\s*::/.test(path) ? `./${path}` : path;
}
