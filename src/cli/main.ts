import { toolVersion } from './version.js';

// A closed pipe (`postmortem --help | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The only place that reads process.argv and sets the exit code.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before commander and chalk are loaded: for `--version`, loading them was most of the
  // time (1.5x a bare `node -e 0`). The output is commander's: the version and a newline.
  process.stdout.write(`${toolVersion()}\n`);
} else {
  const [{ processIo }, { run }] = await Promise.all([import('./io.js'), import('./run.js')]);
  process.exitCode = await run(argv, await processIo());
}
