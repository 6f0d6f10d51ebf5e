import { isRecord } from '../model/guards.js';

/** A config pattern and the key it stands under, e.g. `internalPatterns[0]`. */
export interface ConfigPattern {
  key: string;
  source: string;
}

/** The regular expressions a config holds: `internalPatterns` and any rule option named `pattern` or `patterns`. */
export function patternsOf(config: { internalPatterns?: string[]; rules?: Record<string, unknown> }): ConfigPattern[] {
  const out: ConfigPattern[] = (config.internalPatterns ?? []).map((source, i) => ({
    key: `internalPatterns[${i}]`,
    source,
  }));
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const options: unknown = Array.isArray(setting) ? setting[1] : undefined;
    if (!isRecord(options)) continue;
    for (const name of ['pattern', 'patterns']) {
      const value = options[name];
      const list = Array.isArray(value) ? value : [value];
      list.forEach((source, i) => {
        if (typeof source === 'string')
          out.push({ key: `rules.${id}[1].${name}${Array.isArray(value) ? `[${i}]` : ''}`, source });
      });
    }
  }
  return out;
}

/**
 * Why a pattern would hang lint, or null when it is safe enough: exponential backtracking, or
 * polynomial of degree 3 or more. Quadratic patterns (`\w+\d+`) are common and bounded by the
 * 5 MB file limit, so they pass. recheck (automaton analysis, then fuzzing) decides; it is loaded
 * only when a config has patterns, and a pattern it cannot decide in time passes.
 */
export async function backtrackingProblem(source: string): Promise<string | null> {
  if (plainlySafe(source)) return null;
  // recheck's `auto` backend starts a helper process: its native build where one exists for the
  // platform, else a JVM (seconds). A config holds a few short patterns, which recheck's own
  // JavaScript build decides in-process in well under a second, the same way on every platform;
  // so the native builds (optional dependencies) are not needed. A RECHECK_BACKEND set by the user wins.
  process.env.RECHECK_BACKEND ??= 'pure';
  const { check } = await import('recheck');
  let result;
  try {
    new RegExp(source, 'u');
    result = await check(source, 'u', { timeout: 5_000 });
  } catch {
    return null;
  }
  if (result.status !== 'vulnerable') return null;
  const { complexity, attack } = result;
  if (complexity.type === 'polynomial' && complexity.degree < 3) return null;
  const sample = attack.pattern.length > 40 ? `${attack.pattern.slice(0, 37)}...` : attack.pattern;
  return `${complexity.summary} backtracking (e.g. on ${sample})`;
}

/**
 * A cheap first look that spares most patterns the checker's start-up (a few hundred ms): with no
 * quantified group there is no nested or alternated repetition, so no exponential backtracking,
 * and with at most one unbounded quantifier at most quadratic time (one loop, times the start
 * positions a search tries). Anything else goes to recheck.
 */
export function plainlySafe(source: string): boolean {
  let unbounded = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ')' && /^[*+?{]/.test(source.slice(i + 1, i + 2))) return false;
    else if (ch === '*' || ch === '+' || (ch === '{' && /^\{\d+,\}/.test(source.slice(i, i + 12)))) unbounded++;
  }
  return unbounded < 2;
}
