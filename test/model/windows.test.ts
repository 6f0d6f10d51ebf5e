import { describe, expect, it } from 'vitest';
import { checkImpactWindows, parsePostmortem } from '../../src/model/index.js';

/** A postmortem whose impact has the given `windows:` YAML lines (indented under impact). */
function withWindows(lines: string[]) {
  const source = [
    '---',
    'started: "2018-05-15T14:02:00+02:00"',
    'mitigated: "2018-05-15T16:34:00+02:00"',
    'resolved: "2018-05-15T18:10:00+02:00"',
    'impact:',
    '  data_loss: false',
    ...lines.map((l) => `  ${l}`),
    '---',
    '',
  ].join('\n');
  return parsePostmortem(source, 'x.md').postmortem;
}

const w = (start: string, end: string) => [`  - start: "${start}"`, `    end: "${end}"`];

describe('checkImpactWindows', () => {
  it('accepts ordered windows from started to before resolved, and no windows at all', () => {
    const pm = withWindows([
      'windows:',
      ...w('2018-05-15T14:02:00+02:00', '2018-05-15T14:31:00+02:00'),
      ...w('2018-05-15T13:48:00Z', '2018-05-15T16:34:00+02:00'),
    ]);
    expect(checkImpactWindows(pm)).toEqual([]);
    expect(checkImpactWindows(withWindows([]))).toEqual([]);
  });

  it.each([
    [
      'a first window that does not start at started',
      ['windows:', ...w('2018-05-15T14:05:00+02:00', '2018-05-15T14:31:00+02:00')],
      { line: 8, column: 14, message: 'Expected the first impact window to start at `started`' },
    ],
    [
      'an end before its start',
      ['windows:', ...w('2018-05-15T14:02:00+02:00', '2018-05-15T14:01:00+02:00')],
      { line: 9, column: 12, message: 'Expected `impact.windows[0].end` after its start' },
    ],
    [
      'overlapping windows',
      [
        'windows:',
        ...w('2018-05-15T14:02:00+02:00', '2018-05-15T14:31:00+02:00'),
        ...w('2018-05-15T14:30:00+02:00', '2018-05-15T14:40:00+02:00'),
      ],
      { line: 10, column: 14, message: 'found it overlapping' },
    ],
    [
      'windows out of order',
      [
        'windows:',
        ...w('2018-05-15T14:02:00+02:00', '2018-05-15T14:31:00+02:00'),
        ...w('2018-05-15T14:00:00+02:00', '2018-05-15T14:01:00+02:00'),
      ],
      { line: 10, column: 14, message: 'found it out of order' },
    ],
    [
      'a window after resolved',
      ['windows:', ...w('2018-05-15T14:02:00+02:00', '2018-05-15T18:11:00+02:00')],
      { line: 9, column: 12, message: 'at or before `resolved`' },
    ],
    [
      'a timestamp without an offset',
      ['windows:', ...w('2018-05-15T14:02:00+02:00', '2018-05-15T14:31:00')],
      { line: 9, column: 12, message: 'Expected `impact.windows[0].end` as ISO 8601 with an offset' },
    ],
    ['an empty list', ['windows: []'], { line: 7, column: 12, message: 'found an empty list' }],
    ['not a list', ['windows: often'], { line: 7, column: 12, message: 'found string' }],
  ])('reports %s with its position', (_name, lines, expected) => {
    const [first] = checkImpactWindows(withWindows(lines));
    expect(first).toMatchObject({ line: expected.line, column: expected.column });
    expect(first?.message).toContain(expected.message);
  });
});
