import type { Formatter } from '../types.js';

/** The names `--format` accepts. */
export const FORMATTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

/** A formatter name. */
export type FormatterName = (typeof FORMATTER_NAMES)[number];

/** Loads one formatter by name, so a run loads only the one it prints with. */
export async function loadFormatter(name: FormatterName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).stylish;
    case 'json':
      return (await import('./json.js')).json;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'github':
      return (await import('./github.js')).github;
    case 'junit':
      return (await import('./junit.js')).junit;
  }
}
