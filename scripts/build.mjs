// Builds dist/ from src/.
//
//   node scripts/build.mjs              tsc: type-checks, then emits (`npm run build`, `npm test`)
//   node scripts/build.mjs --transpile  emits without the type check (`prepare`: npm install in a
//                                       clone, which pre-commit does to install the hook, npm pack)
//   --out-dir DIR                       writes there instead of dist/ (no stamp); --force: always
//   --status                            prints what dist/ is: checked, transpiled or stale
//
// Both emit the same files: every module is compiled on its own (`isolatedModules` in tsconfig.json
// guarantees that this is possible), and test/build.test.ts compares the two outputs file by file.
// The transpiler is TypeScript's own transpileModule, a third of tsc's time.
//
// A stamp in node_modules/.cache (never packed) records a hash of every input (src/, the tsconfig
// files, the TypeScript version), the mode, and the dist/ it produced. When they still match, the
// build is skipped: `npm pack` after `npm install` in a clone, and a developer's repeated `npm
// test`, would otherwise compile unchanged sources again. A transpiled dist/ does not satisfy a
// plain build, which must type-check.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const stampFile = join(root, 'node_modules', '.cache', 'postmortem-build', 'stamp');

const args = process.argv.slice(2);
const force = args.includes('--force');
const transpile = args.includes('--transpile');
const outIndex = args.indexOf('--out-dir');
const outDir = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : join(root, 'dist');
const toDist = outIndex < 0;

/** Every file under `dir`, sorted, as paths relative to the root. */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** A hash of the sources and settings the compiler reads. */
function inputsHash() {
  const hash = createHash('sha256');
  const typescript = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8'));
  hash.update(`typescript ${typescript.version}\0`);
  for (const file of ['tsconfig.json', 'tsconfig.build.json', ...filesUnder(join(root, 'src'))]) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** A hash of what dist/ holds now: names and sizes (a deleted or hand-edited file changes it). */
function outputHash() {
  const hash = createHash('sha256');
  for (const file of filesUnder(outDir)) hash.update(`${file}\0${statSync(join(root, file)).size}\0`);
  return hash.digest('hex');
}

/** Each source compiled on its own with the build's compiler options; no type check. */
async function transpileAll() {
  const { default: ts } = await import('typescript');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  // One file cannot tell whether NodeNext makes it ESM (that comes from package.json "type":
  // "module"), so the module kind is given: ES modules, as tsc emits them here.
  const compilerOptions = {
    ...parsed.options,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const srcDir = parsed.options.rootDir ?? join(root, 'src');
  for (const file of parsed.fileNames) {
    const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions,
      fileName: file,
      reportDiagnostics: true,
    });
    if (diagnostics?.length) {
      const text = ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => root,
        getNewLine: () => '\n',
      });
      throw new Error(text);
    }
    const target = join(outDir, relative(srcDir, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
}

if (!toDist && existsSync(outDir) && readdirSync(outDir).length > 0) {
  console.error(`--out-dir ${outDir}: expected a new or empty folder, found files in it.`);
  process.exit(2);
}

const inputs = inputsHash();
const mode = transpile ? 'transpiled' : 'checked';

/** `checked` or `transpiled` when dist/ is the build of the sources as they are now, else `stale`. */
function distStatus() {
  if (!existsSync(outDir) || !existsSync(stampFile)) return 'stale';
  const [stampInputs, stampMode, stampOutput] = readFileSync(stampFile, 'utf8').split(' ');
  return stampInputs === inputs && stampOutput === outputHash() ? stampMode : 'stale';
}

if (args.includes('--status')) {
  console.log(distStatus());
  process.exit(0);
}
if (toDist && !force) {
  const status = distStatus();
  if (status === 'checked' || status === mode) {
    console.log(`dist/ is up to date (the sources have not changed since the last build; --force builds anyway)`);
    process.exit(0);
  }
}

rmSync(outDir, { recursive: true, force: true });
if (toDist) rmSync(stampFile, { force: true });
try {
  if (transpile) {
    await transpileAll();
  } else {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
      { cwd: root, stdio: 'inherit' },
    );
  }
} catch (error) {
  // tsc has printed its diagnostics; the transpiler's are in the message.
  if (transpile) console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
if (toDist) {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${inputs} ${mode} ${outputHash()}`);
}
