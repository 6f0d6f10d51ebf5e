// What the benchmark scripts share: the repository root and their command-line options.
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The command-line arguments after the script. */
export const args = process.argv.slice(2);

/** The value after option `name`, or `fallback` when the option is absent. */
export function arg(name, fallback) {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
}
