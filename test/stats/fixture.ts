import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a test postmortem says; everything else is filled in. */
export interface Incident {
  id: string;
  severity?: string;
  services?: string[];
  categories?: string[];
  started?: string;
  detected?: string;
  mitigated?: string;
  resolved?: string;
  customers?: number;
  windows?: Array<{ start: string; end: string }>;
  /** Rows: action, type, owner, due, status, ticket. */
  actions?: string[][];
  /** Extra front-matter lines, written as they are. */
  extra?: string;
}

/** A postmortem file with the front matter stats reads and an action-items table. */
export function postmortemText(i: Incident): string {
  const lines = [
    '---',
    `id: ${i.id}`,
    `title: Test incident ${i.id}`,
    'status: final',
    `severity: ${i.severity ?? 'SEV2'}`,
    'authors: [Test Author]',
    `services: [${(i.services ?? ['checkout']).join(', ')}]`,
  ];
  for (const m of ['started', 'detected', 'mitigated', 'resolved'] as const)
    if (i[m] !== undefined) lines.push(`${m}: "${i[m]}"`);
  lines.push('impact:', `  customers_affected: ${i.customers ?? 100}`, '  data_loss: false');
  if (i.windows) {
    lines.push('  windows:');
    for (const w of i.windows) lines.push(`    - start: "${w.start}"`, `      end: "${w.end}"`);
  }
  lines.push('root_causes:');
  for (const c of i.categories ?? ['capacity']) lines.push(`  - category: ${c}`, '    summary: "A summary."');
  if (i.extra) lines.push(i.extra);
  lines.push(
    'notice:',
    '  languages: [en]',
    '  headline: { en: "Checkout was slow" }',
    '---',
    '',
    '## Summary',
    '',
    'Text.',
    '',
  );
  lines.push(
    '## Action items',
    '',
    '| Action | Type | Owner | Due | Status | Ticket |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const a of i.actions ?? []) lines.push(`| ${a.join(' | ')} |`);
  lines.push('', '## Lessons learned', '', 'Text.', '');
  return lines.join('\n');
}

/** Writes incidents as `<dir>/<id>.md` and returns the folder. */
export async function writeIncidents(dir: string, incidents: readonly Incident[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const i of incidents) await writeFile(join(dir, `${i.id}.md`), postmortemText(i));
  return dir;
}
