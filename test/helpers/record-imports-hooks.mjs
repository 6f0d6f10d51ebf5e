import { appendFileSync } from 'node:fs';

/** Appends each resolved URL to the file named by POSTMORTEM_IMPORT_LOG. */
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.POSTMORTEM_IMPORT_LOG) appendFileSync(process.env.POSTMORTEM_IMPORT_LOG, `${result.url}\n`);
  return result;
}
