/** The root-cause step: categories with a summary each, their follow-ups, own words and the five whys. */
import { CATEGORIES, categoryDefinition } from './categories.js';
import type { InterviewContext } from './flow-context.js';
import { MESSAGES, STEP_TITLES } from './questions.js';
import { validateCategories, validateOptionalLongText, validateOptionalText, validateText } from './validators.js';

function categoryChoices(iv: InterviewContext) {
  const extra = (iv.options.categories ?? []).filter((id) => !CATEGORIES.some((c) => c.id === id));
  return [...CATEGORIES.map((c) => c.id), ...extra].map((id) => {
    const c = categoryDefinition(id);
    return { value: id, name: c.label, description: c.description };
  });
}

async function askFollowups(iv: InterviewContext): Promise<void> {
  const followups = (iv.a.followups ??= {});
  for (const category of [...new Set((iv.a.root_causes ?? []).map((c) => c.category))]) {
    const answers = (followups[category] ??= {});
    for (const q of categoryDefinition(category).followUps) {
      if (answers[q.key] !== undefined) continue;
      const key = `followups.${category}.${q.key}`;
      const value = await iv.step<string | boolean | string[]>(
        key,
        (ask) =>
          q.kind === 'confirm'
            ? ask.confirm({ message: q.message, default: false })
            : q.kind === 'select'
              ? ask.checkbox({
                  message: `${q.message} (space selects, several are fine)`,
                  choices: (q.choices ?? []).map((c) => ({ value: c, name: c })),
                })
              : ask.input({ message: `${q.message} (optional)`, validate: validateOptionalText }),
        () => '',
      );
      const answer = await followupAnswer(iv, key, value);
      if (answer !== '') answers[q.key] = answer;
    }
  }
}

/** A several-answer follow-up becomes one text; "other" asks which. */
async function followupAnswer(
  iv: InterviewContext,
  key: string,
  value: string | boolean | string[],
): Promise<string | boolean> {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim();
  const picked = value.filter((v) => v !== 'other');
  if (value.includes('other')) {
    const other = await iv.step(`${key}.other`, (ask) =>
      ask.input({ message: 'Which other one?', validate: validateText }),
    );
    picked.push(other.trim());
  }
  return picked.join(', ');
}

async function askFiveWhys(iv: InterviewContext): Promise<void> {
  const start = await iv.step(
    'five_whys.start',
    (ask) => ask.confirm({ message: MESSAGES.fiveWhys, default: false }),
    () => false,
  );
  const whys: string[] = [];
  for (let i = 0; start && i < 5; i++) {
    const message =
      i === 0 ? 'Why did it happen? (enter on an empty answer to stop)' : `Why? (${i + 1} of 5, empty to stop)`;
    const why = (
      await iv.step(`five_whys.${i}`, (ask) => ask.text({ message, validate: validateOptionalLongText }))
    ).trim();
    if (why === '') break;
    whys.push(why);
  }
  if (whys.length > 0) iv.a.five_whys = whys;
}

/** Asks what caused the incident, unless the answers hold it. */
export async function askRootCause(iv: InterviewContext): Promise<void> {
  const a = iv.a;
  iv.header(STEP_TITLES.rootCause);
  if (a.root_causes === undefined) {
    const chosen = await iv.step('root_causes.categories', (ask) =>
      ask.checkbox({ message: MESSAGES.categories, choices: categoryChoices(iv), validate: validateCategories }),
    );
    const causes = [];
    for (const category of chosen) {
      const label = categoryDefinition(category).label.toLowerCase();
      const summary = await iv.step(`root_causes.${category}.summary`, (ask) =>
        ask.input({ message: `In one sentence, how did the ${label} cause the incident?`, validate: validateText }),
      );
      causes.push({ category, summary: summary.trim() });
    }
    a.root_causes = causes;
  }
  await askFollowups(iv);
  if (a.root_cause === undefined) {
    const text = (
      await iv.step(
        'root_cause',
        (ask) => ask.text({ message: MESSAGES.rootCause, validate: validateOptionalLongText }),
        () => '',
      )
    ).trim();
    if (text !== '') a.root_cause = text;
  }
  if (a.five_whys === undefined) await askFiveWhys(iv);
}
