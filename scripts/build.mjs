// Builds dist/ from src/.
//
//   node scripts/build.mjs              tsc: type-checks, then emits (`npm run build`; `npm test`
//                                       builds with scripts/check.mjs, the same output)
//   node scripts/build.mjs --transpile  emits without the type check (`prepare`: npm install in a
//                                       clone, which pre-commit does to install the hook, npm pack)
//   --out-dir DIR                       writes there instead of dist/ (no stamp); --force: always
//   --status                            prints what dist/ is: checked, emitted, transpiled or stale
//
// Both emit the same files: every module is compiled on its own (`isolatedModules` in tsconfig.json
// guarantees that this is possible), and test/ecosystem/action.test.ts compares the two outputs
// file by file (the action's install in a copy of the checkout runs `prepare`).
// The transpiler is TypeScript's own transpileModule, a third of tsc's time.
//
// The build is skipped when the stamp (scripts/build-stamp.mjs) says dist/ is already the build of
// these sources: `npm pack` after `npm install` in a clone, and a developer's repeated build, would
// otherwise compile unchanged sources again. A transpiled dist/ does not satisfy a plain build,
// which must type-check.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { clearStamp, DIST, distStatus, inputsHash, ROOT as root, writeStamp } from './build-stamp.mjs';

const require = createRequire(join(root, 'package.json'));

const args = process.argv.slice(2);
const force = args.includes('--force');
const transpile = args.includes('--transpile');
const outIndex = args.indexOf('--out-dir');
const outDir = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : DIST;
const toDist = outIndex < 0;

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
if (args.includes('--status')) {
  console.log(distStatus(inputs));
  process.exit(0);
}
if (toDist && !force) {
  const status = distStatus(inputs);
  // A plain build must type-check; anything built from these sources will do for --transpile.
  if (status === 'checked' || (transpile && status !== 'stale')) {
    // Under npm (prepare, prepack) there is nothing to say: a newcomer's `npm install` should not
    // talk about a build they did not ask for.
    if (!process.env.npm_lifecycle_event)
      console.log(`dist/ is up to date (the sources have not changed since the last build; --force builds anyway)`);
    process.exit(0);
  }
}

rmSync(outDir, { recursive: true, force: true });
if (toDist) clearStamp();
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
if (toDist) writeStamp(inputs, mode);
