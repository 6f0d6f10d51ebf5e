import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { backtrackingProblem } from '../../src/config/pattern-safety.js';
import { parsePostmortem } from '../../src/model/index.js';
import { checkNoticeWording } from '../../src/notice/wording-checks.js';
import { examples } from '../helpers/examples.js';
import { ROOT } from '../helpers/cli.js';

/** Where the rules' built-in patterns live: the rules, their word lists, the notice checks they run and the languages' words. */
const SOURCES = [
  ...['en', 'de', 'fr'].map((lang) => `src/language/${lang}.ts`),
  ...readdirSync(join(ROOT, 'src/lint/rules')).map((f) => `src/lint/rules/${f}`),
  'src/lint/blameless-words.ts',
  ...readdirSync(join(ROOT, 'src/notice')).map((f) => `src/notice/${f}`),
  'src/model/notice-checks.ts',
];

/** Every regular-expression literal in a source file, with its flags and line. */
function regexLiterals(file: string): Array<{ at: string; source: string; flags: string }> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Array<{ at: string; source: string; flags: string }> = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf);
      const end = literal.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({
        at: `${file}:${line}`,
        source: literal.slice(1, end),
        flags: literal.slice(end + 1).replace(/[gy]/g, ''),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const PATTERNS = SOURCES.filter((f) => f.endsWith('.ts')).flatMap(regexLiterals);

describe('built-in patterns of the rules', () => {
  it('are found', () => {
    expect(PATTERNS.length).toBeGreaterThan(30);
    expect(PATTERNS.map((p) => p.source)).toContain('\\boutages?\\b');
  });

  // The config's check (recheck), stricter: a built-in runs on every file, so linear time only.
  // `\p{L}*ausf[aä]ll\p{L}*` was quadratic: one 80,000-letter word in a notice took 90 s.
  it('run in linear time, as recheck sees them', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    for (const p of PATTERNS) {
      const problem = await backtrackingProblem(p.source, { flags: p.flags, maxDegree: 1 });
      if (problem) problems.push(`${p.at} /${p.source}/${p.flags}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the German outage word', () => {
  const example = examples().find((e) => e.name.includes('crm-release')) ?? examples()[0]!;

  it('is found in a notice with a 20,000-letter word well within the time limit', { timeout: 120_000 }, () => {
    const text = example.text.replace(/^( {4}de: )"Ein Software-Update/m, `$1"${'a'.repeat(20_000)} Totalausfall`);
    expect(text).not.toBe(example.text);
    const { postmortem } = parsePostmortem(text, example.path);
    const start = performance.now();
    const found = checkNoticeWording(postmortem);
    // Generous for a loaded machine (about a millisecond unloaded); the quadratic pattern took 17 s here, 60,000 letters 164 s.
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(found.map((f) => f.message)).toContain(
      'Expected "Störung" or "Beeinträchtigung" for a SEV2 incident (only SEV1 is a total outage), found "Totalausfall" in `notice.what_happened.de`.',
    );
  });
});
