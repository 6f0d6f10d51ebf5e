import { describe, expect, it } from 'vitest';
import { parsePostmortem, parsePostmortemBytes, stringifyPostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { examples } from '../helpers/examples.js';
import { linearWork } from '../helpers/scan-work.js';

const minimal = (frontMatter: string, body = '## Summary\n\nText.\n') => `---\n${frontMatter}\n---\n\n${body}`;

describe('parsePostmortem: structure and positions', () => {
  const text = [
    '---', // 1
    'id: 2017-09-21-crm-release', // 2
    'title: CRM down', // 3
    'started: 2017-09-21T14:02:00+02:00', // 4
    'impact:', // 5
    '  customers_affected: 12', // 6
    'x-team-field: keep me', // 7
    '---', // 8
    '', // 9
    '## Timeline', // 10
    '', // 11
    '- 2017-09-21 14:02 +02:00 — Release deployed', // 12
    '- 2017-09-21 12:04 UTC - Alert fires', // 13
    '', // 14
    '```', // 15
    '## Not a heading', // 16
    '```', // 17
    '', // 18
    '## Action items', // 19
    '', // 20
    '| Action | Type | Owner | Due | Status |', // 21
    '|---|---|---|---|---|', // 22
    '| Split a \\| b | prevent | sre | 2017-10-01 | open |', // 23
    '',
  ].join('\n');
  const { postmortem, problems } = parsePostmortem(text, 'x/2017-09-21-crm-release.md');

  it('reads front matter with timestamps kept as text and unknown keys kept', () => {
    expect(problems).toEqual([]);
    expect(postmortem.data.started).toBe('2017-09-21T14:02:00+02:00');
    expect(postmortem.data['x-team-field']).toBe('keep me');
    expect(postmortem.keys.get('impact.customers_affected')?.key).toMatchObject({ line: 6, column: 3 });
    expect(postmortem.keys.get('started')?.value).toMatchObject({ line: 4, column: 10 });
  });

  it('finds sections by line, ignoring headings inside code fences', () => {
    expect(postmortem.sections.map((s) => [s.title, s.line])).toEqual([
      ['Timeline', 10],
      ['Action items', 19],
    ]);
  });

  it('reads timeline items with their timestamp, zone, separator and position', () => {
    expect(postmortem.timeline).toHaveLength(2);
    const [first, second] = postmortem.timeline;
    expect(first).toMatchObject({ line: 12, column: 1, separator: '—', event: 'Release deployed' });
    expect(first?.timestamp).toMatchObject({
      text: '2017-09-21 14:02 +02:00',
      zone: '+02:00',
      instant: Date.parse('2017-09-21T12:02:00Z'),
    });
    expect(second?.timestamp?.instant).toBe(Date.parse('2017-09-21T12:04:00Z'));
    expect(second?.separator).toBe('-');
  });

  it('reads action-item rows with cell positions and unescaped pipes', () => {
    const row = postmortem.actionItems?.rows[0];
    expect(row?.line).toBe(23);
    expect(row?.cells.action?.text).toBe('Split a | b');
    expect(row?.cells.owner).toMatchObject({ text: 'sre', line: 23 });
  });
});

describe('round trip', () => {
  it.each(examples().map((e) => [e.name, e.text] as const))(
    '%s: parse -> write -> parse keeps data and body',
    (name, text) => {
      const first = parsePostmortem(text, name).postmortem;
      const written = stringifyPostmortem({ ...first.data, 'x-unknown': { nested: [1, 2] } }, first.body);
      const second = parsePostmortem(written, name);
      expect(second.problems).toEqual([]);
      expect(second.postmortem.data).toEqual({ ...first.data, 'x-unknown': { nested: [1, 2] } });
      expect(second.postmortem.body.trim()).toBe(first.body.trim());
      expect(second.postmortem.timeline).toHaveLength(first.timeline.length);
      // timestamps are quoted so that YAML 1.1 readers keep them as text too
      expect(written).toMatch(/^started: "\d{4}-/m);
    },
  );
});

describe('hostile input gives problems with positions, never a throw', () => {
  const cases: Array<[string, string, RegExp, number]> = [
    ['an empty file', '', /front matter opening/, 1],
    [
      'no front matter',
      '# Just a title\n\ntext\n',
      /front matter opening with `---` on line 1, found `# Just a title`/,
      1,
    ],
    ['unclosed front matter', '---\nid: x\ntitle: y\n', /closing `---`/, 1],
    // YAML notices the unclosed flow sequence where the next key starts
    ['invalid YAML', '---\nid: x\ntitle: [unclosed\nstatus: final\n---\n', /Expected valid YAML/, 4],
    ['a duplicate key', '---\nid: x\nid: y\n---\n', /unique/, 3],
    ['a list instead of a mapping', '---\n- a\n- b\n---\n', /mapping/, 2],
    ['binary content', '---\nid: x\n---\n\u0000\u0001\u0002', /binary/, 4],
    ['coffee front matter', '---coffee\nid: "x"\n---\n', /unsupported|refused/, 1],
  ];
  it.each(cases)('%s', (_name, text, message, line) => {
    const { problems } = parsePostmortem(text, 'bad.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.column).toBeGreaterThan(0);
  });

  it('refuses ---js front matter and never runs its code', () => {
    const g = globalThis as { __postmortemPwned?: boolean };
    delete g.__postmortemPwned;
    for (const lang of ['js', 'javascript']) {
      const text = `---${lang}\n{ id: (function () { globalThis.__postmortemPwned = true; return "x"; })() }\n---\n\nbody\n`;
      const { problems, postmortem } = parsePostmortem(text, 'evil.md');
      expect(problems[0]?.message).toMatch(/refused and never run/);
      expect(postmortem.data).toEqual({});
    }
    expect(g.__postmortemPwned).toBeUndefined();
  });

  // Counted, not timed: a bomb of 10 levels (10^10 values expanded) costs about what its text costs,
  // ten times the work of a 1-level one, because the reader refuses it before expanding it.
  it('refuses a YAML alias bomb in work that grows with its text, not with its expansion', async () => {
    const bomb = (depth: number) => {
      const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < depth; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
      }
      return `---\n${levels.join('\n')}\n---\n`;
    };
    const {
      value: { problems },
    } = await linearWork([1, 10], (depth) => {
      const text = bomb(depth);
      return () => parsePostmortem(text, 'bomb.md');
    });
    expect(problems[0]?.message).toMatch(/alias/i);
  });

  it('reads invalid UTF-8 bytes as a problem', () => {
    const { problems } = parsePostmortemBytes(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), 'bin.md');
    expect(problems[0]?.message).toMatch(/UTF-8/);
  });

  it('decodes bytes as a fatal TextDecoder does: the same text, a byte order mark left out, the same refusals', () => {
    const frontMatter = [0x2d, 0x2d, 0x2d, 0x0a, 0x69, 0x64, 0x3a, 0x20];
    const endings = [
      [0xc3, 0xa9], // é
      [0xf0, 0x9f, 0x98, 0x80], // an emoji, four bytes
      [0xed, 0xa0, 0x80], // a lone surrogate
      [0xc0, 0x80], // an overlong NUL
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe2, 0x82], // a cut sequence
    ];
    for (const bom of [[], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]]) {
      for (const ending of endings) {
        const bytes = [...bom, ...frontMatter, ...ending, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a];
        // A view into a larger buffer, as a pooled read gives.
        const view = new Uint8Array([0x78, ...bytes, 0x78]).subarray(1, bytes.length + 1);
        let expected: string | null;
        try {
          expected = new TextDecoder('utf-8', { fatal: true }).decode(view);
        } catch {
          expected = null;
        }
        const { postmortem, problems } = parsePostmortemBytes(view, 'x.md');
        if (expected === null) expect(problems[0]?.message).toMatch(/not valid UTF-8/);
        else expect(postmortem.source).toBe(expected);
      }
    }
  });

  it('parses a 1 MB timeline and reports its bad items with positions', () => {
    const items = Array.from(
      { length: 20_000 },
      (_, i) =>
        `- 2017-09-21 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} +02:00 — event ${i} with some words`,
    );
    items.push('- not a timestamp');
    const text = minimal('id: 2017-09-21-big\ntitle: Big', `## Timeline\n\n${items.join('\n')}\n`);
    expect(text.length).toBeGreaterThan(1_000_000);
    const { postmortem, problems } = parsePostmortem(text, '2017-09-21-big.md');
    expect(problems).toEqual([]);
    expect(postmortem.timeline).toHaveLength(20_001);
    const format = checkPostmortem(postmortem, {}, 'warning').filter((p) => p.ruleId === 'timeline-format');
    expect(format).toHaveLength(1);
    expect(format[0]?.line).toBe(text.split('\n').findIndex((l) => l === '- not a timestamp') + 1);
  });

  it('survives 5,000 levels of nested block quotes', () => {
    const text = minimal(
      'id: 2017-09-21-deep\ntitle: Deep',
      `## Timeline\n\n${'> '.repeat(5000)}deep\n\n## Action items\n\n${'> '.repeat(5000)}x\n`,
    );
    const { postmortem, problems } = parsePostmortem(text, '2017-09-21-deep.md');
    expect(problems).toEqual([]);
    expect(postmortem.timeline).toEqual([]);
    expect(checkPostmortem(postmortem, {}, 'warning').some((p) => p.ruleId === 'timeline-format')).toBe(true);
  });
});
