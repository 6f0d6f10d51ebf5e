import { MOMENTS, NOTICE_FIELDS, NOTICE_OPTIONAL_FIELDS, SEVERITIES, STATUSES } from '../../model/format.js';
import { LANGUAGES, isLanguage } from '../../language/index.js';
import { isRecord } from '../../model/guards.js';
import { keyPosition } from '../../model/validate.js';
import type { Postmortem } from '../../model/types.js';
import { describeValue as describe } from '../describe-value.js';
import { defineRule, type RuleContext } from '../types.js';

const REQUIRED = ['id', 'title', 'status', 'severity', 'authors', 'services', 'started', 'detected', 'impact'];

type Report = (message: string, path: string, part?: 'key' | 'value') => void;

function reporter({ pm, report }: RuleContext): Report {
  return (message, path, part = 'value') => report({ message, ...keyPosition(pm, path, part) });
}

function checkTop(d: Record<string, unknown>, report: Report): void {
  for (const key of REQUIRED) {
    if (d[key] === undefined || d[key] === null) report(`Expected front-matter key \`${key}\`, found none.`, key);
  }
  const text = (key: string) => {
    const v = d[key];
    if (v !== undefined && v !== null && (typeof v !== 'string' || v.trim() === '')) {
      report(`Expected \`${key}\` to be non-empty text, found ${describe(v)}.`, key);
      return false;
    }
    return typeof v === 'string';
  };
  text('id');
  if (text('title')) {
    const title = d.title as string;
    if (/[\r\n]/.test(title.trim())) report('Expected `title` on one line, found a line break.', 'title');
    if (/\.\s*$/.test(title)) report('Expected `title` without a trailing period, found one.', 'title');
  }
  const oneOf = (key: string, allowed: readonly string[]) => {
    const v = d[key];
    if (v !== undefined && v !== null && !allowed.includes(v as string))
      report(`Expected \`${key}\` to be one of ${allowed.join(', ')}, found ${describe(v)}.`, key);
  };
  oneOf('status', STATUSES);
  oneOf('severity', SEVERITIES);
  const list = (key: string, required: boolean) => {
    const v = d[key];
    if (v === undefined || v === null) return;
    if (!Array.isArray(v) || (required && v.length === 0)) {
      report(`Expected \`${key}\` to be a list with at least one entry, found ${describe(v)}.`, key);
      return;
    }
    v.forEach((entry, i) => {
      if (typeof entry !== 'string' || entry.trim() === '')
        report(`Expected each entry of \`${key}\` to be non-empty text, found ${describe(entry)}.`, `${key}.${i}`);
    });
  };
  list('authors', true);
  list('services', true);
  list('tags', false);
  for (const moment of MOMENTS) {
    const v = d[moment];
    if (v !== undefined && v !== null && typeof v !== 'string')
      report(`Expected \`${moment}\` to be a timestamp written as text, found ${describe(v)}.`, moment);
  }
}

function checkImpact(impact: unknown, report: Report): void {
  if (impact === undefined || impact === null) return;
  if (!isRecord(impact)) {
    report(`Expected \`impact\` to be a mapping, found ${describe(impact)}.`, 'impact');
    return;
  }
  const c = impact.customers_affected;
  if (c === undefined || c === null) {
    report('Expected front-matter key `impact.customers_affected`, found none.', 'impact', 'key');
  } else if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) {
    report(
      `Expected \`impact.customers_affected\` to be a whole number >= 0, found ${describe(c)}.`,
      'impact.customers_affected',
    );
  }
  if (impact.data_loss === undefined || impact.data_loss === null) {
    report('Expected front-matter key `impact.data_loss`, found none.', 'impact', 'key');
  } else if (typeof impact.data_loss !== 'boolean') {
    report(
      `Expected \`impact.data_loss\` to be true or false, found ${describe(impact.data_loss)}.`,
      'impact.data_loss',
    );
  }
  if (impact.description !== undefined && typeof impact.description !== 'string') {
    report(`Expected \`impact.description\` to be text, found ${describe(impact.description)}.`, 'impact.description');
  }
}

