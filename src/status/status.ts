/**
 * `postmortem status`: reads or changes the `status` of a postmortem. A change edits only the value
 * of the `status:` line (every other byte stays), and is refused when lint's own rules find errors
 * in the changed file that the file did not have before (final needs mitigated, resolved, root
 * causes and no placeholders, …).
 */
import { randomBytes } from 'node:crypto';
import { chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { RULE_CATALOG } from '../lint/catalog.js';
import { lintText } from '../lint/engine.js';
import { resolveSettings } from '../lint/settings.js';
import type { LintMessage } from '../lint/types.js';
import { InputError, ProblemsError } from '../model/errors.js';
import { STATUSES, parsePostmortem, readTextBounded } from '../model/index.js';

/** A postmortem status, in lifecycle order. */
export type Status = (typeof STATUSES)[number];

/** The file cannot be read as a postmortem; its problems say where (exit 1). */
export class UnreadablePostmortemError extends ProblemsError {}

/** The front matter has no `status:` line at its top level to change (exit 1). */
export class NoStatusLineError extends InputError {
  /** `name`: the file as the user named it. */
  constructor(name: string) {
    super(`${name}: status: Expected a \`status:\` line in the front matter, found none; add \`status: draft\` first.`);
  }
}

/** What a change did, or why it was refused. */
export interface StatusChange {
  from: string | null;
  to: Status;
  /** False when the file already had this status. */
  changed: boolean;
  /** Errors the new status brings; the file was not written when there are any. */
  blocking: LintMessage[];
}

/** The status recorded in a postmortem's text, or null. */
export function statusOf(source: string, path: string): string | null {
  const { postmortem, problems } = parsePostmortem(source, path);
  if (problems.some((p) => p.severity === 'error')) throw new UnreadablePostmortemError(path, problems);
  return typeof postmortem.data.status === 'string' ? postmortem.data.status : null;
}

/** The text with the top-level `status:` value of its front matter replaced; null without one. */
export function replaceStatus(source: string, status: Status): string | null {
  const open = /^(?:\uFEFF)?---\r?\n/.exec(source);
  if (!open) return null;
  const end = source.slice(open[0].length).search(/^---[ \t]*\r?$/m);
  const front = end === -1 ? source.length : open[0].length + end;
  const line = /^status:([ \t]*)(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s#]*)([ \t]*(?:#[^\r\n]*)?)$/m;
  const match = line.exec(source.slice(open[0].length, front));
  if (!match) return null;
  const at = open[0].length + match.index;
  const replaced = `status:${match[1] || ' '}${status}${match[2] ?? ''}`;
  return source.slice(0, at) + replaced + source.slice(at + match[0].length);
}

function key(m: LintMessage): string {
  return `${m.ruleId}\u0000${m.message.replace(/`?(draft|in-review|final|published)`?/g, '')}`;
}

/** Lint errors of `after` that `before` did not have: what the new status asks for. */
async function newErrors(cwd: string, path: string, before: string, after: string, configPath?: string) {
  const loaded = await loadConfig({ cwd, ...(configPath ? { configPath } : {}) });
  const settings = resolveSettings(RULE_CATALOG, loaded, [], new Date());
  const errors = (text: string) => lintText(text, path, settings).result.messages.filter((m) => m.severity === 2);
  const had = new Set(errors(before).map(key));
  return errors(after).filter((m) => !had.has(key(m)));
}

/** Replaces a file atomically, keeping its mode. */
async function replaceFile(path: string, text: string): Promise<void> {
  const { mode } = await stat(path);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await chmod(temp, mode & 0o7777);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Sets the status of the postmortem at `path` (absolute) after checking what the new status needs;
 * `name` is the file as the user named it, for messages.
 */
export async function setStatus(options: {
  cwd: string;
  path: string;
  name?: string;
  /** The file's text when the caller has read it already. */
  source?: string;
  status: Status;
  configPath?: string;
}): Promise<StatusChange> {
  const source = options.source ?? readTextBounded(options.path, options.name ?? options.path);
  const from = statusOf(source, options.path);
  if (from === options.status) return { from, to: options.status, changed: false, blocking: [] };
  const after = replaceStatus(source, options.status);
  if (after === null) throw new NoStatusLineError(options.name ?? options.path);
  const blocking = await newErrors(options.cwd, options.path, source, after, options.configPath);
  if (blocking.length === 0) await replaceFile(options.path, after);
  return { from, to: options.status, changed: blocking.length === 0, blocking };
}
