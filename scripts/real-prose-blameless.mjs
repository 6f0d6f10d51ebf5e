// Precision of blameless-language on real postmortem prose: every finding with its line, for a
// person to label. The texts are not ours and are not committed; point the script at folders of
// Markdown postmortems fetched from public repositories, for example (as measured in December 2026):
//   dfds/postmortems (40 company postmortems), 18F/cg-postmortems (public domain, US government),
//   icco/postmortems (244 summaries of public incident reports).
//
//   node scripts/real-prose-blameless.mjs DIR [DIR…]
//
// Each Markdown file becomes the body of a minimal postmortem in a temporary folder, which the built
// CLI lints with only blameless-language on (the one rule whose precision this measures).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node scripts/real-prose-blameless.mjs DIR [DIR…]');
  process.exit(2);
}

function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => path.endsWith('.md') && statSync(path).isFile())
    .filter((path) => !/^(readme|license|contributing)\.md$/i.test(basename(path)));
}

const work = mkdtempSync(join(tmpdir(), 'postmortem-real-prose-'));
try {
  mkdirSync(join(work, 'postmortems'));
  // Every other rule off: the built catalog lists them.
  const { RULE_CATALOG } = await import(join(root, 'dist/lint/catalog.js'));
  const rules = Object.fromEntries(RULE_CATALOG.map((rule) => [rule.id, 'off']));
  let n = 0;
  let words = 0;
  for (const file of dirs.flatMap(markdownFiles)) {
    const text = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    words += text.split(/\s+/).filter(Boolean).length;
    const id = `2020-01-01-real-${String(++n).padStart(4, '0')}`;
    const front = `---\nid: ${id}\ntitle: Real text ${n}\nstatus: draft\nseverity: SEV2\nauthors: [Incident Author]\n---\n\n`;
    writeFileSync(join(work, 'postmortems', `${id}.md`), `${front}## Summary\n\n${text}`);
  }
  writeFileSync(
    join(work, '.postmortemrc.json'),
    JSON.stringify({ rules: { ...rules, 'blameless-language': 'warn' } }),
  );
  let out = '';
  try {
    out = execFileSync(process.execPath, [join(root, 'bin/postmortem.js'), 'lint', '--format', 'json'], {
      cwd: work,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    out = error.stdout;
  }
  const findings = JSON.parse(out).flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === 'blameless-language')
      .map((m) => ({ file: r.filePath, line: m.line, message: m.message })),
  );
  for (const f of findings) {
    const line = readFileSync(f.file, 'utf8').split('\n')[f.line - 1] ?? '';
    console.log(`${basename(f.file)}:${f.line}: ${f.message}\n    ${line.trim().slice(0, 200)}`);
  }
  console.log(`\n${n} files, ${words} words, ${findings.length} findings (label each: blame or not)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
