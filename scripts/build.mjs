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
// The transpiler is TypeScript's, with transpileModule's settings in one program: a quarter of tsc's CPU.
//
// The build is skipped when the stamp (scripts/build-stamp.mjs) says dist/ is already the build of
// these sources: `npm pack` after `npm install` in a clone, and a developer's repeated build, would
// otherwise compile unchanged sources again. A transpiled dist/ does not satisfy a plain build,
// which must type-check.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { clearStamp, DIST, distStatus, inputsHash, ROOT as root, writeStamp } from './build-stamp.mjs';

const require = createRequire(join(root, 'package.json'));

const args = process.argv.slice(2);
const force = args.includes('--force');
const transpile = args.includes('--transpile');
const outIndex = args.indexOf('--out-dir');
const outDir = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : DIST;
const toDist = outIndex < 0;

/**
 * Every source emitted as TypeScript's transpileModule emits it on its own, without a type check:
 * one program with transpileModule's settings (no type check, no lib, no module resolution,
 * isolatedModules), so that the compiler's set-up (a program and a type checker) is paid once
 * instead of once per file.
 */
function transpileAll() {
  // Without V8's top tier (TurboFan) the transpile takes 1 s less of CPU: the compiles it runs in
  // background threads cost more than they save in a run of seconds. Maglev (tier 2) stays where Node has it.
  v8.setFlagsFromString('--max-opt=2');
  // Loaded with require: an import() of TypeScript's 9 MB CommonJS file costs another 0.5 s of CPU,
  // in which Node's ESM loader scans it for its exports.
  const ts = require('typescript');
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
  const options = {
    ...parsed.options,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    outDir,
  };
  // What transpileModule sets whatever it is given (noCheck, noLib, noResolve and isolatedModules
  // true; declarations, lib, paths, types and the like unset), then what it sets besides. No type
  // roots: an unset `types` would read every @types package. No module resolution: no file sees
  // another, each is emitted as if it were the only one.
  const fixed = ts.transpileOptionValueCompilerOptions;
  if (!Array.isArray(fixed)) throw new Error(`TypeScript ${ts.version} does not list transpileModule's settings`);
  for (const option of fixed) options[option.name] = option.transpileOptionValue;
  Object.assign(options, {
    types: [],
    declaration: false,
    declarationMap: false,
    suppressOutputPathCheck: true,
    allowNonTsExtensions: true,
  });
  const host = ts.createCompilerHost(options);
  // JSDoc is parsed as tsc parses it (comments are emitted from the text either way).
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const program = ts.createProgram(parsed.fileNames, options, host);
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getOptionsDiagnostics()];
  if (diagnostics.length === 0) {
    const written = program.emit(undefined, (file, text) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    });
    diagnostics.push(...written.diagnostics);
  }
  if (diagnostics.length) {
    const text = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    });
    throw new Error(text);
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
    transpileAll();
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
