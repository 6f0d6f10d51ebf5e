/** The closing steps: lessons learned and the customer notice. */
import { NOTICE_FIELDS } from '../model/index.js';
import { LANGUAGES, languageModule, type Language } from '../language/index.js';
import { emptyNotice, type NoticeAnswer, type NoticeText } from './answers.js';
import type { InterviewContext } from './flow-context.js';
import { noticeDrafts, statusDraft } from './notice-drafts.js';
import { LESSON_QUESTIONS, MESSAGES, NOTICE_MESSAGES, NOTICE_STATUS_MESSAGE, STEP_TITLES } from './questions.js';
import { validateLongText, validateNoticeText, validateOptionalLongText } from './validators.js';

/** Asks each lessons question for items until an empty answer. */
export async function askLessons(iv: InterviewContext): Promise<void> {
  iv.header(STEP_TITLES.lessons);
  const lessons = (iv.a.lessons ??= {});
  for (const q of LESSON_QUESTIONS) {
    if (lessons[q.key] !== undefined) continue;
    const items: string[] = [];
    for (let i = 0; ; i++) {
      const message = i === 0 ? q.message : `${q.message} (another item; Enter on an empty line ends the list)`;
      const item = (
        await iv.step(`lessons.${q.key}.${i}`, (ask) =>
          i === 0
            ? ask.text({ message, validate: validateLongText })
            : ask.text({ message, validate: validateOptionalLongText, emptyEnds: true }),
        )
      ).trim();
      if (item === '') break;
      items.push(item);
    }
    lessons[q.key] = items;
  }
}

/** Asks for the customer notice (drafts from earlier answers as defaults), unless given. */
export async function askNotice(iv: InterviewContext): Promise<void> {
  const a = iv.a;
  if (a.notice !== undefined) return;
  iv.header(STEP_TITLES.notice);
  const write = await iv.step(
    'notice.write',
    (ask) => ask.confirm({ message: MESSAGES.writeNotice, default: true }),
    () => false,
  );
  if (!write) return;
  // Every language that has a module is offered (the list comes from the registry, so French came
  // with its module); English is checked, as the notice's first language by default.
  const chosen = await iv.step('notice.languages', (ask) =>
    ask.checkbox<Language>({
      message: MESSAGES.noticeLanguages,
      choices: LANGUAGES.map((lang) => ({ value: lang, name: languageModule(lang).name, checked: lang === 'en' })),
      validate: (values) => (values.length > 0 ? true : 'Expected at least one language, found none.'),
    }),
  );
  // The registry's order, whatever order the answers came in.
  const languages: Language[] = LANGUAGES.filter((lang) => chosen.includes(lang));
  const drafts = noticeDrafts(a);
  const authors = a.authors ?? [];
  const notice = emptyNotice(languages);
  for (const field of NOTICE_FIELDS) {
    for (const lang of languages) {
      const message = `${NOTICE_MESSAGES[field]} (${languageModule(lang).name}):`;
      const validate = (v: string) => validateNoticeText(v, authors);
      notice[field][lang] = (
        await iv.step(`notice.${field}.${lang}`, (ask) =>
          field === 'headline'
            ? ask.input({ message, default: drafts[field][lang], validate })
            : ask.text({ message, default: drafts[field][lang], validate }),
        )
      ).trim();
    }
  }
  const status = await askStatus(iv, languages, notice);
  if (Object.keys(status).length > 0) notice.status = status;
  const services = await askServiceNames(iv, languages);
  if (Object.keys(services).length > 0) notice.services = services;
  a.notice = notice;
}

/**
 * The optional status-page wording, proposed from the facts given and the wording just written
 * (`statusDraft`); "-" leaves it out, and the status page is then built from the notice.
 */
async function askStatus(
  iv: InterviewContext,
  languages: readonly Language[],
  notice: NoticeAnswer,
): Promise<NoticeText> {
  const authors = iv.a.authors ?? [];
  const status: NoticeText = {};
  for (const lang of languages) {
    const proposal = statusDraft(
      iv.a,
      { customer_impact: notice.customer_impact[lang] ?? '', apology: notice.apology[lang] ?? '' },
      lang,
    );
    const message = `${NOTICE_STATUS_MESSAGE} (${languageModule(lang).name}; "-" for none):`;
    const validate = (v: string) => (v.trim() === '-' ? true : validateNoticeText(v, authors));
    const text = (
      await iv.step(`notice.status.${lang}`, (ask) => ask.text({ message, default: proposal, validate }))
    ).trim();
    if (text !== '-' && text !== '') status[lang] = text;
  }
  return status;
}

/** Customers never read a service id: asks a name for each service the project config does not name. */
async function askServiceNames(
  iv: InterviewContext,
  languages: readonly Language[],
): Promise<Record<string, NoticeText>> {
  const known = iv.options.serviceNames ?? {};
  const names: Record<string, NoticeText> = {};
  for (const service of iv.a.services ?? []) {
    for (const lang of languages) {
      if (known[service]?.[lang]) continue;
      const message = `What do customers call the service "${service}" (${languageModule(lang).name})?`;
      const name = await iv.step(`notice.services.${service}.${lang}`, (ask) =>
        ask.input({ message, validate: (v) => validateNoticeText(v, iv.a.authors ?? []) }),
      );
      (names[service] ??= {})[lang] = name.trim();
    }
  }
  return names;
}
