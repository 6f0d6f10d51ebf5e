import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { examples } from '../helpers/examples.js';

const base = examples()[0]!;

/** Applies a text change to a valid example and returns the problems with the line of `marker`. */
function problemsAfter(change: (text: string) => string, path = base.path) {
  const text = change(base.text);
  const { postmortem, problems } = parsePostmortem(text, path);
  expect(problems).toEqual([]);
  return { text, problems: checkPostmortem(postmortem, {}, 'warning') };
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`needle not found: ${needle}`);
  return index + 1;
}

describe('checkPostmortem', () => {
  it('finds nothing wrong in a valid example', () => {
    expect(problemsAfter((t) => t).problems).toEqual([]);
  });

  const cases: Array<[string, (t: string) => string, string, string]> = [
    ['a wrong severity', (t) => t.replace(/^severity: .*$/m, 'severity: SEV9'), 'frontmatter-schema', 'severity: SEV9'],
    ['a wrong status', (t) => t.replace(/^status: .*$/m, 'status: done'), 'frontmatter-schema', 'status: done'],
    [
      'a title with a trailing period',
      (t) => t.replace(/^title: .*$/m, 'title: Down again.'),
      'frontmatter-schema',
      'title: Down again.',
    ],
    [
      'a missing offset',
      (t) => t.replace(/^started: .*$/m, 'started: "2019-03-12T09:14:00"'),
      'timestamp-offset',
      'started: "2019-03-12T09:14:00"',
    ],
    [
      'an impossible date',
      (t) => t.replace(/^started: .*$/m, 'started: "2019-02-30T09:14:00Z"'),
      'timestamp-offset',
      'started: "2019-02-30',
    ],
    [
      'detected before started',
      (t) => t.replace(/^detected: .*$/m, 'detected: "2000-01-01T00:00:00Z"'),
      'moment-order',
      'detected: "2000-01-01',
    ],
    ['a final file without resolved', (t) => t.replace(/^resolved: .*\n/m, ''), 'status-requirements', 'status: final'],
    [
      'an id that differs from the file name',
      (t) => t.replace(/^id: .*$/m, 'id: 2019-03-12-other'),
      'id-filename',
      'id: 2019-03-12-other',
    ],
    [
      'an unknown category',
      (t) => t.replace(/category: [a-z-]+/, 'category: gremlins'),
      'root-cause-category',
      'category: gremlins',
    ],
    ['a missing section', (t) => t.replace(/^## Detection$/m, '## Spotting'), 'required-sections', '---\n'],
    [
      'a timeline item without zone',
      (t) => t.replace(/^- (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) [+-]\d{2}:\d{2} —/m, '- $1 —'),
      'timeline-format',
      'ZONELESS',
    ],
    [
      'an owner-less action item',
      (t) => t.replace(/^(\| [^|]+ \| (?:prevent|mitigate|detect|process) \| )[^|]+\|/m, '$1 |'),
      'action-item-owner',
      'OWNERLESS',
    ],
  ];

  it.each(cases)('reports %s with its rule and line', (_name, change, ruleId, needle) => {
    const { text, problems } = problemsAfter(change);
    const found = problems.filter((p) => p.ruleId === ruleId);
    expect(found.length).toBeGreaterThan(0);
    if (needle === 'ZONELESS') {
      expect(text.split('\n')[found[0]!.line - 1]).toMatch(/^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} —/);
    } else if (needle === 'OWNERLESS') {
      expect(text.split('\n')[found[0]!.line - 1]).toMatch(/\|\s+\|/);
    } else if (needle === '---\n') {
      expect(found[0]!.line).toBe(text.split('\n').indexOf('---', 1) + 2);
    } else {
      expect(found[0]!.line).toBe(lineOf(text, needle));
    }
    expect(found[0]!.message).toMatch(/^Expected .+, found .+\.$/);
  });

  it('reports timeline items out of order at the later item', () => {
    const { text, problems } = problemsAfter((t) => {
      const lines = t.split('\n');
      const first = lines.findIndex((l) => /^- \d{4}-/.test(l));
      [lines[first], lines[first + 1]] = [lines[first + 1]!, lines[first]!];
      return lines.join('\n');
    });
    const found = problems.filter((p) => p.ruleId === 'timeline-order');
    expect(found).toHaveLength(1);
    expect(text.split('\n')[found[0]!.line - 1]).toMatch(/^- \d{4}-/);
  });

  it('accepts extra categories and sections from the project options', () => {
    const { postmortem } = parsePostmortem(base.text.replace(/category: [a-z-]+/, 'category: gremlins'), base.path);
    expect(checkPostmortem(postmortem, { categories: ['gremlins'] }, 'warning')).toEqual([]);
  });
});

describe('checkPostmortem for render, notice and new', () => {
  const complete = readFileSync(new URL('../fixtures/complete-postmortem.md', import.meta.url), 'utf8');
  const parse = (text: string, path = '/x/2020-01-01-api-outage.md') => parsePostmortem(text, path).postmortem;

  it('finds nothing in a complete postmortem, and the errors lint finds in a broken one', () => {
    expect(checkPostmortem(parse(complete), {}, 'warning')).toEqual([]);
    const broken = complete.replace('severity: SEV2', 'severity: high');
    expect(checkPostmortem(parse(broken)).map((p) => [p.ruleId, p.severity, p.line])).toEqual([
      ['frontmatter-schema', 'error', 5],
    ]);
  });

  it('returns errors only unless asked for warnings too', () => {
    const swapped = complete.replace('## Impact', '## Notes').replace('## Summary', '## Impact\n\n## Summary');
    expect(checkPostmortem(parse(swapped))).toEqual([]);
    expect(checkPostmortem(parse(swapped), {}, 'warning').map((p) => [p.ruleId, p.severity])).toEqual([
      ['section-order', 'warning'],
    ]);
  });

  it('turns the id-equals-file-name part off for a file handed over by name, and reads the project sections', () => {
    const renamed = parse(complete, '/x/notes.md');
    expect(checkPostmortem(renamed).map((p) => p.ruleId)).toEqual(['id-filename']);
    expect(checkPostmortem(renamed, { idMatchesFileName: false })).toEqual([]);
    const short = complete.replace(/## Detection[\s\S]*?## Resolution/, '## Resolution');
    expect(checkPostmortem(parse(short)).map((p) => p.ruleId)).toEqual(['required-sections']);
    const sections = ['Summary', 'Impact', 'Timeline', 'Root cause', 'Resolution', 'Action items'];
    expect(checkPostmortem(parse(short), { sections, requiredSections: sections })).toEqual([]);
  });

  it('leaves out the rules that do not check the format (notice-leak, no-placeholder, blameless-language)', () => {
    const text = complete.replace('The change was reverted.', 'TODO: Dana forgot the limit; human error.');
    expect(checkPostmortem(parse(text), {}, 'warning')).toEqual([]);
  });
});
