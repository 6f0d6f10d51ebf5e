import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { examples } from '../helpers/examples.js';

describe('bundled examples', () => {
  const all = examples();

  it('has the five incidents the tool was born from', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  it.each(all.map((e) => [e.name, e] as const))('%s parses and validates with no problem', (_name, example) => {
    const { postmortem, problems } = parsePostmortem(example.text, example.path);
    expect(problems).toEqual([]);
    expect(checkPostmortem(postmortem, {}, 'warning')).toEqual([]);
    expect(postmortem.data.status).toBe('final');
    const notice = postmortem.data.notice as { languages: string[] };
    expect(notice.languages).toEqual(expect.arrayContaining(['en', 'de']));
    expect(postmortem.timeline.length).toBeGreaterThan(4);
    expect(postmortem.actionItems?.rows.length).toBeGreaterThan(2);
  });
});
