import { formatMinutes } from '../durations.js';
import type { DurationSummary, RecurrenceChain, StatsReport, TimeFigures } from '../report.js';
import type { FileNote } from '../types.js';

/** Warnings a page lists (every unreadable file always is); JSON lists every warning. */
export const LISTED_WARNINGS = 200;

/** `12,345`: thousands separated the same way in every format, independent of the machine's locale. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `78 %`, or `–` when there is nothing to share. */
function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)} %`;
}

/** `45 min / 3 h 2 min`: median and p90 of a duration. */
function medianP90(s: DurationSummary): string {
  return s.files === 0 ? '–' : `${formatMinutes(s.medianMinutes)} / ${formatMinutes(s.p90Minutes)}`;
}

/** One row of a times table: group, incidents, files with each time, median / p90 of each. */
export function timeRow(t: TimeFigures): string[] {
  return [
    t.key,
    String(t.incidents),
    `${medianP90(t.detect)} (${t.detect.files})`,
    `${medianP90(t.mitigate)} (${t.mitigate.files})`,
    `${medianP90(t.resolve)} (${t.resolve.files})`,
  ];
}

/** Headers of the times tables. */
export const TIME_HEADERS = ['group', 'incidents', 'detect (files)', 'mitigate (files)', 'resolve (files)'];

/** `path:line:col: message`, as every bad-input message of the CLI reads. */
export function noteLine(n: FileNote): string {
  return `${n.path}:${n.line}:${n.column}: ${n.message}`;
}

/** The sentence about `prevent` items, worded once for every format. */
export function preventSentence(report: StatsReport): string {
  const p = report.actionItems.prevent;
  if (p.total === 0) return 'No prevent items.';
  return (
    `${thousands(p.doneOfPastDue)} of ${thousands(p.pastDue)} prevent items due before ${report.now} are done (${percent(p.shareDoneByDue)}); ` +
    `${thousands(p.notYetDue)} not yet due (${thousands(p.doneBeforeDue)} already done); ${thousands(p.wontfix)} wontfix.`
  );
}

/** The headline about how many files the figures rest on. */
export function filesSentence(report: StatsReport): string {
  const f = report.files;
  const bad = f.unreadable.length;
  return (
    `${thousands(f.total)} files: ${thousands(f.readable)} readable` +
    `${bad > 0 ? `, ${thousands(bad)} unreadable (listed below, not in the figures)` : ''}; ` +
    `${thousands(f.warnings.length)} warnings.`
  );
}

/** The ids of a chain for reading: all of a short chain, the first two and last three of a long one (JSON has all). */
export function chainIds(chain: RecurrenceChain): string[] {
  const ids = chain.incidents.map((i) => i.id);
  return ids.length > 6 ? [...ids.slice(0, 2), '…', ...ids.slice(-3)] : ids;
}
