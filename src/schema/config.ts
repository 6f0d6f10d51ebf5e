import type { z as zod } from 'zod';
import { LANGUAGES, isLanguage, isLocaleOf, type Language } from '../language/names.js';
import { isTimeZone } from '../model/timezone.js';
import { regexString, type Zod, type ZodSchema } from './regex.js';

// The project config (`.postmortemrc.json` or the `postmortem` key of package.json), declared once:
// `loadConfig` validates with it, its types are inferred from it, and schema/postmortemrc.schema.json
// is generated from it (scripts/schemas.mjs). Each error message is the "expected …" part of what the
// user reads (`file:line:col: \`key\`: expected …, found …`); see describeIssue in ./issues.ts.

const SEVERITIES = ['off', 'warn', 'warning', 'error', 0, 1, 2] as const;
const NUMERIC: Record<string, 'off' | 'warn' | 'error'> = { 0: 'off', 1: 'warn', 2: 'error', warning: 'warn' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ZONE = 'an IANA time zone such as Europe/Berlin or UTC';

/** A severity as written (0, 1, 2 and `warning` too), read as off, warn or error. */
function severity(z: Zod, error: string) {
  return z
    .literal(SEVERITIES, { error })
    .transform((value) => NUMERIC[String(value)] ?? (value as 'off' | 'warn' | 'error'));
}

/** Non-empty text; `error` says what was expected. */
function text(z: Zod, error = 'non-empty text') {
  return z.string({ error }).regex(/\S/, { error });
}

/** `{ "en": "...", "de": "..." }`: notice languages to non-empty text. */
function languageText(z: Zod, description?: string) {
  const schema = z.partialRecord(z.enum(LANGUAGES as [Language, ...Language[]]), text(z), {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'an object such as {"en": "...", "de": "..."}'
        : `a notice language (${LANGUAGES.join(', ')})`,
  });
  return description ? schema.meta({ description }) : schema;
}

/** An object of known keys only; `what` describes it when it is not an object. */
function keysOnly<Shape extends Record<string, ZodSchema>>(z: Zod, shape: Shape, what: string) {
  const known = Object.keys(shape).filter((key) => key !== '$schema');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code !== 'unrecognized_keys'
        ? what
        : known.length === 1
          ? `the key ${known[0]}`
          : `one of the keys ${known.join(', ')}`,
  });
}

/** A rule's setting: a severity, or `[severity]`, or `[severity, options]` checked by `options`. */
function ruleSetting<Options extends ZodSchema>(z: Zod, options: Options) {
  const pair = z.tuple([severity(z, '"off", "warn" or "error"'), options.optional()], { error: '[severity, options]' });
  return z.union([severity(z, '"off", "warn", "error" or ["error", {options}]'), pair], {
    error: '"off", "warn", "error" or ["error", {options}]',
  });
}

/**
 * The config schema. `ruleOptions` (rule id to its options schema) is given where the rules are
 * loaded, to generate the JSON Schema; `loadConfig` leaves it out, and `checkRuleOptions` checks
 * the options against the same rule schemas when a config sets any.
 */
