import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { markdownCodeSpan } from '../../src/render/escape.js';
import { computeStats, type IncidentRecord } from '../../src/stats/index.js';
import { formatMarkdown } from '../../src/stats/formats/markdown.js';

// The stats page is committed next to the postmortems and shown by GitHub, which renders Markdown
// with raw HTML allowed (then sanitises; other renderers do not). micromark with HTML on is that renderer.
function html(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
}

const EXPECTED_ELEMENTS = [
  'code',
  'h1',
  'h2',
  'h3',
  'li',
  'p',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];

function elements(page: string): string[] {
  return [...new Set([...page.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase()))].sort();
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const IDS = [
  'a`<img src=x onerror=alert(1)>`',
  '``b``',
  '`',
  'c```d',
  'e\n# f <img src=y onerror=alert(2)>',
  // The last id starts each chain's sentence, which starts a list item: no list inside it.
  '1) q',
];

function record(id: string, i: number): IncidentRecord {
  const started = `2020-01-${String(10 + i).padStart(2, '0')}T10:00:00Z`;
  return {
    path: `pm/${i}.md`,
    id,
    severity: 'SEV2',
    services: ['checkout', 'x\n<img src=z onerror=alert(3)>\n- item'],
    categories: ['capacity', '`y`\n\n<img src=w onerror=alert(4)>'],
    started,
    startedMs: Date.parse(started),
    month: '2020-01',
    quarter: '2020-Q1',
    timeToDetect: 60_000,
    timeToMitigate: 30 * 60_000,
    timeToResolve: 90 * 60_000,
    impactMs: 30 * 60_000,
    impactFromWindows: false,
    customersAffected: 10,
    actionItems: [
      {
        postmortem: id,
        path: `pm/${i}.md`,
        line: 20,
        type: 'prevent\n<img src=v onerror=alert(5)>',
        owner: 'sre`<img src=u onerror=alert(6)>`\n> quote',
        due: null,
        status: 'open',
      },
    ],
  };
}

describe('stats --format markdown in a CommonMark renderer with HTML on', () => {
  const report = computeStats(
    {
      files: IDS.length,
      records: IDS.map(record),
      unreadable: [
        { path: 'pm/`<img src=t onerror=alert(7)>`.md', line: 1, column: 1, message: 'Expected front matter.' },
      ],
      warnings: [],
    },
    { now: '2020-06-01', windowDays: 180 },
  );
  const markdown = formatMarkdown(report);
  const page = html(markdown);

  it('has no element but the page structure: no <img>, no heading or list out of an id or a cell', () => {
    expect(report.recurrence.chains.length).toBeGreaterThan(0);
    expect(elements(page)).toEqual(EXPECTED_ELEMENTS);
    expect(page).not.toContain('<img');
  });

  it('shows every id of a chain whole, in a code span of its own', () => {
    const codes = [...page.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => decode(m[1] as string));
    for (const id of IDS) expect(codes).toContain(id.replace(/\n/g, ' '));
  });
});

describe('markdownCodeSpan', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['``b``', '``` ``b`` ```'],
    ['`', '`` ` ``'],
    [' padded ', '`  padded  `'],
    ['line\nbreak', '`line break`'],
  ])('markdownCodeSpan(%j) = %j, which CommonMark reads back as the text', (text, span) => {
    expect(markdownCodeSpan(text)).toBe(span);
    expect(html(markdownCodeSpan(text))).toBe(`<p><code>${text.replace(/\n/g, ' ')}</code></p>`);
  });
});
