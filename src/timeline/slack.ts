/**
 * Slack workspace export (folder or `.zip`): `users.json`, `channels.json` and
 * `CHANNEL/YYYY-MM-DD.json`, each day an array of messages with `ts` in epoch seconds.
 * Joins, leaves and other housekeeping are dropped; bot messages and thread replies are kept.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from '../model/errors.js';
import { isRecord } from '../model/guards.js';
import { NameScrubber, roleOf, type Person } from './blameless.js';
import { eventText } from './event-text.js';
import { folderFiles, zipFiles, type ExportFiles } from './export-files.js';
import { elementLines, parseJson } from './json.js';
import type { EventKind, ReadContext, SourceEvent, SourceMessage, SourceResult } from './types.js';
import { ZipError } from './zip.js';

/** Subtypes that are housekeeping, not events. */
const DROPPED = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'reaction_added',
  'reaction_removed',
  'message_deleted',
  'tombstone',
  'joiner_notification',
  'pinned_item',
  'unpinned_item',
  'bot_add',
  'bot_remove',
  'channel_archive',
  'channel_unarchive',
]);

const DAY_FILE = /^(?:(.+)\/)?([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;
const DAY = 86_400_000;

/** What the decoding of message markup needs: people and channel names by id. */
interface Directory {
  people: Map<string, Person>;
  channels: Map<string, string>;
  scrubber: NameScrubber;
  roles: Record<string, string>;
}

/** Reads the messages of one channel of a Slack export inside the window. */
export function readSlack(path: string, ctx: ReadContext, shown: string): SourceResult {
  const isZip = statSync(path).isFile();
  const channelWanted = ctx.channel?.replace(/^#/, '');
  const first = new Date(ctx.since - DAY).toISOString().slice(0, 10);
  const last = new Date(ctx.until + DAY).toISOString().slice(0, 10);
  let files: ExportFiles;
  try {
    files = isZip
      ? zipFiles(path, (name) => {
          const day = DAY_FILE.exec(name);
          if (!day) return /(?:^|\/)(?:users|channels|groups)\.json$/.test(name);
          const date = day[3] as string;
          return (channelWanted === undefined || day[2] === channelWanted) && date >= first && date <= last;
        })
      : folderFiles(path);
  } catch (error) {
    const why = error instanceof ZipError ? error.message : (error as Error).message;
    return { events: [], messages: [{ file: shown, message: `cannot read the Slack export: ${why}` }] };
  }
  const messages: SourceMessage[] = [];
  const prefix = exportRoot(files.names);
  const channels = [...new Set(files.names.map((n) => DAY_FILE.exec(n)).flatMap((m) => (m ? [m[2] as string] : [])))];
  const channel = pickChannel(channels, channelWanted, shown);
  const directory = readDirectory(files, prefix, ctx.roles, shown, messages);
  const events: SourceEvent[] = [];
  const days = files.names
    .filter((n) => {
      const m = DAY_FILE.exec(n);
      return m && (m[1] ?? '') === prefix.replace(/\/$/, '') && m[2] === channel && m[3]! >= first && m[3]! <= last;
    })
    .sort();
  for (const name of days)
    readDay(files, name, `${shown}${isZip ? ':' : '/'}${name}`, ctx, directory, events, messages);
  return { events, messages };
}

/** A common top folder some archives put everything in (`export/users.json`), with its slash, or ''. */
function exportRoot(names: readonly string[]): string {
  if (names.some((n) => n === 'users.json' || n === 'channels.json')) return '';
  const nested = names.find((n) => /^[^/]+\/(?:users|channels)\.json$/.test(n));
  return nested ? nested.slice(0, nested.indexOf('/') + 1) : '';
}

function pickChannel(channels: string[], wanted: string | undefined, shown: string): string {
  if (wanted !== undefined) {
    if (channels.includes(wanted) || channels.length === 0) return wanted;
    throw new UsageError(`${shown}: no channel "${wanted}" in this Slack export; it has ${listOf(channels)}.`);
  }
  if (channels.length === 1) return channels[0] as string;
  if (channels.length === 0) throw new UsageError(`${shown}: expected channel folders with day files, found none.`);
  throw new UsageError(`${shown}: this Slack export has ${listOf(channels)}; choose one with --channel NAME.`);
}

function listOf(channels: string[]): string {
  const sorted = [...channels].sort();
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(', ')} and ${sorted.length - 12} more` : sorted.join(', ');
}

function readList(files: ExportFiles, name: string, shown: string, messages: SourceMessage[]): unknown[] {
  if (!files.names.includes(name)) return [];
  const got = files.read(name);
  if ('problem' in got) {
    messages.push({ file: `${shown}/${name}`, message: `cannot read: ${got.problem}` });
    return [];
  }
  const parsed = parseJson(got.text, `${shown}/${name}`);
  if ('message' in parsed) {
    messages.push(parsed.message);
    return [];
  }
  if (!Array.isArray(parsed.value)) {
    messages.push({ file: `${shown}/${name}`, line: 1, column: 1, message: 'expected a JSON array' });
    return [];
  }
  return parsed.value;
}

function readDirectory(
  files: ExportFiles,
  prefix: string,
  roles: Record<string, string>,
  shown: string,
  messages: SourceMessage[],
): Directory {
  const people = new Map<string, Person>();
  for (const u of readList(files, `${prefix}users.json`, shown, messages)) {
    if (!isRecord(u) || typeof u.id !== 'string') continue;
    const profile = isRecord(u.profile) ? u.profile : {};
    const names = [u.name, u.real_name, profile.real_name, profile.display_name].filter(
      (n): n is string => typeof n === 'string' && n.trim() !== '',
    );
    people.set(u.id, { id: u.id, names: [...new Set(names)] });
  }
  const channels = new Map<string, string>();
  for (const file of ['channels.json', 'groups.json'])
    for (const c of readList(files, `${prefix}${file}`, shown, messages))
      if (isRecord(c) && typeof c.id === 'string' && typeof c.name === 'string') channels.set(c.id, c.name);
  return { people, channels, scrubber: new NameScrubber([...people.values()], roles), roles };
}

function readDay(
  files: ExportFiles,
  name: string,
  shown: string,
  ctx: ReadContext,
  directory: Directory,
  events: SourceEvent[],
  messages: SourceMessage[],
): void {
  const got = files.read(name);
  if ('problem' in got) {
    messages.push({ file: shown, message: `cannot read: ${got.problem}` });
    return;
  }
  const parsed = parseJson(got.text, shown);
  if ('message' in parsed) {
    messages.push(parsed.message);
    return;
  }
  if (!Array.isArray(parsed.value)) {
    messages.push({ file: shown, line: 1, column: 1, message: 'expected a JSON array of messages' });
    return;
  }
  let lines: number[] | null = null;
  const lineOf = (i: number) => (lines ??= elementLines(got.text, 1))[i];
  parsed.value.forEach((m, i) => {
    const ts = isRecord(m) ? Number(m.ts) : NaN;
    if (!isRecord(m) || !Number.isFinite(ts)) {
      messages.push({
        file: shown,
        line: lineOf(i),
        message: 'expected a message with a `ts` (epoch seconds); skipped',
      });
      return;
    }
    const at = Math.round(ts * 1000);
    if (at < ctx.since || at > ctx.until) return;
    if (typeof m.subtype === 'string' && DROPPED.has(m.subtype)) return;
    const raw = messageText(m);
    if (raw === null) return;
    const text = eventText(directory.scrubber.scrub(decodeMarkup(raw, directory)));
    if (text === '') return;
    const bot = m.subtype === 'bot_message' || typeof m.bot_id === 'string';
    const kind: EventKind = bot ? 'bot' : 'message';
    events.push({ at, text, kind, origin: `${shown}:${lineOf(i) ?? 1}` });
  });
}

/** A message's words: its text, else (bots) the first attachment's fallback, title or text. */
function messageText(m: Record<string, unknown>): string | null {
  if (typeof m.text === 'string' && m.text.trim() !== '') return m.text;
  const attachments = Array.isArray(m.attachments) ? m.attachments : [];
  for (const a of attachments) {
    if (!isRecord(a)) continue;
    for (const key of ['fallback', 'title', 'text', 'pretext']) {
      const value = a[key];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return null;
}

const MARKUP = /<([@#!])?([^<>|]*)(?:\|([^<>]*))?>/g;

/** Slack's message markup as words: mentions as roles, channels by name, links by label, entities decoded. */
export function decodeMarkup(text: string, directory: Pick<Directory, 'people' | 'channels' | 'roles'>): string {
  // Most messages hold no markup and no entity.
  if (!text.includes('<') && !text.includes('&')) return text;
  const out = text.replace(MARKUP, (_all, sigil: string | undefined, target: string, label: string | undefined) => {
    if (sigil === '@') return roleOf(directory.roles, directory.people.get(target) ?? { id: target, names: [] });
    if (sigil === '#') return `#${label ?? directory.channels.get(target) ?? 'a channel'}`;
    if (sigil === '!') {
      if (target === 'here' || target === 'channel' || target === 'everyone') return `@${target}`;
      if (target.startsWith('subteam^')) return label?.replace(/^@/, '') ?? 'a team';
      return label ?? '';
    }
    if (label !== undefined) return label;
    return target.replace(/^mailto:/, '');
  });
  return out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** True when `path` looks like a Slack export: a `.zip`, or a folder with `users.json` or `channels.json`. */
export function looksLikeSlack(path: string, names: readonly string[]): boolean {
  return (
    basename(path).toLowerCase().endsWith('.zip') || names.includes('channels.json') || names.includes('users.json')
  );
}
