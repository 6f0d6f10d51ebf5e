/** A config pattern, the key it stands under (e.g. `internalPatterns[0]`) and, where known, its position. */
export interface ConfigPattern {
  key: string;
  source: string;
  /** The config's name with the pattern's line and column: `file` to `file:3:14`. */
  where?: (name: string) => Promise<string>;
}

/** How strict backtrackingProblem is: the flags the pattern runs with, and the highest polynomial degree let through. */
export interface BacktrackingLimits {
  flags?: string;
  /** 2 (the default) lets quadratic patterns through; 1 asks for linear time. */
  maxDegree?: number;
}

/**
 * Why a pattern would hang lint, or null when it is safe enough: exponential backtracking, or
 * polynomial of degree 3 or more. Quadratic patterns (`\w+\d+`) are common and bounded by the
 * 5 MB file limit, so they pass. recheck (automaton analysis, then fuzzing) decides; it is loaded
 * only when a config has patterns, and a pattern it cannot decide in time passes.
 */
export async function backtrackingProblem(source: string, limits: BacktrackingLimits = {}): Promise<string | null> {
  const { flags = 'u', maxDegree = 2 } = limits;
  if (maxDegree >= 2 && plainlySafe(source)) return null;
  // recheck's `auto` backend starts a helper process: its native build where one exists for the
  // platform, else a JVM (seconds). A config holds a few short patterns, which recheck's own
  // JavaScript build decides in-process in well under a second, the same way on every platform;
  // so the native builds (optional dependencies) are not needed. A RECHECK_BACKEND set by the user wins.
  process.env.RECHECK_BACKEND ??= 'pure';
  const { check } = await import('recheck');
  let result;
  try {
    new RegExp(source, flags);
    result = await check(source, flags, { timeout: 5_000 });
  } catch {
    return null;
  }
  if (result.status !== 'vulnerable') return null;
  const { complexity, attack } = result;
  if (complexity.type === 'polynomial' && complexity.degree <= maxDegree) return null;
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
