import type { DeclaredId } from './engine.js';
import { byPosition, recount } from './result.js';
import type { LintResult, LintSettings } from './types.js';

/** How many other files a duplicate-id message names; the rest are counted. */
export const LISTED_DUPLICATES = 3;

/**
 * Adds an `id-filename` error to every file whose id another linted file already declares, so two
 * postmortems never publish under one id. Each file gets one message naming a few of the others
 * and counting the rest, so 4,000 files with one id cost 4,000 short messages, not 16 million paths.
 * Results are changed in place and recounted.
 */
export function checkUniqueIds(
  entries: ReadonlyArray<{ result: LintResult; id: DeclaredId | null }>,
  settings: LintSettings,
): void {
  const setting = settings.rules['id-filename'];
  if (!setting) return;
  // One Map entry per id, and a list only for an id seen twice: a run of 10,000 unique ids (a
  // cached re-run does little else) then builds no list and no pair per file.
  type Entry = { result: LintResult; id: DeclaredId };
  const first = new Map<string, Entry>();
  const byId = new Map<string, Entry[]>();
  for (const e of entries) {
    const id = e.id;
    if (!id) continue;
    const seen = first.get(id.value);
    if (!seen) {
      // The entry itself, not a pair built for it: its id is the one just checked.
      first.set(id.value, e as Entry);
      continue;
    }
    const list = byId.get(id.value);
    if (list) list.push({ result: e.result, id });
    else byId.set(id.value, [seen, { result: e.result, id }]);
  }
  for (const [value, list] of byId) {
    const sorted = [...list].sort((a, b) => (a.result.filePath < b.result.filePath ? -1 : 1));
    // The first LISTED_DUPLICATES + 1 paths are enough to name LISTED_DUPLICATES others for anyone.
    const head = sorted.slice(0, LISTED_DUPLICATES + 1).map((e) => e.result.filePath);
    for (const entry of sorted) {
      const others = head.filter((p) => p !== entry.result.filePath).slice(0, LISTED_DUPLICATES);
      const rest = sorted.length - 1 - others.length;
      const more = rest > 0 ? ` and ${rest} other file${rest === 1 ? '' : 's'}` : '';
      entry.result.messages.push({
        ruleId: 'id-filename',
        severity: setting.level === 'error' ? 2 : 1,
        message: `Expected a unique \`id\`, found "${value}" also in ${others.join(', ')}${more}.`,
        line: entry.id.line,
        column: entry.id.column,
      });
      entry.result.messages.sort(byPosition);
      recount(entry.result);
    }
  }
}
