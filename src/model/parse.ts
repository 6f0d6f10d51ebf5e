import { Buffer, isUtf8 } from 'node:buffer';
import { readFrontMatter } from './frontmatter.js';
import { findSection, parseActionItems, parseTimeline, scanSections } from './body.js';
import type { ParseResult, Postmortem, Problem } from './types.js';

export { idFromPath } from './display-path.js';

/** Largest file the parser reads; beyond it the file is reported, not parsed. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Names of the sections the parser reads structures from; a project may rename them. */
export interface ParseOptions {
  timelineSection?: string;
  actionItemsSection?: string;
}

function fatal(path: string, source: string, message: string, line = 1, column = 1): ParseResult {
  const problem: Problem = { ruleId: 'frontmatter-schema', severity: 'error', message, line, column };
  return {
    postmortem: {
      path,
      source,
      data: {},
      frontMatter: null,
      keys: new Map(),
      body: '',
      bodyStartLine: 1,
      sections: [],
      timeline: [],
      actionItems: null,
    },
    problems: [problem],
  };
}

/** Parses postmortem text (front matter and body) into a typed value; never throws on bad input. */
export function parsePostmortem(source: string, path = 'postmortem.md', options: ParseOptions = {}): ParseResult {
  const nul = source.indexOf('\u0000');
  if (nul !== -1) {
    const before = source.slice(0, nul);
    const line = before.split('\n').length;
    return fatal(
      path,
      source,
      'Expected a text file, found binary content (a NUL byte).',
      line,
      nul - before.lastIndexOf('\n'),
    );
  }
  const fm = readFrontMatter(source);
  const sections = scanSections(fm.body, fm.bodyStartLine);
  const timelineSection = findSection(sections, options.timelineSection ?? 'Timeline');
  const actionSection = findSection(sections, options.actionItemsSection ?? 'Action items');
  const postmortem: Postmortem = {
    path,
    source,
    data: fm.data,
    frontMatter: fm.block,
    keys: fm.keys,
    body: fm.body,
    bodyStartLine: fm.bodyStartLine,
    sections,
    timeline: timelineSection ? parseTimeline(timelineSection) : [],
    actionItems: actionSection ? parseActionItems(actionSection) : null,
  };
  return { postmortem, problems: fm.problems };
}

/** Decodes file bytes as UTF-8 text, reporting binary or oversized content as a problem. */
export function parsePostmortemBytes(bytes: Uint8Array, path: string, options: ParseOptions = {}): ParseResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return fatal(
      path,
      '',
      `Expected a file of at most ${MAX_FILE_BYTES / 1024 / 1024} MB, found ${bytes.length} bytes.`,
    );
  }
  // A validity check and Buffer's decoder instead of a fatal TextDecoder: the same verdict on every
  // byte sequence, at a fraction of the cost (2.4 % of a lint thread's CPU went to decode). Like
  // TextDecoder, the text leaves out a byte order mark.
  if (!isUtf8(bytes))
    return fatal(path, '', 'Expected UTF-8 text, found bytes that are not valid UTF-8 (a binary file?).');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom);
  return parsePostmortem(source, path, options);
}
