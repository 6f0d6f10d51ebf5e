import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';

// Kept apart from sections.ts: loading the Markdown parser costs about as much CPU as reading
// 1,000 postmortems, and the fast readers (stats) only need it for the rare file they hand over.

/** Parses a section's Markdown with GFM tables: the full parser, for what the line readers cannot take. */
export function parseSectionMarkdown(content: string): Root {
  return fromMarkdown(content, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}
