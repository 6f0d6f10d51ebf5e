#!/usr/bin/env node
'use strict';
// CommonJS on purpose (bin/package.json says so): `postmortem --version` is answered here, before
// Node starts its ES module loader, which cost a tenth more than a bare `node -e 0` (3 December
// 2026, 21 runs alternating: 164 ms through dist/cli/main.js, 147 ms from here, `node -e 0` 152 ms).
// Every other command is the ES modules of dist/.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // commander's output for --version: the version and a newline. The version is package.json's, as
  // src/cli/version.ts reads it for the caches and reports. Written at once; a reader that has
  // already gone (a closed pipe) is not an error worth a stack trace.
  const { readFileSync, writeSync } = require('node:fs');
  const { join } = require('node:path');
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  try {
    writeSync(1, `${version}\n`);
  } catch (error) {
    if (error.code !== 'EPIPE') throw error;
  }
} else {
  void import('../dist/cli/main.js');
}
