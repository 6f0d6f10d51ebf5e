/**
 * `postmortem timeline`'s core: reads the postmortem, works out the window and the clock, reads
 * every source, drops what a blameless timeline must not say, removes duplicates, ranks, and
 * merges. The command prints and writes what this returns.
 */
import { readBounded } from '../lint/read.js';
import blamelessLanguage from '../lint/rules/blameless-language.js';
import type { LintSettings, RuleReport } from '../lint/types.js';
import { InputError, UsageError } from '../model/errors.js';
import { findSection, parsePostmortemBytes, type ParseOptions } from '../model/index.js';
import { offsetOf, parseInstant } from '../model/timestamp.js';
import { isTimeZone } from '../model/timezone.js';
import type { Postmortem } from '../model/types.js';
import type { FormatOptions } from '../model/format.js';
import { parsePostmortem } from '../model/parse.js';
import { stringifyPostmortem } from '../model/write.js';
import { kindOfPath, splitSource } from './detect.js';
import { existingKeys, mergeIntoSection, sameWordsKey, type Merge } from './merge.js';
import { isOpsgenie, readOpsgenie } from './opsgenie.js';
import { isPagerDuty, readPagerDuty } from './pagerduty.js';
import { preselect, scoreEvent } from './rank.js';
import { readGit } from './git.js';
import { parseJson } from './json.js';
import { readSourceFile } from './read-file.js';
import { readSlack } from './slack.js';
import { readText } from './text.js';
import type { ReadContext, SourceEvent, SourceMessage, SourceResult } from './types.js';
import { dateOf, formatStamp, isoMinute, wallToInstant } from './zone.js';
import { resolve } from 'node:path';

/** What `postmortem timeline` was asked. */
export interface TimelineRequest {
  cwd: string;
  file: string;
  sources: readonly string[];
  channel?: string;
  since?: string;
  until?: string;
  roles?: Record<string, string>;
  /** Options of the blameless-language rule from the config (extra words). */
  blamelessOptions?: Record<string, unknown>;
  format?: FormatOptions;
  parse?: ParseOptions;
  env: NodeJS.ProcessEnv;
}

/** One candidate item. */
export interface Candidate extends SourceEvent {
  /** `- 2024-03-05 22:50 +01:00 — text` */
  line: string;
  /** The minute as a front-matter timestamp in the incident's zone (`2024-03-05T22:50:00+01:00`). */
  iso: string;
  score: number;
  preselected: boolean;
}

/** Everything the command prints or writes. */
export interface TimelineOutcome {
  path: string;
  since: number;
  until: number;
  /** How the window was chosen, for a note. */
  windowNote: string | null;
  candidates: Candidate[];
  messages: SourceMessage[];
  /** Merges the chosen candidates into the file's source; null when the file has no Timeline section. */
  merge(chosen: readonly Candidate[]): Merge | null;
}

const HOUR = 3_600_000;

/** Reads the sources for a postmortem and returns its candidates. */
export async function collectTimeline(request: TimelineRequest): Promise<TimelineOutcome> {
  const path = resolve(request.cwd, request.file);
  const got = readBounded(path);
  if ('problem' in got)
    throw new InputError(`${request.file}: expected a readable postmortem file, found ${got.problem}.`);
  const parsed = parsePostmortemBytes(got.bytes, path, request.parse);
  const fatal = parsed.problems[0];
  if (fatal)
    throw new InputError(
      `${request.file}:${fatal.line}:${fatal.column}: ${fatal.message} Run \`postmortem lint ${request.file}\`.`,
    );
  return collectFor(parsed.postmortem, path, request);
}

/**
 * Candidates for an incident that has no file yet (the interview of `new`): its front-matter facts
 * (started, mitigated, resolved, timezone, authors) stand in for the file.
 */
export async function collectForFacts(
  facts: Record<string, unknown>,
  request: TimelineRequest,
): Promise<TimelineOutcome> {
  const pm = parsePostmortem(
    stringifyPostmortem(facts, '## Timeline\n'),
    resolve(request.cwd, request.file),
  ).postmortem;
  return collectFor(pm, pm.path, request);
}

