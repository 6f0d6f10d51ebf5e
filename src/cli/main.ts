// A closed pipe (`postmortem --help | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The only place that reads process.argv and sets the exit code.
// `postmortem --version` alone never comes here: bin/postmortem.js answers it before loading any
// ES module.
const argv = process.argv.slice(2);
const [{ processIo }, { run }] = await Promise.all([import('./io.js'), import('./run.js')]);
process.exitCode = await run(argv, await processIo());

// An ES module (it awaits at the top level) though it imports nothing statically: said here, so that
// the file-by-file transpile of an install (scripts/build.mjs --transpile) writes what tsc writes.
export {};