export function configSchema(z: Zod, ruleOptions?: Readonly<Record<string, ZodSchema>>) {
  const anyOptions = z.record(z.string(), z.unknown(), { error: 'an options object' });
  const anyRules = z.record(z.string(), ruleSetting(z, anyOptions), { error: 'an object of rule ids to severities' });
  // With the rules at hand (the JSON Schema), each rule's setting takes that rule's options; the type is the same.
  const rules = ruleOptions
    ? (z.strictObject(
        Object.fromEntries(
          Object.entries(ruleOptions).map(([id, options]) => [id, ruleSetting(z, options).optional()]),
        ),
        {
          error: (issue) => (issue.code === 'unrecognized_keys' ? 'a rule id' : 'an object of rule ids to severities'),
        },
      ) as unknown as typeof anyRules)
    : anyRules;
  const texts = (description: string) => z.array(text(z), { error: 'a list of strings' }).meta({ description });
  const zoneName = z.string().refine(isTimeZone, {
    error: `${ZONE}, or an object of languages to zones such as {"de": "Europe/Berlin"}`,
  });
  const zonesByLanguage = languageText(z).superRefine((zones, ctx) => {
    for (const [lang, name] of Object.entries(zones)) {
      if (!isTimeZone(name)) ctx.addIssue({ code: 'custom', path: [lang], message: ZONE, input: name });
    }
  });
  const locales = languageText(
    z,
    'Locale per language for the date style and spelling of generated parts: {"en": "en-GB", "de": "de-CH"}.',
  ).superRefine((locales, ctx) => {
    for (const [lang, locale] of Object.entries(locales)) {
      if (!isLanguage(lang) || !isLocaleOf(lang, locale))
        ctx.addIssue({
          code: 'custom',
          path: [lang],
          message: `a locale of the language ${lang}, such as ${lang}-${lang === 'en' ? 'GB' : 'CH'}`,
          input: locale,
        });
    }
  });
  const notice = keysOnly(
    z,
    {
      company: text(z).optional(),
      timezone: z
        .union([zoneName, zonesByLanguage], {
          error: `${ZONE}, or an object of languages to zones such as {"de": "Europe/Berlin"}`,
        })
        .meta({
          description:
            'IANA time zone customers read times in (e.g. Europe/Berlin), or one per language: ' +
            '{"de": "Europe/Berlin", "en": "America/New_York"}.',
        })
        .optional(),
      locale: locales.optional(),
      signature: languageText(z, 'How e-mails are signed, per language.').optional(),
      services: z
        .record(z.string(), languageText(z), { error: 'an object of service ids to {"en": "...", "de": "..."}' })
        .meta({ description: 'Display names customers read, by service id and language.' })
        .optional(),
      publicContacts: z
        .array(
          z.string({ error: 'an e-mail address such as "service@example.com"' }).regex(EMAIL, {
            error: 'an e-mail address such as "service@example.com"',
          }),
          { error: 'a list of e-mail addresses such as ["service@example.com"]' },
        )
        .meta({ description: 'E-mail addresses customers may read in a notice (not reported as leaks).' })
        .optional(),
    },
    'an object with company, timezone, locale, signature, services, publicContacts',
  ).meta({ description: 'How notices speak to customers: the company, zones, locales, signatures and names.' });
  const roles = z
    .record(
      z.string().regex(/\S/, { error: 'non-empty handles or names' }),
      text(z, 'non-empty text (a role)').transform((role) => role.trim()),
      {
        error: (issue) =>
          issue.code === 'invalid_type'
            ? 'an object of handles or names to roles, e.g. {"U123": "the on-call engineer"}'
            : 'non-empty handles or names',
      },
    )
    .meta({
      description:
        'Slack user ids, names or handles (PagerDuty agents too) to the role written instead of them; ' +
        'others become "a responder".',
      examples: [{ U02BOB: 'the on-call engineer', alice: 'the incident commander' }],
    });
  return keysOnly(
    z,
    {
      $schema: z.string().meta({ description: 'The JSON Schema editors check this file with.' }).optional(),
      rules: rules.meta({ description: 'Rule ids to a severity, or [severity, options].' }).optional(),
      categories: texts('Root-cause categories added to the taxonomy.').optional(),
      sections: texts("The body's level-2 sections, in order.").optional(),
      internalPatterns: z
        .array(
          regexString(z, (reason) => `a valid regular expression (${reason})`, text(z)),
          { error: 'a list of strings' },
        )
        .meta({ description: 'Regular expressions of internal details a notice must not show.' })
        .optional(),
      ignores: z
        .array(text(z, 'a glob (non-empty text)'), { error: 'a list of globs' })
        .meta({ description: 'Globs of files lint skips.' })
        .optional(),
      notice: notice.optional(),
      timeline: keysOnly(z, { roles: roles.optional() }, 'an object with roles')
        .meta({ description: 'postmortem timeline: how people mentioned in a source are written.' })
        .optional(),
    },
    'an object',
  ).meta({
    title: 'postmortem project config (.postmortemrc.json, or the "postmortem" key of package.json)',
    description: 'Read by every postmortem command; a key it does not know is an error naming the key.',
  });
}

/** The project configuration (`.postmortemrc.json` or the `postmortem` key of `package.json`), as loaded. */
export type PostmortemConfig = Omit<zod.output<ReturnType<typeof configSchema>>, '$schema'>;

const PLAIN_LISTS = new Set(['categories', 'sections', 'ignores']);

/**
 * The config as the schema would return it, when it plainly passes: only `$schema`, `rules` with
 * severities written "off", "warn" or "error", and `categories`, `sections`, `ignores` as lists of
 * non-empty text. Anything else gives null and goes to the schema (which loads zod, a cost a fully
 * cached lint run avoids). test/schema/config.test.ts checks it against the schema on generated configs.
 */
export function plainConfig(raw: unknown): PostmortemConfig | null {
  if (!isPlainObject(raw)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') {
      if (typeof value !== 'string') return null;
    } else if (key === 'rules') {
      if (!isPlainObject(value)) return null;
      if (!Object.values(value).every((v) => v === 'off' || v === 'warn' || v === 'error')) return null;
      out.rules = { ...value };
    } else if (PLAIN_LISTS.has(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && /\S/.test(v))) return null;
      out[key] = [...(value as string[])];
    } else return null;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
