import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { proseLines } from '../../src/lint/prose.js';
import { parsePostmortem } from '../../src/model/index.js';
import { scanSections } from '../../src/model/sections.js';

// The line scanners' fenced code against micromark (CommonMark) on generated documents that mix
// fences of both kinds and many lengths, info strings (with backticks and tildes), indentation of
// 0 to 5 spaces or a tab, trailing text after would-be closing fences, text, headings and blank lines:
// lint's prose never holds a line CommonMark puts in fenced code, and holds every line CommonMark
// shows as text; the sections scan finds exactly CommonMark's headings.

const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '     ', '\t', ' \t');
const fenceRun = fc.tuple(fc.constantFrom('`', '~'), fc.integer({ min: 2, max: 5 })).map(([c, n]) => c.repeat(n));
const info = fc.constantFrom('', 'js', ' yaml', ' a`b', '`', ' ~~~', 'x y', '  ', '\t', ' ```', ' {.x}');
const fenceLine = fc.tuple(indent, fenceRun, info).map(([i, f, s]) => `${i}${f}${s}`);
const textLine = fc.tuple(
  indent,
  fc.constantFrom('word', 'two words', 'a `code` span', 'b``', 'an idiot did it', 'x ~~~', 'y ```'),
);
const line = fc.oneof(
  { weight: 4, arbitrary: fenceLine },
  { weight: 3, arbitrary: textLine.map(([i, t]) => `${i}${t}`) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '\t') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => `${'#'.repeat(n)} Heading`) },
);
const documents = fc.array(line, { minLength: 1, maxLength: 24 });

/** Lines (1-based, of the body) in each kind of block CommonMark gives the body. */
function commonMark(body: string): { fenced: Set<number>; code: Set<number>; text: Set<number>; headings: number[] } {
  const tree: Root = fromMarkdown(body);
  const lines = body.split('\n');
  const fenced = new Set<number>();
  const code = new Set<number>();
  const text = new Set<number>();
  const headings: number[] = [];
  const mark = (set: Set<number>, node: Nodes) => {
    for (let n = node.position!.start.line; n <= node.position!.end.line; n++) set.add(n);
  };
  for (const node of tree.children) {
    if (node.type === 'code') {
      mark(code, node);
      // An indented code block starts with four columns of indentation; a fenced one never does.
      if (/^ {0,3}(`{3}|~{3})/.test(lines[node.position!.start.line - 1] as string)) mark(fenced, node);
    } else if (node.type === 'paragraph') mark(text, node);
    else if (node.type === 'heading') {
      mark(text, node);
      headings.push(node.position!.start.line);
    } else throw new Error(`unexpected ${node.type} in a generated document`);
  }
  return { fenced, code, text, headings };
}

describe('fenced code as CommonMark has it', () => {
  it('lint prose and sections agree with micromark on which lines are code', () => {
    fc.assert(
      fc.property(documents, (lines) => {
        const body = `${lines.join('\n')}\n`;
        const cm = commonMark(body);
        const { postmortem } = parsePostmortem(`---\nid: x\n---\n${body}`, 'x.md');
        const first = postmortem.bodyStartLine;
        const prose = new Set(
          proseLines(postmortem)
            .filter((l) => !l.frontMatter)
            .map((l) => l.line - first + 1),
        );
        lines.forEach((text, i) => {
          const n = i + 1;
          if (text.trim() === '') return;
          if (cm.fenced.has(n)) expect(prose.has(n), `line ${n} is fenced code`).toBe(false);
          if (!cm.code.has(n)) expect(prose.has(n), `line ${n} is text`).toBe(true);
        });
        const sections = scanSections(body, 1);
        expect(sections.map((s) => s.line)).toEqual(cm.headings);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['a backtick fence whose info string holds a backtick is text', '```a`b\nan idiot\n```\n', [1, 2]],
    ['a closing fence indented four spaces is code', '```\ncode\n    ```\ncode\n```\nan idiot\n', [6]],
    ['a closing fence with text after it is code', '~~~\ncode\n~~~ x\ncode\n~~~\nan idiot\n', [6]],
    ['a closing fence indented by a tab is code', '```\ncode\n\t```\ncode\n```\nan idiot\n', [6]],
  ])('%s', (_name, body, shown) => {
    const { postmortem } = parsePostmortem(`---\nid: x\n---\n${body}`, 'x.md');
    const lines = proseLines(postmortem)
      .filter((l) => !l.frontMatter && l.text.trim() !== '')
      .map((l) => l.line - postmortem.bodyStartLine + 1);
    expect(lines).toEqual(shown);
  });
});