async function collectFor(pm: Postmortem, path: string, request: TimelineRequest): Promise<TimelineOutcome> {
  const clock = clockOf(pm, request.file);
  const { since, until, note } = windowOf(pm, request, clock);
  const ctx: ReadContext = {
    ...clock,
    since,
    until,
    date: dateOf(clock, parseInstant(typeof pm.data.started === 'string' ? pm.data.started : '') ?? since),
    roles: request.roles ?? {},
    ...(request.channel !== undefined ? { channel: request.channel } : {}),
  };
  const events: SourceEvent[] = [];
  const messages: SourceMessage[] = [];
  for (const source of request.sources) {
    const result = await readSource(source, ctx, request);
    // Not push(...list): a spread of a few hundred thousand events overflows the stack.
    for (const e of result.events) events.push(e);
    for (const m of result.messages) messages.push(m);
  }
  const clean = withoutBlame(events, pm, request, messages);
  const seen = existingKeys(pm.timeline);
  const unique: SourceEvent[] = [];
  for (const e of clean.sort((a, b) => a.at - b.at)) {
    const key = sameWordsKey(e.at, e.text);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(e);
  }
  const scores = unique.map(scoreEvent);
  const chosen = preselect(unique, scores);
  const candidates: Candidate[] = unique.map((e, i) => ({
    at: e.at,
    text: e.text,
    kind: e.kind,
    origin: e.origin,
    line: `- ${formatStamp(clock, e.at)} — ${e.text}`,
    iso: isoMinute(clock, e.at),
    score: scores[i] as number,
    preselected: chosen.has(i),
  }));
  const section = findSection(pm.sections, request.parse?.timelineSection ?? 'Timeline');
  return {
    path,
    since,
    until,
    windowNote: note,
    candidates,
    messages,
    merge: (picked) =>
      section
        ? mergeIntoSection(
            pm.source,
            section,
            pm.timeline,
            picked.map((c) => ({ at: Math.floor(c.at / 60_000) * 60_000, line: c.line })),
          )
        : null,
  };
}

function clockOf(pm: Postmortem, file: string): { zone: string | null; offset: number } {
  const zone = typeof pm.data.timezone === 'string' && isTimeZone(pm.data.timezone) ? pm.data.timezone : null;
  const started = typeof pm.data.started === 'string' ? pm.data.started : '';
  const offset = offsetOf(started);
  if (!zone && offset === null && started !== '')
    throw new InputError(
      `${file}: \`started\` has no offset (${started}); expected one such as +01:00 to place the events.`,
    );
  return { zone, offset: offset ?? 0 };
}

function instantOption(value: string, name: string, clock: { zone: string | null; offset: number }): number {
  const exact = parseInstant(value.replace(' ', 'T'));
  if (exact !== null) return exact;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  const local = m
    ? wallToInstant(clock, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))
    : null;
  if (local === null)
    throw new UsageError(
      `--${name} ${value}: expected a time such as 2024-03-05T22:50+01:00 or "2024-03-05 22:50" (in the incident's zone).`,
    );
  return local;
}

function windowOf(
  pm: Postmortem,
  request: TimelineRequest,
  clock: { zone: string | null; offset: number },
): { since: number; until: number; note: string | null } {
  const at = (key: string) => {
    const value = pm.data[key];
    return typeof value === 'string' ? parseInstant(value) : null;
  };
  const started = at('started');
  const since = request.since ? instantOption(request.since, 'since', clock) : started !== null ? started - HOUR : null;
  if (since === null)
    throw new UsageError(`${request.file}: no valid \`started\` to begin the window at; give --since.`);
  let note: string | null = null;
  let until: number;
  if (request.until) until = instantOption(request.until, 'until', clock);
  else {
    const end = at('resolved') ?? at('mitigated');
    if (end !== null) until = end;
    else {
      until = since + 25 * HOUR;
      note = `${request.file} has no resolved or mitigated time; reading 24 hours from started (give --until to change it).`;
    }
  }
  // A time to the minute covers that whole minute: a pager closed at 03:40:30 belongs to "resolved 03:40".
  until = Math.floor(until / 60_000) * 60_000 + 59_999;
  if (until < since)
    throw new UsageError(
      `the window ends before it starts (${new Date(until).toISOString()} < ${new Date(since).toISOString()}).`,
    );
  return { since, until, note };
}

