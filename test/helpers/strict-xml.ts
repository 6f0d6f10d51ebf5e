import { execFile, execFileSync } from 'node:child_process';

/**
 * The python3 interpreter itself when it runs here with its XML modules (CI installs it), else null.
 * Its own path, not the `python3` found on PATH: a version manager's shim there (pyenv's) starts
 * about 20 shell processes before Python, 0.5 s of CPU for each run.
 */
const python: string | null = (() => {
  try {
    const program = 'import sys, xml.dom.minidom; print(sys.executable)';
    const executable = execFileSync('python3', ['-c', program], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return executable.trim() || 'python3';
  } catch {
    return null;
  }
})();

/** True when python3 with its XML modules runs here (CI installs it). */
export const hasPython = python !== null;

/**
 * Runs a Python program that reads an XML document from stdin with expat, a strict, non-validating
 * parser (no recovery from errors, unlike browsers and most feed readers: a raw `&` is an error),
 * and resolves with what it prints as JSON; rejects with "not well-formed XML" and expat's message.
 */
export function strictXml<T>(program: string, xml: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = execFile(python ?? 'python3', ['-c', program], (error, stdout, stderr) => {
      if (error) reject(new Error(`not well-formed XML: ${stderr}`));
      else resolve(JSON.parse(stdout) as T);
    });
    child.stdin?.end(xml);
  });
}

/** The text of every Atom `<title>`, in document order, as expat reads it (entities resolved). */
export function strictAtomTitles(xml: string): Promise<string[]> {
  const program = [
    'import sys, json, xml.dom.minidom as m',
    'd = m.parse(sys.stdin.buffer)',
    'ns = "http://www.w3.org/2005/Atom"',
    'print(json.dumps(["".join(t.data for t in e.childNodes) for e in d.getElementsByTagNameNS(ns, "title")]))',
  ].join('\n');
  return strictXml<string[]>(program, xml);
}
