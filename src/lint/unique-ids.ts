import type { DeclaredId } from './engine.js';
import { byPosition, recount } from './result.js';
import type { LintResult, LintSettings } from './types.js';

/**
 * Adds an `id-filename` error to every file whose id another linted file already declares, so two
 * postmortems never publish under one id. Results are changed in place and recounted.
 */
export function checkUniqueIds(
  entries: ReadonlyArray<{ result: LintResult; id: DeclaredId | null }>,
  settings: LintSettings,
): void {
  const setting = settings.rules['id-filename'];
  if (!setting) return;
  const byId = new Map<string, Array<{ result: LintResult; id: DeclaredId }>>();
  for (const e of entries) {
    if (!e.id) continue;
    const list = byId.get(e.id.value) ?? [];
    list.push({ result: e.result, id: e.id });
    byId.set(e.id.value, list);
  }
  for (const [value, list] of byId) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.result.filePath.localeCompare(b.result.filePath));
    for (const entry of sorted) {
      const others = sorted.filter((o) => o !== entry).map((o) => o.result.filePath);
      entry.result.messages.push({
        ruleId: 'id-filename',
        severity: setting.level === 'error' ? 2 : 1,
        message: `Expected a unique \`id\`, found "${value}" also in ${others.join(', ')}.`,
        line: entry.id.line,
        column: entry.id.column,
      });
      entry.result.messages.sort(byPosition);
      recount(entry.result);
    }
  }
}
