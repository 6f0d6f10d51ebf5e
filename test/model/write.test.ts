import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isYaml11NonText, stringifyPostmortem } from '../../src/model/write.js';
import { parsePostmortem } from '../../src/model/index.js';

/** The front-matter YAML of a written file. */
function frontMatter(text: string): string {
  const match = /^---\n([\s\S]*?)---\n/.exec(text);
  expect(match).not.toBeNull();
  return match?.[1] ?? '';
}

// Strings a YAML 1.1 reader (Psych, go-yaml v2, js-yaml 3) takes for a bool, null, number or timestamp.
const NON_TEXT = [
  'y',
  'Y',
  'n',
  'N',
  'yes',
  'Yes',
  'YES',
  'no',
  'No',
  'NO',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'yEs',
  '~',
  'null',
  'Null',
  'NULL',
  '0',
  '42',
  '-7',
  '+3',
  '1_000',
  '1,000',
  '0755',
  '0o17',
  '0x1F',
  '0xff',
  '0b1010',
  '1.5',
  '.5',
  '1.',
  '-2.5e+3',
  '1e5',
  '.inf',
  '-.Inf',
  '.NAN',
  '.nan',
  '1:20',
  '14:02',
  '190:20:30.15',
  '2024-03-01',
  '2024-3-1',
  '2024-03-01 14:02:00',
  '2024-03-01T14:02:00Z',
];
const TEXT = [
  'yesterday',
  'none',
  'offline',
  'release',
  'v1.2.3',
  '1.2.3-beta',
  'SEV2',
  'crm-web',
  '2024-03-01-checkout-down',
  'Ana Lima',
  'no data',
];

describe('stringifyPostmortem quotes what YAML 1.1 would not read as text', () => {
  it.each(NON_TEXT)('%j is written double-quoted', (value) => {
    expect(isYaml11NonText(value)).toBe(true);
    const yaml = frontMatter(stringifyPostmortem({ tags: [value], title: value }, ''));
    expect(yaml).toContain(`- ${JSON.stringify(value)}\n`);
    expect(yaml).toContain(`title: ${JSON.stringify(value)}\n`);
  });

  it.each(TEXT)('%j stays plain', (value) => {
    expect(isYaml11NonText(value)).toBe(false);
    expect(frontMatter(stringifyPostmortem({ tags: [value] }, ''))).toContain(`- ${value}\n`);
  });

  it('round-trips: a YAML 1.1 reader and our own parser get every string back as the same text', () => {
    const values = [...NON_TEXT, ...TEXT];
    const text = stringifyPostmortem(
      { id: '2024-03-01-x', tags: values, on: 'yes', impact: { description: 'no' } },
      '## Summary\n\nText.\n',
    );
    const yaml11 = parseYaml(frontMatter(text), { version: '1.1' }) as Record<string, unknown>;
    expect(yaml11.tags).toEqual(values);
    expect(yaml11.on).toBe('yes');
    expect(yaml11.impact).toEqual({ description: 'no' });
    const { postmortem } = parsePostmortem(text, '2024-03-01-x.md');
    expect(postmortem.data.tags).toEqual(values);
    expect(postmortem.data.on).toBe('yes');
  });

  it('keeps numbers and bools that are really numbers and bools unquoted', () => {
    const yaml = frontMatter(stringifyPostmortem({ impact: { customers_affected: 8400, data_loss: false } }, ''));
    expect(yaml).toContain('customers_affected: 8400\n');
    expect(yaml).toContain('data_loss: false\n');
  });
});
