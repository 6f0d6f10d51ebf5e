import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { renderPostmortem } from '../../src/render/postmortem.js';
import { examples } from '../helpers/examples.js';

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
  // The section was split again for every item: 8,000 items took 29 s, 20,000 over a minute.
  it('renders 8,000 items well within the time limit, each with what follows it', { timeout: 120_000 }, async () => {
    const { postmortem } = parsePostmortem(withTimeline(8_000), example.path);
    expect(postmortem.timeline).toHaveLength(8_000);
    const start = performance.now();
    const out = await renderPostmortem(postmortem);
    // Generous for a loaded machine (well under a second; the old code took 29 s here).
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(out).toContain('step 7999');
    expect(out).toContain('  - detail 7990');
    expect(out).toContain('Note after step 7990.');
    expect(out.match(/^- .* — step \d+$/gm)).toHaveLength(8_000);
  });
});
