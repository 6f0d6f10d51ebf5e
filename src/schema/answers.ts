import type { z as zod } from 'zod';
import { LANGUAGES } from '../language/index.js';
import {
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  ID_PATTERN,
  NOTICE_FIELDS,
  NOTICE_OPTIONAL_FIELDS,
  SEVERITIES,
  STATUSES,
} from '../model/format.js';
import type { Zod, ZodSchema } from './regex.js';

// An answers file (`postmortem new --answers FILE`, YAML or JSON), declared once: `readAnswers`
// checks a file's shape with it (keys, kinds, allowed values, the forms of ids, titles, times and
// dates), its type is inferred from it, and schema/answers.schema.json is generated from it. What a
// schema cannot say (placeholders, time zones, real dates, moment order, the project's categories)
// `readAnswers` checks next, with the prompts' own validators. No answer holds a regular expression.

/** Every top-level key an answers file may hold. */
export const ANSWER_KEYS = [
  'id',
  'title',
  'status',
  'severity',
  'authors',
  'services',
  'tags',
  'timezone',
  'started',
  'detected',
  'mitigated',
  'resolved',
  'impact',
  'summary',
  'timeline',
  'root_causes',
  'root_cause',
  'followups',
  'five_whys',
  'detection',
  'resolution',
  'action_items',
  'lessons',
  'notice',
] as const;

/**
 * How a message about a missing part of an item ends; `readAnswers` reports it at the item, where the
 * user adds the part.
 */
export const PART_MISSING = 'found a part missing.';

/** A text an answers file gives in a fixed form, which the schema checks with a pattern. */
export type PatternedAnswer = 'id' | 'title' | 'text' | 'moment' | 'due' | 'ticket';

/**
 * The prompts' validators by patterned answer (`true` or the message), so that a value the pattern
 * refuses is worded as the prompt would word it; without them the message says what the pattern wants.
 */
export type AnswerExplainers = Partial<Record<PatternedAnswer, (text: string) => true | string>>;

const PATTERNS: Record<PatternedAnswer, { pattern: RegExp; expected: string }> = {
  id: {
    pattern: new RegExp(`^\\s*${ID_PATTERN.source.slice(1, -1)}\\s*$`),
    expected: 'an id like 2024-03-01-checkout-outage (date, then a-z, 0-9 and -, at most 60)',
  },
  title: {
    pattern: /^\s*(?=\S)[^\r\n]{0,119}[^\s.]\s*$/,
    expected: 'a title on one line, at most 120 characters, without a trailing period',
  },
  text: { pattern: /\S/, expected: 'text' },
  moment: {
    pattern: new RegExp(
      '^\\s*(?:\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})' +
        '|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2})?\\s*(?:Z|UTC|[+-]\\d{2}:?\\d{2})?' +
        '|\\d{1,2}\\.\\d{1,2}\\.\\d{4},?[ T]+\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:Z|UTC|[+-]\\d{2}:?\\d{2})?' +
        '|\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*$',
    ),
    expected:
      'a time like 14:02, a date and time like 2024-03-01 14:02 or 01.03.2024 14:02, ' +
      'or a timestamp like 2024-03-01T14:02:00+02:00',
  },
  due: {
    pattern: /^\s*(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})\s*$/,
    expected: 'a due date YYYY-MM-DD or DD.MM.YYYY',
  },
  ticket: { pattern: /^\s*\S*\s*$/, expected: 'a ticket id or URL without spaces' },
};

/**
 * The answers-file schema (the shape a file may have). `explain` words the messages of patterned
 * answers with the prompts' validators; the JSON Schema is generated without it.
 */
