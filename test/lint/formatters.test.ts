import { describe, expect, it } from 'vitest';
import { github } from '../../src/lint/formatters/github.js';
import { json } from '../../src/lint/formatters/json.js';
import { junit } from '../../src/lint/formatters/junit.js';
import { sarif } from '../../src/lint/formatters/sarif.js';
import { stylish } from '../../src/lint/formatters/stylish.js';
import { RULES } from '../../src/lint/rules/index.js';
import type { LintResult } from '../../src/lint/types.js';

const results: LintResult[] = [
  {
    filePath: '/repo/postmortems/2020-01-01-a,b:c.md',
    messages: [
      {
        ruleId: 'frontmatter-schema',
        severity: 2,
        message: 'Expected `severity` to be one of SEV1, SEV2, found "100%\nx".',
        line: 5,
        column: 11,
        endLine: 5,
        endColumn: 15,
      },
      {
        ruleId: 'section-order',
        severity: 1,
        message: 'Expected `## Summary` before `## Impact` <&>, found it after.',
        line: 30,
        column: 1,
      },
      {
        ruleId: 'timeline-order',
        severity: 2,
        message: 'Expected timeline items in chronological order, found "b" after "a".',
        line: 38,
        column: 1,
        fixable: true,
      },
    ],
    errorCount: 2,
    warningCount: 1,
    fixableErrorCount: 1,
    fixableWarningCount: 0,
  },
  {
    filePath: '/repo/postmortems/2020-01-02-clean.md',
    messages: [],
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
];
const options = {
  cwd: '/repo',
  root: '/repo',
  rules: RULES,
  toolVersion: '0.1.0',
  docsUrl: 'https://docs.example/postmortem/lint.md',
};

describe('formatters', () => {
  it.each([
    ['stylish', stylish],
    ['json', json],
    ['sarif', sarif],
    ['github', github],
    ['junit', junit],
  ] as const)('%s', async (name, formatter) => {
    const ext = name === 'json' || name === 'sarif' ? 'json' : name === 'junit' ? 'xml' : 'txt';
    await expect(formatter(results, options)).toMatchFileSnapshot(`__snapshots__/${name}.${ext}`);
  });

  it('json is ESLint-shaped', () => {
    const parsed = JSON.parse(json(results, options)) as Array<Record<string, unknown>>;
    expect(Object.keys(parsed[0] ?? {})).toEqual([
      'filePath',
      'messages',
      'errorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
    ]);
  });

  it('json writes ESLint fields in ESLint order, whatever else a result or message holds and in whatever order', () => {
    const message = { column: 2, line: 1, message: 'm', severity: 1, ruleId: 'x', fixable: true, fix: { text: 'y' } };
    const shuffled = { ...results[1], messages: [message], extra: { line: 3 } } as unknown as LintResult;
    const parsed = JSON.parse(json([shuffled], options)) as Array<{ messages: object[] }>;
    expect(Object.keys(parsed[0] ?? {})).toEqual(Object.keys(results[1] ?? {}));
    expect(parsed[0]?.messages).toEqual(
      [message].map(({ ruleId, severity, message, line, column }) => ({ ruleId, severity, message, line, column })),
    );
    expect(Object.keys(parsed[0]?.messages[0] ?? {})).toEqual(['ruleId', 'severity', 'message', 'line', 'column']);
  });

  it('github escapes messages and properties', () => {
    const line = github(results, options).split('\n')[0] ?? '';
    expect(line.startsWith('::error file=postmortems/2020-01-01-a%2Cb%3Ac.md,line=5,col=11,')).toBe(true);
    expect(line).toContain('100%25%0Ax');
  });

  it('stylish prints nothing for clean results', () => {
    expect(stylish([results[1] as LintResult], options)).toBe('');
  });
});

describe('rule documentation links', () => {
  it('point at the docs bundled with the package, with a heading for every rule id', async () => {
    const { BUNDLED_DOCS_URL, ruleDocsUrl } = await import('../../src/lint/docs.js');
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const docs = readFileSync(fileURLToPath(BUNDLED_DOCS_URL), 'utf8');
    for (const rule of RULES) {
      expect(docs).toMatch(new RegExp(`^#{2,3} \`?${rule.id}\`?$`, 'm'));
      expect(ruleDocsUrl(rule.id)).toBe(`${BUNDLED_DOCS_URL}#${rule.id}`);
    }
  });
});
