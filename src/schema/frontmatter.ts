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

/** An error for a required key: "found none" when it is missing or null, else `wrong`. */
const required = (wrong: string) => (issue: Issue) =>
  issue.input === undefined || issue.input === null ? MISSING : wrong;

/** The front-matter schema; keys it does not list are allowed and kept. */
export function frontMatterSchema(z: Zod) {
  const text = (error: string | ((issue: Issue) => string)) => z.string({ error }).regex(/\S/, { error });
  const nonEmptyText = 'Expected `{key}` to be non-empty text, found {found}.';
  const entry = text('Expected each entry of `{parent}` to be non-empty text, found {found}.');
  const list = (min: number, error: string | ((issue: Issue) => string)) =>
    z.array(entry, { error }).min(min, { error });
  const listMessage = 'Expected `{key}` to be a list with at least one entry, found {found}.';
  const oneOf = (values: readonly string[]) =>
    z.enum(values as [string, ...string[]], {
      error: required(`Expected \`{key}\` to be one of ${values.join(', ')}, found {found}.`),
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
  const noticeFields = Object.fromEntries([...NOTICE_FIELDS, ...NOTICE_OPTIONAL_FIELDS].map((f) => [f, noticeText]));
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
        .regex(/^\s*(?:[^\r\n]*\S)?\s*$/, { error: 'Expected `title` on one line, found a line break.' })
        .regex(/(?:[^.\s]|^)\s*$/, { error: 'Expected `title` without a trailing period, found one.' })
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
