// Fenced code as CommonMark 0.31 (4.5) has it; test/model/fences-commonmark.test.ts checks the
// line scanners that use these against micromark on generated documents.

/** An opening fence: up to three spaces, three or more backticks or tildes, then the info string. */
const FENCE = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
/** A closing fence: up to three spaces, a run of one fence character, then only spaces or tabs. */
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;

/**
 * The fence a line opens (its run of backticks or tildes), or null. One definition for every
 * line scanner, so sections, timelines and prose agree on what is code.
 */
export function openingFence(line: string): string | null {
  const m = FENCE.exec(line);
  if (!m) return null;
  const fence = m[1] as string;
  // After backticks the info string may not hold one: "```a`b" is inline code in a paragraph.
  return fence[0] === '`' && (m[2] as string).includes('`') ? null : fence;
}

/**
 * True when a line closes the code block `fence` opened: up to three spaces, the same character
 * at least as many times, then nothing but spaces or tabs (a line indented four spaces is code).
 */
export function closesFence(line: string, fence: string): boolean {
  const m = CLOSING.exec(line);
  return m !== null && (m[1] as string)[0] === fence[0] && (m[1] as string).length >= fence.length;
}
