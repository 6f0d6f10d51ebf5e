/**
 * `postmortem status`: reads or changes the `status` of a postmortem. A change edits only the value
 * of the `status:` line (every other byte stays), and is refused when lint's own rules find errors
 * in the changed file that the file did not have before (final needs mitigated, resolved, root
 * causes and no placeholders, …).
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { loadConfig } from '../config/load.js';
import { RULE_CATALOG } from '../lint/catalog.js';
import { lintText } from '../lint/engine.js';
import { resolveSettings } from '../lint/settings.js';
import type { LintMessage } from '../lint/types.js';
import { InputError, ProblemsError } from '../model/errors.js';
import { readFrontMatter } from '../model/frontmatter.js';
import { STATUSES, parsePostmortem, readTextBounded, writeFileAtomic } from '../model/index.js';

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

/** The `status:` value has a form a one-word rewrite would break (a block scalar, an alias, …) (exit 1). */
export class UnusualStatusValueError extends InputError {
  /** `where`: `file:line:col` of the value; `found`: what the value is. */
  constructor(where: string, found: string) {
    super(
      `${where}: status: Expected a plain value such as \`status: draft\`, found ${found}; ` +
        'write the status as one plain word and run the command again.',
    );
  }
}

/** Offsets in `source` where each of its first `count` lines starts. */
function lineStarts(source: string, count: number): number[] {
  const starts = [0];
  for (let at = 0; starts.length < count;) {
    const next = source.indexOf('\n', at);
    if (next === -1) break;
    starts.push(next + 1);
    at = next + 1;
  }
  return starts;
}

/** What makes a `status:` value unusual, or null for a scalar a plain word can replace. */
function unusualForm(document: Document.Parsed, value: unknown): string | null {
  if (isAlias(value)) return `an alias (\`*${value.source}\`)`;
  if (!isScalar(value)) return 'a collection';
  if (value.type === 'BLOCK_FOLDED' || value.type === 'BLOCK_LITERAL') return 'a block scalar (`|` or `>`)';
  if (value.tag !== undefined && value.tag !== 'tag:yaml.org,2002:str') return `a value tagged \`${value.tag}\``;
  const anchor = value.anchor;
  // Aliases of the anchor take its value: changing the status would change them too.
  if (anchor !== undefined) {
    let used = false;
    visit(document, { Alias: (_key, node) => void (used ||= node.source === anchor) });
    if (used) return `an anchor (\`&${anchor}\`) that other values refer to`;
  }
  return null;
}

/**
 * The text with the top-level `status:` value of its front matter replaced; null without one.
 * Only the value's own characters change (its tag, anchor, comment and every other byte stay),
 * found by the YAML parser the model reads with; a value a plain word cannot replace is refused
 * with UnusualStatusValueError. `name` is the file as messages show it.
 */
export function replaceStatus(source: string, status: Status, name = 'postmortem.md'): string | null {
  const { block } = readFrontMatter(source);
  if (!block) return null;
  const lineCounter = new LineCounter();
  const document = parseDocument(block.raw, { lineCounter, uniqueKeys: true, strict: true });
  if (document.errors.length > 0 || !isMap(document.contents)) return null;
  const pair = document.contents.items.find((p) => isScalar(p.key) && p.key.value === 'status');
  if (!pair) return null;
  const value = pair.value as YamlNode | null;
  const range = value?.range ?? (pair.key as YamlNode).range;
  if (!range) return null;
  // The block's lines lost their `\r`; columns are the same in the file, lines are shifted.
  const toSource = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    const line = pos.line + block.contentStartLine - 1;
    return { line, col: pos.col, offset: (lineStarts(source, line)[line - 1] as number) + pos.col - 1 };
  };
  const start = toSource(range[0]);
  const found = value ? unusualForm(document, value) : null;
  if (found !== null) throw new UnusualStatusValueError(`${name}:${start.line}:${start.col}`, found);
  const end = value ? toSource(range[1]).offset : start.offset;
  // An empty value (`status:`, `status: !!str`) gets the space a plain word needs after `:` or a tag.
  const gap = start.offset === end && !/[ \t]/.test(source[start.offset - 1] ?? '') ? ' ' : '';
  return source.slice(0, start.offset) + gap + status + source.slice(end);
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
  const after = replaceStatus(source, options.status, options.name ?? options.path);
  if (after === null) throw new NoStatusLineError(options.name ?? options.path);
  const blocking = await newErrors(options.cwd, options.path, source, after, options.configPath);
  if (blocking.length === 0) await writeFileAtomic(options.path, after, { force: true });
  return { from, to: options.status, changed: blocking.length === 0, blocking };
}
