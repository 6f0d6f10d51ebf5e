import type { z as zod } from 'zod';
import { LANGUAGES, type Language } from '../language/index.js';
import { NOTICE_FIELDS, NOTICE_OPTIONAL_FIELDS, SEVERITIES, STATUSES } from '../model/format.js';
import type { Zod } from './regex.js';

// The front matter of a postmortem (FORMAT v1.2), declared once: the frontmatter-schema lint rule
// validates with it, schema/postmortem.frontmatter.schema.json is generated from it, and its type is
// inferred from it. Messages are templates the rule fills in: {key} is the key path as users write it
// (`root_causes[0].category`), {parent} the enclosing key, {found} the value found.

/** The message of a required key that is missing (or null). */
export const MISSING = 'Expected front-matter key `{key}`, found none.';

type Issue = { input?: unknown };

// The title's two checks, shared by the schema and its fast path.
const ONE_LINE = /^\s*(?:[^\r\n]*\S)?\s*$/;
const NO_TRAILING_PERIOD = /(?:[^.\s]|^)\s*$/;
const NON_BLANK = /\S/;
/** The notice's texts, each a map from language to text. */
const NOTICE_TEXT_FIELDS = [...NOTICE_FIELDS, ...NOTICE_OPTIONAL_FIELDS];

/** An error for a required key: "found none" when it is missing or null, else `wrong`. */
const required = (wrong: string) => (issue: Issue) =>
  issue.input === undefined || issue.input === null ? MISSING : wrong;

/** The message of a key whose value is not one of `values` (status, severity). */
const oneOfMessage = (values: readonly string[]) =>
  required(`Expected \`{key}\` to be one of ${values.join(', ')}, found {found}.`);