async function readSource(source: string, ctx: ReadContext, request: TimelineRequest): Promise<SourceResult> {
  const { forced, path: given } = splitSource(source);
  const path = resolve(request.cwd, given);
  const kind = forced ?? kindOfPath(path, given);
  if (forced && forced !== 'git' && forced !== 'slack') kindOfPath(path, given);
  if (kind === 'slack') return readSlack(path, ctx, given);
  if (kind === 'git') return readGit(path, ctx, given, request.env);
  const file = readSourceFile(path, given);
  if ('message' in file) return { events: [], messages: [file.message] };
  if (kind === 'text') return readText(file.text, ctx, given);
  const looksJson = /^\s*[[{]/.test(file.text);
  if (kind === 'file' && !looksJson) return readText(file.text, ctx, given);
  const json = parseJson(file.text, given);
  if ('message' in json) return { events: [], messages: [json.message] };
  if ((kind === 'file' || kind === 'pagerduty') && isPagerDuty(json.value))
    return readPagerDuty(json.value, file.text, ctx, given);
  if ((kind === 'file' || kind === 'opsgenie') && isOpsgenie(json.value))
    return readOpsgenie(json.value, file.text, ctx, given);
  const expected =
    kind === 'pagerduty'
      ? 'PagerDuty log entries ({"log_entries": [...]})'
      : kind === 'opsgenie'
        ? 'Opsgenie alert logs ({"data": [{"log", "createdAt"}]})'
        : 'PagerDuty log entries or Opsgenie alert logs';
  throw new UsageError(
    `${given}: expected ${expected}, found JSON of another shape. Prefix the source with text: to read it as lines.`,
  );
}

/**
 * Leaves out events whose words blameless-language would report (run over them as a timeline of
 * this postmortem, with its authors and the config's extra words): the result must pass lint.
 */
function withoutBlame(
  events: SourceEvent[],
  pm: Postmortem,
  request: TimelineRequest,
  messages: SourceMessage[],
): SourceEvent[] {
  if (events.length === 0) return events;
  // The people and product names the rule tells apart come from the front matter.
  const facts: Record<string, unknown> = {};
  for (const key of ['authors', 'services', 'tags']) if (Array.isArray(pm.data[key])) facts[key] = pm.data[key];
  // Not a Timeline section: its items need no timestamp parse, which would cost more than the check.
  const body = `## Events\n\n${events.map((e) => `- ${e.text}`).join('\n')}\n`;
  const probe = parsePostmortem(stringifyPostmortem(facts, body), pm.path);
  const first = (probe.postmortem.sections[0]?.contentStartLine ?? 0) + 1;
  const settings: LintSettings = {
    rules: { [blamelessLanguage.id]: { level: 'error', options: request.blamelessOptions ?? {} } },
    format: request.format ?? {},
    internalPatterns: [],
    now: new Date(0).toISOString(),
  };
  const reports: RuleReport[] = [];
  // The rule alone, not the engine: the engine loads every rule, a third of this command's start-up.
  const returned = blamelessLanguage.check({
    pm: probe.postmortem,
    options: request.blamelessOptions ?? {},
    settings,
    source: { offset: () => 0, lineEnd: () => 0 },
    report: (r) => void reports.push(r),
  });
  if (returned) for (const r of returned) reports.push(r);
  const flagged = new Set<number>();
  for (const m of reports) {
    const index = m.line - first;
    if (index < 0 || index >= events.length || flagged.has(index)) continue;
    flagged.add(index);
    const event = events[index] as SourceEvent;
    const [file, line] = splitOrigin(event.origin);
    messages.push({
      ...(line ? { file, line } : { file }),
      message: `left out: ${m.message.replace(/\.$/, '')} (reword it by hand if it matters)`,
    });
  }
  return events.filter((_e, i) => !flagged.has(i));
}

function splitOrigin(origin: string): [string, number | undefined] {
  const m = /^(.*):(\d+)$/.exec(origin);
  return m ? [m[1] as string, Number(m[2])] : [origin, undefined];
}
