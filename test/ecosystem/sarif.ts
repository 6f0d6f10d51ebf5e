import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type AjvDraft04Module from 'ajv-draft-04';
import type AddFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
// CommonJS packages whose typings describe `exports.default`; require() gives the class itself.
const AjvDraft04 = require('ajv-draft-04') as typeof AjvDraft04Module.default;
const addFormats = require('ajv-formats') as typeof AddFormatsModule.default;
// The SARIF 2.1.0 schema (draft-04), vendored with its licence note in test/fixtures/sarif/; its
// `language` pattern is not valid with the `u` flag, so Unicode regular expressions are off.
const sarifSchema = require('../fixtures/sarif/sarif-2.1.0-rtm.5.json') as object;
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

/** A SARIF log as far as the tests read it. */
export interface SarifLog {
  runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string; locations: unknown[] }> }>;
}

/** Reads a SARIF file and expects it valid against the SARIF 2.1.0 schema. */
export async function readSarif(path: string): Promise<SarifLog> {
  const log = JSON.parse(await readFile(path, 'utf8')) as SarifLog;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

/** The artifact URIs of a SARIF log's results. */
export function resultUris(log: SarifLog): string[] {
  return (log.runs[0]?.results ?? []).map(
    (r) =>
      (r.locations[0] as { physicalLocation: { artifactLocation: { uri: string } } }).physicalLocation.artifactLocation
        .uri,
  );
}