/** The front-matter schema; keys it does not list are allowed and kept. */
export function frontMatterSchema(z: Zod) {
  const text = (error: string | ((issue: Issue) => string)) => z.string({ error }).regex(NON_BLANK, { error });
  const nonEmptyText = 'Expected `{key}` to be non-empty text, found {found}.';
  const entry = text('Expected each entry of `{parent}` to be non-empty text, found {found}.');
  const list = (min: number, error: string | ((issue: Issue) => string)) =>
    z.array(entry, { error }).min(min, { error });
  const listMessage = 'Expected `{key}` to be a list with at least one entry, found {found}.';
  const oneOf = (values: readonly string[]) =>
    z.enum(values as [string, ...string[]], {
      error: oneOfMessage(values),
    });
  const timestamp = (error: string | ((issue: Issue) => string)) =>
    z.string({ error }).meta({
      description: 'ISO 8601 with an offset, written as text: 2017-09-21T14:02:00+02:00 or ...Z.',
      examples: ['2017-09-21T14:02:00+02:00'],
    });
  const timestampMessage = 'Expected `{key}` to be a timestamp written as text, found {found}.';
  const noticeText = z
    .record(z.string(), z.string({ error: 'Expected `{key}` to be text, found {found}.' }), {
      error: 'Expected `{key}` to map languages to text, found {found}.',
    })
    .meta({ description: 'Text by language: { en: ..., de: ... }.' })
    .nullable()
    .optional();
  const noticeFields = Object.fromEntries(NOTICE_TEXT_FIELDS.map((f) => [f, noticeText]));
  const cause = z.looseObject(
    {
      category: text(nonEmptyText).meta({
        description:
          'failed-rollback, untested-update, missing-backup, data-migration, capacity, network, configuration, ' +
          'dependency, other, or a category of the project config.',
      }),
      summary: text(nonEmptyText),
    },
    { error: 'Expected each root cause to be a mapping with category and summary, found {found}.' },
  );
  return z
    .looseObject({
      id: text(required(nonEmptyText)).meta({
        description: 'YYYY-MM-DD-slug (slug of a-z, 0-9 and -, at most 60); equals the file name without .md.',
        examples: ['2017-09-21-crm-release-rollback'],
      }),
      title: text(required(nonEmptyText))
        .regex(ONE_LINE, { error: 'Expected `title` on one line, found a line break.' })
        .regex(NO_TRAILING_PERIOD, { error: 'Expected `title` without a trailing period, found one.' })
        .meta({ description: 'One line, no trailing period.' }),
      status: oneOf(STATUSES),
      severity: oneOf(SEVERITIES).meta({ description: 'SEV1: total outage or data loss .. SEV4.' }),
      authors: list(1, required(listMessage)),
      services: list(1, required(listMessage)).meta({
        description: 'Affected service ids; customers read display names from notice.services.',
      }),
      tags: list(0, listMessage).nullable().optional(),
      started: timestamp(required(timestampMessage)),
      detected: timestamp(required(timestampMessage)),
      mitigated: timestamp(timestampMessage)
        .nullable()
        .optional()
        .meta({ description: 'Required from status final on.' }),
      resolved: timestamp(timestampMessage)
        .nullable()
        .optional()
        .meta({ description: 'Required from status final on.' }),
      timezone: z
        .unknown()
        .optional()
        .meta({ description: 'IANA zone name the incident was lived in, e.g. Europe/Berlin.' }),
      impact: z.looseObject(
        {
          customers_affected: z
            .int({ error: required('Expected `{key}` to be a whole number >= 0, found {found}.') })
            .min(0, { error: 'Expected `{key}` to be a whole number >= 0, found {found}.' })
            .meta({ description: 'Best estimate.' }),
          data_loss: z.boolean({ error: required('Expected `{key}` to be true or false, found {found}.') }),
          description: z
            .string({ error: 'Expected `{key}` to be text, found {found}.' })
            .meta({ description: 'One sentence, internal wording allowed.' })
            .optional(),
          windows: z.unknown().optional().meta({
            description: 'When customers were affected, if not continuously: a list of {start, end} timestamps.',
          }),
        },
        { error: required('Expected `{key}` to be a mapping, found {found}.') },
      ),
      root_causes: z
        .array(cause, { error: 'Expected `{key}` to be a list of {category, summary}, found {found}.' })
        .nullable()
        .optional()
        .meta({ description: 'Required from status in-review on.' }),
      notice: z
        .looseObject(
          {
            languages: z
              .array(
                z.enum(LANGUAGES as [Language, ...Language[]], {
                  error: `Expected a notice language out of ${LANGUAGES.join(', ')}, found {found}.`,
                }),
                { error: 'Expected `{key}` to be a list like [en, de], found {found}.' },
              )
              .min(1, { error: 'Expected `{key}` to be a list like [en, de], found {found}.' })
              .optional(),
            ...noticeFields,
            services: z.unknown().optional().meta({
              description:
                'Display names customers read, by service id and language: { crm-web: { en: CRM web app } }.',
            }),
          },
          { error: 'Expected `{key}` to be a mapping, found {found}.' },
        )
        .nullable()
        .optional()
        .meta({ description: 'The customer-facing wording (docs/notice.md).' }),
    })
    .meta({
      title: 'Postmortem front matter',
      description:
        'The YAML front matter of a postmortem file (FORMAT v1.2), as `postmortem lint` checks it with its ' +
        'frontmatter-schema rule. Timestamps, moment order, ids matching file names and root-cause categories ' +
        'are checked by other rules (see docs/lint.md). Keys not listed here are allowed and kept.',
    });
}

/** The front matter of a postmortem that passed the frontmatter-schema rule. */
export type FrontMatter = zod.output<ReturnType<typeof frontMatterSchema>>;

const isRecord = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const isText = (v: unknown): boolean => typeof v === 'string' && NON_BLANK.test(v);
/** Every entry of a list, holes too (which `Array.prototype.every` skips and the schema does not). */
function each(list: readonly unknown[], check: (v: unknown) => boolean): boolean {
  for (let i = 0; i < list.length; i++) if (!check(list[i])) return false;
  return true;
}
const isTexts = (v: unknown, min: number): boolean => Array.isArray(v) && v.length >= min && each(v, isText);
const absent = (v: unknown): boolean => v === undefined || v === null;
/**
 * True when every value of a language map is text. A loop over the keys: `Object.values(v).every(…)`
 * made this check of every file's notice half again as costly.
 */
