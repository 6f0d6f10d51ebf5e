/** The opening run of a fenced code block: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The fence a line opens (its run of backticks or tildes), or null. One definition for every
 * line scanner, so sections, timelines and prose agree on what is code.
 */
export function openingFence(line: string): string | null {
  return FENCE.exec(line)?.[1] ?? null;
}

/** True when a line closes the code block `fence` opened: the same character, at least as many, nothing else. */
export function closesFence(line: string, fence: string): boolean {
  const text = line.trim();
  if (!text.startsWith(fence)) return false;
  const ch = fence[0];
  for (let i = fence.length; i < text.length; i++) if (text[i] !== ch) return false;
  return true;
}
