/**
 * Answers as a file holds them (`--answers FILE`, YAML or JSON) and as a draft keeps them: the
 * front-matter keys of FORMAT v1 plus the body's parts.
 */
import { parse as parseYaml } from 'yaml';
import { isRecord } from '../model/index.js';
import { keyPositionsOf } from '../model/frontmatter.js';
import { positionOf } from '../schema/issues.js';
import type { LanguageText } from '../language/index.js';

/** One event of the timeline. */
export interface TimelineAnswer {
  at: string;
  event: string;
}

/** One action item. */
export interface ActionItemAnswer {
  action: string;
  type: string;
  owner: string;
  due: string;
  status?: string;
  ticket?: string;
}

/** Text per notice language. */
export type NoticeText = LanguageText;

/** The customer notice block. */
export interface NoticeAnswer {
  languages: string[];
  headline: NoticeText;
  what_happened: NoticeText;
  customer_impact: NoticeText;
  next_steps: NoticeText;
  apology: NoticeText;
  /** The short status-page wording (FORMAT 1.2), per language; without it the status text is built from the notice. */
  status?: NoticeText;
  /** Display names of services for customers, by service id (FORMAT 1.1 `notice.services`). */
  services?: Record<string, NoticeText>;
  /** How e-mails are signed, per language; the config's `notice.signature` serves where absent. */
  signature?: NoticeText;
  /** The company's name as customers know it; the config's `notice.company` serves where absent. */
  company?: string;
}

/** A notice block in these languages with no wording yet, for the interview and answers files to fill. */
export function emptyNotice(languages: string[]): NoticeAnswer {
  return { languages, headline: {}, what_happened: {}, customer_impact: {}, next_steps: {}, apology: {} };
}

/** Every answer the interview collects; all optional while the interview runs. */
export interface Answers {
  id?: string;
  title?: string;
  status?: string;
  severity?: string;
  authors?: string[];
  services?: string[];
  tags?: string[];
  /** Zone for times given without one (IANA name or offset); not written to the file. */
  timezone?: string;
  started?: string;
  detected?: string;
  mitigated?: string;
  resolved?: string;
  impact?: {
    customers_affected?: number;
    data_loss?: boolean;
    description?: string;
    /** When customers were affected, if not continuously (FORMAT 1.1). */
    windows?: Array<{ start: string; end: string }>;
  };
  summary?: string;
  timeline?: TimelineAnswer[];
  root_causes?: Array<{ category: string; summary: string }>;
  root_cause?: string;
  /** Follow-up answers by category, then by question key. */
  followups?: Record<string, Record<string, string | boolean>>;
  five_whys?: string[];
  detection?: string;
  resolution?: string;
  action_items?: ActionItemAnswer[];
  lessons?: { went_well?: string[]; went_wrong?: string[]; got_lucky?: string[] };
  notice?: NoticeAnswer;
}

/** Keys an answers file must hold when nobody is at a terminal to answer the rest. */
export const REQUIRED_ANSWER_KEYS = [
  'title',
  'severity',
  'services',
  'authors',
  'started',
  'detected',
  'mitigated',
  'resolved',
  'summary',
  'impact.customers_affected',
  'impact.data_loss',
  'root_causes',
  'detection',
  'resolution',
  'action_items',
  'lessons.went_well',
  'lessons.went_wrong',
  'lessons.got_lucky',
] as const;

/** Every top-level key an answers file may hold (declared with the answers-file schema). */
export { ANSWER_KEYS } from '../schema/answers.js';

/** One wrong value in an answers file: the key (dotted path) and what is wrong. */
export interface AnswerProblem {
  key: string;
  message: string;
  /** True when the key itself is wrong (an unknown key), so that its position is the key's, not its value's. */
  atKey?: boolean;
  /** Where the key stands in the file, when the file's text is known. */
  line?: number;
  column?: number;
}

/** An answers file could not be read as YAML or JSON, or holds wrong values. */
export class AnswersFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly AnswerProblem[],
  ) {
    super(problems.map((p) => `${file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.key}: ${p.message}`).join('\n'));
    this.name = 'AnswersFileError';
  }

  /** The same problems, each with the line and column of its key (or the nearest enclosing one) in the file's `text`. */
  at(text: string): AnswersFileError {
    const keys = keyPositionsOf(text);
    return new AnswersFileError(
      this.file,
      this.problems.map((p) => {
        const at = p.key === '(file)' ? null : positionOf(keys, p.key.split('.'), p.atKey === true);
        return at ? { ...p, line: at.line, column: at.column } : p;
      }),
    );
  }
}

/** Reads the value at a dotted path of plain data. */
export function valueAt(data: unknown, path: string): unknown {
  let current = data;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Parses answers-file text: JSON when the name ends in `.json`, YAML otherwise. */
export function parseAnswersText(text: string, file: string): unknown {
  try {
    // Editors on Windows write a byte-order mark; JSON.parse would choke on it.
    const body = text.replace(/^\uFEFF/, '');
    return /\.json$/i.test(file) ? JSON.parse(body) : parseYaml(body);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    throw new AnswersFileError(file, [
      {
        key: '(file)',
        message: `Expected ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}, found a syntax error: ${message}`,
      },
    ]);
  }
}

/** The value without its undefined keys. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Answers given later win over earlier ones, key by key at the top level (and inside `impact`, `lessons`). */
export function mergeAnswers(...layers: Answers[]): Answers {
  const out: Answers = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer) as Array<[keyof Answers, unknown]>) {
      if (value === undefined) continue;
      if ((key === 'impact' || key === 'lessons') && isRecord(value) && isRecord(out[key])) {
        (out as Record<string, unknown>)[key] = { ...out[key], ...dropUndefined(value) };
      } else {
        (out as Record<string, unknown>)[key] = value;
      }
    }
  }
  return out;
}