function isLanguageMap(v: unknown): boolean {
  if (!isRecord(v)) return false;
  for (const key of Object.keys(v)) if (typeof v[key] !== 'string') return false;
  return true;
}

function isNotice(v: unknown): boolean {
  if (absent(v)) return true;
  if (!isRecord(v)) return false;
  const languages = v.languages;
  if (languages !== undefined) {
    if (!Array.isArray(languages) || languages.length === 0) return false;
    if (!each(languages, (l) => (LANGUAGES as readonly unknown[]).includes(l))) return false;
  }
  return NOTICE_TEXT_FIELDS.every((f) => absent(v[f]) || isLanguageMap(v[f]));
}

/**
 * True when `frontMatterSchema` surely accepts the data, checked without zod: a file that passes
 * (nearly every file) costs the frontmatter-schema rule neither loading zod nor running it; false
 * sends the data to the schema, which words the messages. Plain YAML data only (objects, arrays,
 * text, numbers, booleans, null); anything else is left to the schema. test/schema/frontmatter.test.ts
 * checks that it agrees with the schema on generated front matter.
 */
export function plainFrontMatterPasses(data: unknown): boolean {
  if (!isRecord(data)) return false;
  const { title, impact, root_causes: causes } = data;
  if (!isText(data.id) || !isText(title)) return false;
  if (!ONE_LINE.test(title as string) || !NO_TRAILING_PERIOD.test(title as string)) return false;
  if (!(STATUSES as readonly unknown[]).includes(data.status)) return false;
  if (!(SEVERITIES as readonly unknown[]).includes(data.severity)) return false;
  if (!isTexts(data.authors, 1) || !isTexts(data.services, 1) || !(absent(data.tags) || isTexts(data.tags, 0)))
    return false;
  if (typeof data.started !== 'string' || typeof data.detected !== 'string') return false;
  if (!(absent(data.mitigated) || typeof data.mitigated === 'string')) return false;
  if (!(absent(data.resolved) || typeof data.resolved === 'string')) return false;
  if (!isRecord(impact)) return false;
  const customers = impact.customers_affected;
  if (!Number.isSafeInteger(customers) || (customers as number) < 0 || typeof impact.data_loss !== 'boolean')
    return false;
  if (!(impact.description === undefined || typeof impact.description === 'string')) return false;
  if (!absent(causes)) {
    if (!Array.isArray(causes)) return false;
    if (!each(causes, (c) => isRecord(c) && isText(c.category) && isText(c.summary))) return false;
  }
  return isNotice(data.notice);
}

/** A schema issue as the frontmatter-schema rule reads it: where, and the message template. */
export interface FrontMatterIssue {
  path: PropertyKey[];
  message: string;
}

const ENUM_KEYS = [
  ['status', STATUSES],
  ['severity', SEVERITIES],
] as const;

/**
 * The schema's issues, found without zod when the data plainly passes ([]) or fails only in
 * `status` or `severity` (a common slip: `SEV5`), with the schema's messages; null for anything
 * else, which the schema itself must judge. test/schema/frontmatter.test.ts checks it against the schema.
 */
export function plainFrontMatterIssues(data: unknown): FrontMatterIssue[] | null {
  if (!isRecord(data)) return null;
  const issues: FrontMatterIssue[] = [];
  for (const [key, values] of ENUM_KEYS) {
    const input = data[key];
    if (!(values as readonly unknown[]).includes(input))
      issues.push({ path: [key], message: oneOfMessage(values)({ input }) });
  }
  // The schema reports keys in its own order (status before severity), as here.
  const rest = issues.length === 0 ? data : { ...data, status: STATUSES[0], severity: SEVERITIES[0] };
  return plainFrontMatterPasses(rest) ? issues : null;
}
