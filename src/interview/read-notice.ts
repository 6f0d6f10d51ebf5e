/** The `notice` block of an answers file, checked as the notice prompts check it. */
import { NOTICE_FIELDS, isRecord } from '../model/index.js';
import { LANGUAGES, isLanguage } from '../language/index.js';
import { asText, textList, type Collect } from './answer-values.js';
import { emptyNotice, type NoticeAnswer, type NoticeText } from './answers.js';
import { validateNoticeText } from './validators.js';

/** Reads and checks the notice block; problems go to `collect`. */
export function readNotice(raw: unknown, collect: Collect, authors: readonly string[]): NoticeAnswer | undefined {
  if (!isRecord(raw)) {
    collect(
      'notice',
      'Expected a mapping with languages, headline, what_happened, customer_impact, next_steps, apology ' +
        '(and optionally status, signature, company, services).',
    );
    return undefined;
  }
  const languages = textList(raw.languages ?? ['en']) ?? [];
  languages.forEach((lang, i) => {
    if (!isLanguage(lang))
      collect(`notice.languages.${i}`, `Expected one of ${LANGUAGES.join(', ')}, found "${lang}".`);
  });
  const notice = emptyNotice(languages);
  for (const field of NOTICE_FIELDS) {
    const value = raw[field];
    for (const lang of languages) {
      const key = `notice.${field}.${lang}`;
      const text = isRecord(value) ? asText(value[lang]) : null;
      if (text === null) {
        collect(key, 'Expected customer-facing text, found none.');
        continue;
      }
      collect(key, validateNoticeText(text, authors));
      if (isLanguage(lang)) notice[field][lang] = text.trim();
    }
  }
  const status = readOptionalText(raw.status, 'status', languages, collect, authors);
  if (status) notice.status = status;
  const signature = readOptionalText(raw.signature, 'signature', languages, collect, authors);
  if (signature) notice.signature = signature;
  if (raw.company !== undefined && raw.company !== null) {
    const company = asText(raw.company);
    if (company === null) collect('notice.company', 'Expected the company name customers know, found something else.');
    else {
      collect('notice.company', validateNoticeText(company, authors));
      notice.company = company.trim();
    }
  }
  if (raw.services !== undefined && raw.services !== null) {
    if (!isRecord(raw.services))
      collect('notice.services', 'Expected a mapping of service to names, found something else.');
    else {
      notice.services = {};
      for (const [service, names] of Object.entries(raw.services)) {
        const kept: NoticeText = {};
        for (const lang of languages) {
          const name = isRecord(names) ? asText(names[lang]) : null;
          if (name === null)
            collect(`notice.services.${service}.${lang}`, 'Expected the name customers read, found none.');
          else {
            collect(`notice.services.${service}.${lang}`, validateNoticeText(name, authors));
            if (isLanguage(lang)) kept[lang] = name.trim();
          }
        }
        notice.services[service] = kept;
      }
    }
  }
  return notice;
}

/** What an optional text field of the notice holds, for messages. */
const OPTIONAL_TEXT = {
  signature: { what: 'signature', example: '{ en: "The Relata team" }' },
  status: { what: 'status-page text', example: '{ en: "Checkout was unavailable on May 15, 2018. We are sorry." }' },
} as const;

/**
 * An optional text in any of the notice's languages: the signature (a language left out takes the
 * config's) or the status-page wording. Dropping them made `new --answers` write a file that lost
 * what it was given.
 */
function readOptionalText(
  raw: unknown,
  field: keyof typeof OPTIONAL_TEXT,
  languages: readonly string[],
  collect: Collect,
  authors: readonly string[],
): NoticeText | undefined {
  if (raw === undefined || raw === null) return undefined;
  const { what, example } = OPTIONAL_TEXT[field];
  if (!isRecord(raw)) {
    collect(`notice.${field}`, `Expected a mapping of language to ${what}, such as ${example}.`);
    return undefined;
  }
  const kept: NoticeText = {};
  for (const [lang, value] of Object.entries(raw)) {
    const key = `notice.${field}.${lang}`;
    if (!languages.includes(lang) || !isLanguage(lang)) {
      collect(key, `Expected a language of notice.languages (${languages.join(', ')}), found "${lang}".`);
      continue;
    }
    const text = asText(value);
    if (text === null) collect(key, `Expected the ${what} customers read, found none.`);
    else {
      collect(key, validateNoticeText(text, authors));
      kept[lang] = text.trim();
    }
  }
  return kept;
}
