import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { renderPostmortem } from '../../src/render/postmortem.js';
import { examples } from '../helpers/examples.js';
import { charactersSplit } from '../helpers/work.js';

const example = examples().find((e) => e.name.includes('crm-release')) ?? examples()[0]!;

/** The example with its timeline replaced by `n` items a second apart, every tenth with a sub-list and a note after it. */
function withTimeline(n: number): string {
  const start = Date.parse('2018-05-15T12:02:00Z');
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = new Date(start + i * 1000).toISOString();
    items.push(`- ${t.slice(0, 10)} ${t.slice(11, 19)} Z — step ${i}`);
    if (i % 10 === 0) items.push(`  - detail ${i}`, '', `Note after step ${i}.`, '');
  }
  const text = example.text.replace(/## Timeline\n\n(?:- .*\n)+/, `## Timeline\n\n${items.join('\n')}\n`);
  expect(text).not.toBe(example.text);
  return text;
}

describe('render is linear in the timeline items', () => {
  // The section was split again for every item: 8,000 items took 29 s, 20,000 over a minute. The
  // work is counted, not timed (a loaded machine must not fail it): ten times the items may split
  // ten times the text, not a hundred times.
  it(
    'splits ten times the text for ten times the items, and renders each item with what follows it',
    { timeout: 120_000 },
    async () => {
      const rendered = async (n: number) => {
        const { postmortem } = parsePostmortem(withTimeline(n), example.path);
        expect(postmortem.timeline).toHaveLength(n);
        return charactersSplit(() => renderPostmortem(postmortem));
      };
      const small = await rendered(400);
      const large = await rendered(4_000);
      expect(small.characters).toBeGreaterThan(0);
      expect(large.characters / small.characters).toBeLessThan(15);
      const out = large.value;
      expect(out).toContain('step 3999');
      expect(out).toContain('  - detail 3990');
      expect(out).toContain('Note after step 3990.');
      expect(out.match(/^- .* — step \d+$/gm)).toHaveLength(4_000);
    },
  );
});
