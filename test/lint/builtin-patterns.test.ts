import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Diagnostics, Parameters } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkNoticeWording } from '../../src/notice/wording-checks.js';
import { examples } from '../helpers/examples.js';
import { ROOT } from '../helpers/cli.js';

/**
 * Where the built-in patterns live: the rules, their word lists, the notice checks they run, the
 * languages' words, and the timeline's readers, whose text reader's time pattern once took 41 s on
 * a line of 200,000 blanks.
 */
const SOURCES = [
  ...['en', 'de', 'fr'].map((lang) => `src/language/${lang}.ts`),
  ...readdirSync(join(ROOT, 'src/lint/rules')).map((f) => `src/lint/rules/${f}`),
  'src/lint/blameless-words.ts',
  ...readdirSync(join(ROOT, 'src/notice')).map((f) => `src/notice/${f}`),
  'src/model/leak-detectors.ts',
  ...readdirSync(join(ROOT, 'src/timeline')).map((f) => `src/timeline/${f}`),
];

/**
 * Patterns recheck calls quadratic that are not fixed yet, each with what was measured; a change to
 * one checks it again, and one that is gone fails the test (so the list cannot go stale).
 */
const KNOWN = [
  {
    // The fuzzer's attack, 'N' + 'A.INTERN'.repeat(n) + 'T', takes V8 0.1 s at n = 40,000, and
    // twice as long at twice n; the lookbehind leaves one start per host name. Reported to the lead.
    file: 'src/model/leak-detectors.ts',
    source:
      '(?<![A-Za-z0-9-]|[A-Za-z0-9-]\\.)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)*' +
      '\\.(?:internal|local|localdomain|corp|lan|intranet|home\\.arpa)\\b',
  },
];

/** The text of an expression made only of string literals, `String.raw` templates, `+` and `[...].join('')`; else null. */
function staticText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return staticText(node.expression);
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    // The raw text, as String.raw returns it: between the backticks, escapes kept.
    return ts.isNoSubstitutionTemplateLiteral(node.template) ? node.template.getText().slice(1, -1) : null;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [left, right] = [staticText(node.left), staticText(node.right)];
    return left === null || right === null ? null : left + right;
  }
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'join'
  ) {
    const list = node.expression.expression;
    const separator = node.arguments[0] ? staticText(node.arguments[0]) : ',';
    if (!ts.isArrayLiteralExpression(list) || separator === null) return null;
    const parts = list.elements.map((e) => staticText(e));
    return parts.includes(null) ? null : parts.join(separator);
  }
  return null;
}

/** Every regular-expression literal in a source file, and every `new RegExp` of static text, with its flags and line. */
function regexLiterals(file: string): Array<{ at: string; source: string; flags: string }> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Array<{ at: string; source: string; flags: string }> = [];
  const at = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf);
      const end = literal.lastIndexOf('/');
      out.push({ at: at(node), source: literal.slice(1, end), flags: literal.slice(end + 1).replace(/[gy]/g, '') });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      node.expression.getText(sf) === 'RegExp' &&
      node.arguments?.[0]
    ) {
      const source = staticText(node.arguments[0]);
      const flags = node.arguments[1] ? staticText(node.arguments[1]) : '';
      if (source !== null && flags !== null) out.push({ at: at(node), source, flags: flags.replace(/[gy]/g, '') });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const PATTERNS = SOURCES.filter((f) => f.endsWith('.ts')).flatMap(regexLiterals);

/**
 * recheck's verdict, the same on every run and every machine. The automaton checker decides exactly,
 * for patterns without lookaround; those with lookaround go to the fuzzer with its fixed seed and
 * only its step budgets. Its time limits (recheck's defaults: 1 s per attack, 10 s in all) made the
 * verdict depend on the machine's load: a loaded run once took a slow attack for a quadratic one.
 */
async function verdict(source: string, flags: string): Promise<Diagnostics> {
  const { check } = await import('recheck');
  return withBackend(async () => {
    const exact = await check(source, flags, { checker: 'automaton', timeout: null });
    if (exact.status !== 'unknown' || exact.error.kind !== 'unsupported') return exact;
    const fuzz: Parameters = {
      checker: 'fuzz',
      randomSeed: 0,
      timeout: null,
      incubationTimeout: null,
      attackTimeout: null,
      seedingTimeout: null,
      recallTimeout: -1,
    };
    return check(source, flags, fuzz);
  });
}

/**
 * recheck's native build of the same checker where npm installed it (an optional dependency, for
 * Linux and macOS on x64), else its JavaScript build: the native one took 2.3 s of CPU for the six
 * quadratic patterns below where the JavaScript one took 7.3 s, with the same verdicts. A
 * RECHECK_BACKEND set by whoever runs the tests wins. (The product checks a config's patterns with
 * the JavaScript build: src/config/pattern-safety.ts.)
 */
const BACKEND = process.env.RECHECK_BACKEND || (nativeRecheck() ? 'native' : 'pure');

function nativeRecheck(): boolean {
  const platform = ({ darwin: 'macos', linux: 'linux', win32: 'windows' } as Record<string, string>)[process.platform];
  try {
    // Resolved from recheck's own folder, as recheck finds it.
    const from = createRequire(join(ROOT, 'node_modules/recheck/package.json'));
    return platform !== undefined && existsSync(from.resolve(`recheck-${platform}-${process.arch}/package.json`));
  } catch {
    return false;
  }
}

/**
 * Runs `fn` with recheck on BACKEND, which recheck reads from the environment at each check; the
 * variable is put back after, since the worker's later test files check config patterns the
 * product's way.
 */
async function withBackend<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.RECHECK_BACKEND;
  process.env.RECHECK_BACKEND = BACKEND;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.RECHECK_BACKEND;
    else process.env.RECHECK_BACKEND = before;
  }
}

