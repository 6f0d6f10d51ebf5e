// The cost and the findings of the `blameless-language` rule alone, in one thread: on the
// real-sounding prose fixture (test/fixtures/lint/blameless-language/not-ok-real-prose.md), on the
// generated bench corpus, and (for findings only) on every fixture and example. Run after
// `npm run build`:
//   node scripts/bench-blameless.mjs [--files 2000] [--rounds 20] [--findings out.json]
// `--findings` writes every finding (file, line, column, message), so a change to the rule can be
// compared with the findings before it. Times are the rule's own check time (TIMING's measure).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { arg, ROOT } from './bench-args.mjs';
import { postmortem, prng } from './bench-corpus.mjs';

const { lintText } = await import(join(ROOT, 'dist/lint/engine.js'));
const RULE = 'blameless-language';
const SETTINGS = {
  rules: { [RULE]: { level: 'warn', options: {} } },
  format: {},
  internalPatterns: [],
  now: '2020-03-01T00:00:00Z',
};
const PROSE = join(ROOT, 'test/fixtures/lint', RULE, 'not-ok-real-prose.md');

/** Every Markdown file under the fixtures and the examples, with its text. */
function repositoryFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md'))
        out.push({ name: path.slice(ROOT.length), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(ROOT, 'test/fixtures'));
  walk(join(ROOT, 'examples'));
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Lints `text` with only the rule on; returns the findings and the rule's milliseconds. */
function lint(name, text) {
  const timings = new Map();
  const messages = lintText(text, join('/bench', name.split('/').pop()), SETTINGS, { timings }).result.messages;
  return { findings: messages.map((m) => `${name}:${m.line}:${m.column} ${m.message}`), ms: timings.get(RULE) ?? 0 };
}

const count = Number(arg('--files', '2000'));
const rounds = Number(arg('--rounds', '20'));
const rand = prng(count);
const corpus = Array.from({ length: count }, (_, i) => ({ name: `corpus/${i}.md`, text: postmortem(rand, i) }));
const prose = { name: PROSE.slice(ROOT.length), text: readFileSync(PROSE, 'utf8') };

const findings = [];
for (const file of [...repositoryFiles(), ...corpus]) findings.push(...lint(file.name, file.text).findings);

/** Median per-file milliseconds of the rule over `rounds` rounds of `files`. */
function perFile(files) {
  const medians = [];
  for (let r = 0; r < rounds; r++) {
    let ms = 0;
    for (const f of files) ms += lint(f.name, f.text).ms;
    medians.push(ms / files.length);
  }
  medians.sort((a, b) => a - b);
  return medians[Math.floor(medians.length / 2)];
}
// The prose fixture 200 times per round, under 200 different author lists, as a real corpus has.
const proseFiles = Array.from({ length: 200 }, (_, i) => ({
  name: prose.name,
  text: prose.text.replace('  - Dana Example', `  - Dana Example\n  - Person${i} Surname${i}`),
}));
const proseMs = perFile(proseFiles);
const corpusMs = perFile(corpus.slice(0, Math.max(1, Math.floor(count / 4))));
const proseLines = prose.text.split('\n').length;
console.log(`${RULE}: ${proseMs.toFixed(3)} ms per file on the prose fixture (${proseLines} lines, 200 author lists)`);
console.log(`${RULE}: ${corpusMs.toFixed(3)} ms per file on the generated corpus (${Math.floor(count / 4)} files)`);
console.log(`${findings.length} findings on fixtures, examples and ${count} corpus files`);
const out = arg('--findings', '');
if (out) writeFileSync(out, `${findings.join('\n')}\n`);
