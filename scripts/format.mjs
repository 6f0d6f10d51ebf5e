// The formatter's output for a file, with the settings of .oxfmtrc.json: for the files the
// generators write (scripts/docs.mjs, scripts/schemas.mjs) and the tests that check them. `oxfmt`
// on the command line reads the same file; its `ignorePatterns` are for the command line only, so
// a generated file under an ignored folder (schema/) is still formatted here.
import { readFileSync } from 'node:fs';
import { format } from 'oxfmt';

const { ignorePatterns: _ignored, ...settings } = JSON.parse(
  readFileSync(new URL('../.oxfmtrc.json', import.meta.url), 'utf8'),
);

/** `text` as the formatter writes it for the file at `path` (the name picks the language). */
export async function formatted(path, text) {
  const result = await format(path, text, settings);
  if (result.errors.length > 0) {
    throw new Error(`${path}: the formatter refused it: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  return result.code;
}
