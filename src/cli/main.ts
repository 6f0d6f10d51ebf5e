import { processIo } from './io.js';
import { run } from './program.js';

// The only place that reads process.argv and sets the exit code.
process.exitCode = await run(process.argv.slice(2), processIo());