export function answersSchema(z: Zod, explain: AnswerExplainers = {}) {
  /** Text of the wrong kind: a list or mapping, or a number or true/false where only text will do. */
  const wrongKind = (input: unknown, expected = 'text') =>
    typeof input === 'object' && input !== null
      ? `Expected ${expected}, found a list or mapping.`
      : `Expected ${expected}, found ${JSON.stringify(input)}.`;
  /** A text in a fixed form; `missing` words a required one left out. */
  const patterned = (kind: PatternedAnswer, missing?: string) => {
    const { pattern, expected } = PATTERNS[kind];
    const typeError = (issue: { input?: unknown }) =>
      (issue.input === undefined || issue.input === null) && missing ? missing : wrongKind(issue.input, expected);
    return z.string({ error: typeError }).regex(pattern, {
      error: (issue) => {
        const text = String(issue.input);
        const worded = explain[kind]?.(text);
        return typeof worded === 'string' ? worded : `Expected ${expected}, found ${JSON.stringify(text.trim())}.`;
      },
    });
  };
  const notText = (issue: { input?: unknown }) => wrongKind(issue.input);
  /** One answer: text, or a number or true/false read as text. */
  const scalar = z.union([z.string(), z.number(), z.boolean()], { error: notText }).nullable();
  const text = z.union([patterned('text'), z.number(), z.boolean()], { error: notText });
  const optionalText = text.nullable().meta({ description: 'Text (not empty).' });
  const entry = text.meta({ description: 'Text (not empty) in a list or a required part.' });
  /** A required part of an item; `missing` says what is expected when it is left out. */
  const part = (missing: string) =>
    z.union([patterned('text'), z.number(), z.boolean()], {
      error: (issue) => (issue.input === undefined || issue.input === null ? missing : notText(issue)),
    });
  const itemPart = (what: string) => part(`Expected ${what}, ${PART_MISSING}`);
  const actionPart = part('Expected a value, found none.');
  const atOrEvent = `Expected an item with \`at\` and \`event\`, ${PART_MISSING}`;
  const listMessage = 'Expected a list with at least one entry, found none.';
  const list = (min: number, message: string, description: string) =>
    z
      .union([z.array(entry, { error: message }).min(min, { error: message }), patterned('text')], { error: message })
      .nullable()
      .meta({ description });
  const moment = patterned('moment').meta({
    description:
      '2024-03-01 14:02, 01.03.2024 14:02, 2024-03-01T14:02:00+01:00, or just 14:02 on the day of started; read in timezone ' +
      'unless it carries an offset.',
    examples: ['2024-03-01 14:02', '14:04'],
  });
  const oneOf = (values: readonly string[]) =>
    z.enum(values as [string, ...string[]], {
      error: (issue) =>
        `Expected one of ${values.join(', ')}, found ${issue.input === undefined || issue.input === null ? 'none' : JSON.stringify(issue.input)}.`,
    });
  const noticeText = z
    .record(z.string(), scalar, { error: 'Expected text by language, such as { en: "..." }, found something else.' })
    .nullable()
    .meta({ description: 'Text by language: { en: ..., de: ... }.' });
  const language = oneOf(LANGUAGES);
  const notice = z
    .looseObject(
      {
        languages: z
          .union([z.array(language), language], { error: 'Expected a list of languages like [en, de].' })
          .nullable()
          .optional(),
        ...Object.fromEntries(NOTICE_FIELDS.map((field) => [field, noticeText.optional()])),
        ...Object.fromEntries(
          NOTICE_OPTIONAL_FIELDS.map((field) => [
            field,
            noticeText.optional().meta({
              description:
                'The short status-page wording (FORMAT 1.2), per language; without it the status text is built ' +
                'from the notice. The interview proposes one.',
            }),
          ]),
        ),
        signature: noticeText.optional().meta({
          description:
            "How e-mails are signed, per language: { en: The Relata team }; the config's notice.signature serves where absent.",
        }),
        company: z
          .string({ error: 'Expected the company name customers know, found something else.' })
          .min(1, { error: 'Expected the company name customers know, found something else.' })
          .optional()
          .meta({
            description: "The company's name as customers know it; the config's notice.company serves where absent.",
          }),
        services: z
          .record(z.string(), noticeText, { error: 'Expected a mapping of service to names, found something else.' })
          .optional()
          .meta({
            description: 'Display names customers read, by service id and language: { crm-web: { en: CRM web app } }.',
          }),
      },
      {
        error:
          'Expected a mapping with languages, headline, what_happened, customer_impact, next_steps, apology ' +
          '(and optionally status, signature, company, services).',
      },
    )
    .nullable()
    .meta({ description: 'The customer notice (docs/notice.md); every field needs text in every language.' });
  const lesson = list(
    1,
    'Expected text or a list of text, found none.',
    'A list with at least one entry, or one text.',
  ).optional();
  const shape = {
    id: patterned('id')
      .nullable()
      .meta({ description: 'YYYY-MM-DD-slug; made from started and the title when left out.' }),
    title: z
      .union([patterned('title'), z.number(), z.boolean()], { error: notText })
      .nullable()
      .meta({ description: 'One line, at most 120 characters, no trailing period.' }),
    status: oneOf(STATUSES).nullable(),
    severity: oneOf(SEVERITIES).nullable().meta({ description: 'SEV1: total outage or data loss .. SEV4.' }),
    authors: list(1, listMessage, 'A list with at least one entry, or one text.'),
    services: list(1, listMessage, 'A list with at least one entry, or one text.'),
    tags: list(0, listMessage, 'A list, or one text.'),
    timezone: z
      .string({ error: (issue) => wrongKind(issue.input, 'a time zone like Europe/Berlin or an offset like +02:00') })
      .nullable()
      .meta({
        description: 'IANA zone (Europe/Berlin) or offset (+02:00) for times written without one.',
        examples: ['Europe/Berlin', '+02:00'],
      }),
    started: moment.nullable(),
    detected: moment.nullable(),
    mitigated: moment.nullable(),
    resolved: moment.nullable(),
    impact: z
      .looseObject(
        {
          customers_affected: z
            .int({ error: (issue) => `Expected a whole number >= 0, found ${JSON.stringify(issue.input)}.` })
            .min(0, { error: (issue) => `Expected a whole number >= 0, found ${JSON.stringify(issue.input)}.` })
            .nullable()
            .optional(),
          data_loss: z
            .boolean({ error: (issue) => `Expected true or false, found ${JSON.stringify(issue.input)}.` })
            .nullable()
            .optional(),
          description: scalar.optional(),
        },
        { error: 'Expected a mapping with customers_affected, data_loss and description, found something else.' },
      )
      .nullable(),
    summary: optionalText,
    timeline: z
      .array(
        z.looseObject(
          {
            at: patterned('moment', atOrEvent),
            event: itemPart('an item with `at` and `event`'),
          },
          { error: 'Expected an item with `at` and `event`, found something else.' },
        ),
        { error: 'Expected a list of {at, event}, found something else.' },
      )
      .nullable()
      .meta({ description: 'Events besides the four moments.' }),
    root_causes: z
      .array(
        z.looseObject(
          {
            category: itemPart('both `category` and `summary`').meta({
              description:
                'failed-rollback, untested-update, missing-backup, data-migration, capacity, network, configuration, ' +
                'dependency, other, or a category of the project config.',
            }),
            summary: itemPart('both `category` and `summary`'),
          },
          { error: 'Expected a root cause {category, summary}, found something else.' },
        ),
        { error: 'Expected a list of {category, summary} with at least one entry, found none.' },
      )
      .min(1, { error: 'Expected a list of {category, summary} with at least one entry, found none.' })
      .nullable(),
    root_cause: scalar.meta({ description: "The root-cause section's text." }),
    followups: z
      .record(
        z.string(),
        z.record(z.string(), scalar, {
          error: 'Expected a mapping of question to answer, found something else.',
        }),
        { error: 'Expected a mapping of category to answers, found something else.' },
      )
      .nullable()
      .meta({ description: 'Answers to the follow-up questions, by category, then by question key (docs/new.md).' }),
    five_whys: list(0, 'Expected a list of answers, found something else.', 'A list, or one text.'),
    detection: optionalText,
    resolution: optionalText,
    action_items: z
      .array(
        z.looseObject(
          {
            action: actionPart,
            type: oneOf(ACTION_ITEM_TYPES),
            owner: actionPart.meta({ description: 'A person or a team.' }),
            due: patterned('due', 'Expected a value, found none.').meta({
              description: 'YYYY-MM-DD (or DD.MM.YYYY), not before the incident.',
            }),
            status: oneOf(ACTION_ITEM_STATUSES).nullable().optional(),
            ticket: z
              .union([patterned('ticket'), z.number()], { error: notText })
              .nullable()
              .optional()
              .meta({ description: 'A ticket id or URL, without spaces.' }),
          },
          { error: 'Expected an action item {action, type, owner, due, status, ticket}, found something else.' },
        ),
        { error: 'Expected a list of {action, type, owner, due, status, ticket}, found something else.' },
      )
      .nullable(),
    lessons: z
      .looseObject(
        { went_well: lesson, went_wrong: lesson, got_lucky: lesson },
        { error: 'Expected a mapping with went_well, went_wrong and got_lucky, found something else.' },
      )
      .nullable(),
    notice,
  } satisfies Record<(typeof ANSWER_KEYS)[number], ZodSchema>;
  return z
    .strictObject(
      Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as {
        [K in keyof typeof shape]: zod.ZodOptional<(typeof shape)[K]>;
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `Expected one of the answer keys (${ANSWER_KEYS.join(', ')}), found an unknown key.`
            : 'Expected a mapping of answers, found something else.',
      },
    )
    .meta({
      title: 'postmortem new --answers FILE',
      description:
        'Answers for `postmortem new --answers FILE` (YAML or JSON): the front-matter keys of a postmortem plus ' +
        "the body's parts. Every key is optional in the file; without a terminal, `new` needs title, severity, " +
        'services, authors, the four moments, summary, impact, root_causes, detection, resolution, action_items ' +
        'and lessons. docs/new.md describes every key. The tool also checks what a schema cannot: placeholders ' +
        "such as TODO, time zones, dates, and the project's root-cause categories.",
    });
}

/** An answers file's data as it may be written (after YAML or JSON parsing), before `readAnswers` reads it. */
export type AnswersFile = zod.input<ReturnType<typeof answersSchema>>;