/** Why the pattern is slower than linear, or null when recheck finds it linear. */
async function notLinear(source: string, flags: string): Promise<string | null> {
  const result = await verdict(source, flags);
  if (result.status === 'safe') return null;
  if (result.status === 'unknown') return `recheck could not decide (${result.error.kind})`;
  return `${result.complexity.summary} backtracking (e.g. on ${result.attack.pattern.slice(0, 40)})`;
}

/** A pattern as the verdicts file names it: `/source/flags`. */
const keyOf = (p: { source: string; flags: string }) => `/${p.source}/${p.flags}`;

/**
 * The patterns recheck found linear, committed: recheck's exact check over all of them took about
 * 47 s of CPU, the largest part of the suite, for patterns that rarely change. Keyed by source and
 * flags, so a new or changed pattern is not in it and is checked below; with another recheck
 * version every pattern is checked again. `UPDATE_PATTERN_VERDICTS=1 npx vitest run
 * test/lint/builtin-patterns.test.ts` rewrites it from recheck's verdicts (never with a pattern recheck
 * does not find linear).
 */
const VERDICTS_FILE = join(ROOT, 'test/lint/builtin-patterns.linear.json');
const RECHECK_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/recheck/package.json'), 'utf8')) as { version: string }
).version;
const committed = JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) as { recheck: string; linear: string[] };
const KNOWN_LINEAR = new Set(committed.recheck === RECHECK_VERSION ? committed.linear : []);

/** Each pattern's problem (null: linear): from the committed verdicts, else from recheck. Each distinct pattern once. */
async function problemsOf(
  patterns: ReadonlyArray<{ source: string; flags: string }>,
  linear: ReadonlySet<string>,
): Promise<Map<string, string | null>> {
  const problems = new Map<string, string | null>();
  for (const p of patterns) {
    const key = keyOf(p);
    if (!problems.has(key)) problems.set(key, linear.has(key) ? null : await notLinear(p.source, p.flags));
  }
  return problems;
}

const isKnown = (p: { at: string; source: string }) =>
  KNOWN.some((known) => p.at.startsWith(known.file) && p.source === known.source);

