import { processIo } from './io.js';
import { run } from './program.js';

// A closed pipe (`postmortem --help | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The only place that reads process.argv and sets the exit code.
process.exitCode = await run(process.argv.slice(2), processIo());
