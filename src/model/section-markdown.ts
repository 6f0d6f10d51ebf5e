import { createRequire } from 'node:module';
import type { Root } from 'mdast';

// Kept apart from sections.ts, and loaded on first use: the Markdown parser (about 130 modules,
// 140 ms of CPU to load, as much as reading 1,000 postmortems) is needed only for a section the line
// readers cannot take. A lint thread or a stats run over ordinary postmortems never loads it (none of
// the 10,000 real-prose bench files needs it). It is loaded synchronously, as parsing is: require()
// of these ES modules is part of Node from 20.19 on, the oldest version supported.

type Parse = (content: string) => Root;
let parse: Parse | undefined;

function loadParser(): Parse {
  const require = createRequire(import.meta.url);
  const { fromMarkdown } = require('mdast-util-from-markdown') as typeof import('mdast-util-from-markdown');
  const { gfmTable } = require('micromark-extension-gfm-table') as typeof import('micromark-extension-gfm-table');
  const { gfmTableFromMarkdown } = require('mdast-util-gfm-table') as typeof import('mdast-util-gfm-table');
  return (content) => fromMarkdown(content, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/** Parses a section's Markdown with GFM tables: the full parser, for what the line readers cannot take. */
export function parseSectionMarkdown(content: string): Root {
  return (parse ??= loadParser())(content);
}