describe('built-in patterns of the rules and the timeline readers', () => {
  it('are found, literals and RegExps built from static text, and the known exceptions among them', () => {
    for (const known of KNOWN) expect(PATTERNS.map((p) => p.source)).toContain(known.source);
    expect(PATTERNS.length).toBeGreaterThan(30);
    expect(PATTERNS.map((p) => p.source)).toContain('(?<!\\bpower[- ])\\boutages?\\b');
    expect(
      PATTERNS.find((p) => p.at.startsWith('src/timeline/text.ts') && p.source.includes('(?![\\d:])')),
    ).toBeDefined();
    // Each of the timeline's readers has patterns here.
    for (const file of ['blameless', 'git', 'json', 'slack', 'pagerduty', 'opsgenie']) {
      expect(PATTERNS.some((p) => p.at.startsWith(`src/timeline/${file}.ts:`))).toBe(true);
    }
  });

  // Stricter than the config's check (backtrackingProblem): a built-in runs on every file, so linear time only.
  it('run in linear time, as recheck sees them', { timeout: 900_000 }, async () => {
    const checked = PATTERNS.filter((p) => !isKnown(p));
    const verdicts = await problemsOf(checked, KNOWN_LINEAR);
    if (process.env.UPDATE_PATTERN_VERDICTS) {
      const linear = [...verdicts].filter(([, problem]) => problem === null).map(([key]) => key);
      writeFileSync(VERDICTS_FILE, `${JSON.stringify({ recheck: RECHECK_VERSION, linear: linear.sort() }, null, 2)}\n`);
    }
    const problems = checked
      .filter((p) => verdicts.get(keyOf(p)) !== null)
      .map((p) => `${p.at} /${p.source}/${p.flags}: ${verdicts.get(keyOf(p))}`);
    expect(problems).toEqual([]);
  });

  // Without this, a stale file would only cost time: every pattern missing from it is checked above.
  it('are all in the committed verdicts, for the installed recheck, and nothing else is', () => {
    const current = [...new Set(PATTERNS.filter((p) => !isKnown(p)).map(keyOf))].sort();
    expect(committed.recheck, 'run the update command in builtin-patterns.test.ts').toBe(RECHECK_VERSION);
    expect(committed.linear, 'run the update command in builtin-patterns.test.ts').toEqual(current);
  });

  // The patterns that were slow before their fixes, so the check above is known to catch them, also
  // when the committed verdicts cover every other pattern: `\p{L}*ausf[aä]ll\p{L}*` (one 80,000-letter
  // word in a notice took 90 s; the automaton checker), the timeline's time pattern with two adjacent
  // `\s*` (a line of 200,000 blanks took 41 s; the fuzzer), and the timeline patterns that tried every
  // start inside a long run (e-mail addresses, a path's trailing separators, blanks before JSON's
  // position: 14-25 s on 40,000 characters; an Opsgenie owner's `@.*$`; Opsgenie's `sent .* to`,
  // also caught, is left out: recheck takes 10 times longer on its case-insensitive alternatives).
  it.each([
    ['the old German outage word', String.raw`\p{L}*ausf[aä]ll\p{L}*`, 'iu'],
    [
      'the old timeline time pattern',
      [
        String.raw`^\s*(?:\d+\s+)?(\[)?\s*`,
        String.raw`(?:(\d{4})-(\d{2})-(\d{2})[T ]|(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+)?`,
        String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?(?![\d:])`,
        String.raw`\s*(\])?\s*(?:(?:[-—–|:]|\s)\s*)?`,
      ].join(''),
      '',
    ],
    ['the old e-mail address pattern', String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, ''],
    ['the old trailing-separator pattern', String.raw`[\\/]+$`, ''],
    ['the old JSON position pattern', String.raw`\s*\(line \d+ column \d+\)`, ''],
    ["the old Opsgenie owner's domain pattern", '@.*$', ''],
  ])('finds %s quadratic', { timeout: 120_000 }, async (_name, source, flags) => {
    const verdicts = await problemsOf([{ source, flags }], KNOWN_LINEAR);
    expect(verdicts.get(keyOf({ source, flags }))).toMatch(/^2nd degree polynomial/);
  });
});

describe('the German outage word', () => {
  const example = examples().find((e) => e.name.includes('crm-release')) ?? examples()[0]!;

  // The pattern's time is proven linear above; this is the notice check that uses it, on the word
  // shape that was slow (17 s for 20,000 letters), as a CI run's timeout would catch it.
  it('is found in a notice with a 20,000-letter word', { timeout: 120_000 }, () => {
    const text = example.text.replace(/^( {4}de: )"Ein Software-Update/m, `$1"${'a'.repeat(20_000)} Totalausfall`);
    expect(text).not.toBe(example.text);
    const { postmortem } = parsePostmortem(text, example.path);
    const found = checkNoticeWording(postmortem);
    expect(found.map((f) => f.message)).toContain(
      'Expected "Störung" or "Beeinträchtigung" for a SEV2 incident (only SEV1 is a total outage), found "Totalausfall" in `notice.what_happened.de`.',
    );
  });
});