function checkRootCauses(causes: unknown, report: Report): void {
  if (causes === undefined || causes === null) return;
  if (!Array.isArray(causes)) {
    report(`Expected \`root_causes\` to be a list of {category, summary}, found ${describe(causes)}.`, 'root_causes');
    return;
  }
  causes.forEach((cause, i) => {
    if (!isRecord(cause)) {
      report(
        `Expected each root cause to be a mapping with category and summary, found ${describe(cause)}.`,
        `root_causes.${i}`,
      );
      return;
    }
    for (const key of ['category', 'summary']) {
      const v = cause[key];
      if (typeof v !== 'string' || v.trim() === '')
        report(
          `Expected \`root_causes[${i}].${key}\` to be non-empty text, found ${describe(v)}.`,
          `root_causes.${i}.${key}`,
        );
    }
  });
}

function checkNotice(notice: unknown, report: Report): void {
  if (notice === undefined || notice === null) return;
  if (!isRecord(notice)) {
    report(`Expected \`notice\` to be a mapping, found ${describe(notice)}.`, 'notice');
    return;
  }
  const languages = notice.languages;
  if (languages !== undefined) {
    if (!Array.isArray(languages) || languages.length === 0) {
      report(
        `Expected \`notice.languages\` to be a list like [en, de], found ${describe(languages)}.`,
        'notice.languages',
      );
    } else {
      languages.forEach((lang: unknown, i) => {
        if (!isLanguage(lang))
          report(
            `Expected a notice language out of ${LANGUAGES.join(', ')}, found ${describe(lang)}.`,
            `notice.languages.${i}`,
          );
      });
    }
  }
  for (const field of [...NOTICE_FIELDS, ...NOTICE_OPTIONAL_FIELDS]) {
    const v = notice[field];
    if (v === undefined || v === null) continue;
    if (!isRecord(v)) {
      report(`Expected \`notice.${field}\` to map languages to text, found ${describe(v)}.`, `notice.${field}`);
      continue;
    }
    for (const [lang, text] of Object.entries(v)) {
      if (typeof text !== 'string')
        report(`Expected \`notice.${field}.${lang}\` to be text, found ${describe(text)}.`, `notice.${field}.${lang}`);
    }
  }
}

function checkSchema(context: RuleContext<Record<string, unknown>>): void {
  const pm: Postmortem = context.pm;
  const report = reporter(context);
  checkTop(pm.data, report);
  checkImpact(pm.data.impact, report);
  checkRootCauses(pm.data.root_causes, report);
  checkNotice(pm.data.notice, report);
}

/** The `frontmatter-schema` rule. */
export default defineRule({
  id: 'frontmatter-schema',
  defaultLevel: 'error',
  description: 'Front matter has the keys, types and values of FORMAT v1.',
  fixable: false,
  format: true,
  docs: {
    what:
      'The front matter exists, is valid YAML (never a script), and holds the keys, types and values of FORMAT v1: ' +
      'the required keys `id`, `title`, `status`, `severity`, `authors`, `services`, `started`, `detected`, ' +
      '`impact.customers_affected` and `impact.data_loss`, their types and allowed values (`status`: draft, ' +
      'in-review, final, published; `severity`: SEV1–SEV4), and the shape of `root_causes` and `notice`. ' +
      'Problems that stop the file from being read at all (empty or binary file, missing or unclosed front matter, ' +
      'invalid YAML, duplicate keys, alias bombs, `---js`) are reported under this id too (see Exit codes).',
    why:
      'Every other command computes with these facts; a typo in `severity` or a missing `impact` silently breaks ' +
      'stats, notices and publishing.',
    fix: 'Add the missing key or correct the value as the message says.',
    examples: { notOk: 'severity: high', ok: 'severity: SEV2' },
  },
  check: checkSchema,
});
