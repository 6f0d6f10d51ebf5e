/**
 * A fast reader for callers that need a few front-matter keys and the action items of many files
 * (`stats`): it lives beside the full parser so that both read a file the same way.
 */
import { findSection, parseActionItems, scanSections } from './body.js';
import { readPlainYaml } from './simple-yaml.js';
import type { ActionItemsTable, Section } from './types.js';

/** What the fast reader gives: the selected keys' values, the line of each, and the action items. */
export interface SelectedKeys {
  data: Record<string, unknown>;
  /** Line of each selected top-level key. */
  keyLines: Map<string, number>;
  actionItems: ActionItemsTable | null;
}

const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

const ACTION_ITEMS_HEADING = /^ {0,3}##[ \t]+action items(?:[ \t]+#+)?[ \t]*\r?$/im;
const NEXT_HEADING = /^ {0,3}#{1,2}(?:[ \t]|\r?$)/m;

function lineCount(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The action-items section found without scanning every heading of the body, when the body has no
 * fenced code or HTML comment (where a heading-like line is not a heading); otherwise null, and the
 * model's section scanner decides.
 */
function actionItemsDirect(text: string, bodyStart: number, bodyStartLine: number): Section | null | undefined {
  if (text.includes('```', bodyStart) || text.includes('~~~', bodyStart) || text.includes('<!--', bodyStart))
    return undefined;
  const body = text.slice(bodyStart);
  const heading = ACTION_ITEMS_HEADING.exec(body);
  if (!heading) return null;
  const contentStart = body.indexOf('\n', heading.index);
  if (contentStart === -1) return null;
  const rest = body.slice(contentStart + 1);
  const next = NEXT_HEADING.exec(rest);
  const line = bodyStartLine + lineCount(body, heading.index);
  return {
    title: 'Action items',
    depth: 2,
    line,
    column: 1,
    contentStartLine: line + 1,
    endLine: line + lineCount(rest, next ? next.index : rest.length),
    content: next ? rest.slice(0, Math.max(0, next.index - 1)) : rest,
  };
}

/**
 * The front-matter values of the given top-level keys, their lines and the action items, through a
 * fast path: the plain-subset YAML reader `readFrontMatter` tries first, and the action-items
 * section found without scanning every heading. Returns null for anything the plain reader is not
 * sure of (the full parser then decides, and reports what is wrong); where it returns a value, it
 * is what `parsePostmortem` gives (test/model/selected-keys.test.ts checks this on generated and
 * real files). The whole block is read, not only the selected keys: a broken key elsewhere makes
 * the file unreadable for every command alike.
 */
export function readSelectedKeys(text: string, keys: ReadonlySet<string>): SelectedKeys | null {
  let end = text.indexOf('\n');
  if (
    end === -1 ||
    text
      .slice(0, end)
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '') !== '---'
  )
    return null;
  const lines: string[] = [];
  let closed = false;
  while (end !== -1) {
    const start = end + 1;
    end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
    if (CLOSE.test(line)) {
      closed = true;
      break;
    }
    lines.push(line);
  }
  if (!closed) return null;
  const plain = readPlainYaml(lines, 2, false);
  if (!plain) return null;
  const data: Record<string, unknown> = {};
  const keyLines = new Map<string, number>();
  for (const key of keys) {
    if (!Object.hasOwn(plain.data, key)) continue;
    data[key] = plain.data[key];
    const at = plain.keys.get(key);
    if (at) keyLines.set(key, at.key.line);
  }
  const bodyStart = end === -1 ? text.length : end + 1;
  const bodyStartLine = lines.length + 3;
  let section = actionItemsDirect(text, bodyStart, bodyStartLine);
  if (section === undefined)
    section = findSection(scanSections(text.slice(bodyStart), bodyStartLine), 'Action items') ?? null;
  return { data, keyLines, actionItems: section ? parseActionItems(section) : null };
}
