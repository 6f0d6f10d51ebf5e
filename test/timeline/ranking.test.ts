import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectTimeline } from '../../src/timeline/collect.js';
import { ROOT } from '../helpers/cli.js';

// Precision and recall of the preselection on incident channels written after public write-ups
// (test/fixtures/timeline/ranking/build.py says which), against the timelines those write-ups
// published. docs/timeline.md reports these numbers; the floors below keep them from sliding.
const DIR = join(ROOT, 'test', 'fixtures', 'timeline', 'ranking');

interface Published {
  at: string;
  message: string;
  published: string;
}

async function measure(
  name: string,
): Promise<{ precision: number; recall: number; picked: number; published: number }> {
  const expected = JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8')) as Published[];
  const outcome = await collectTimeline({ cwd: join(DIR, name), file: `${name}.md`, sources: ['slack'], env: {} });
  const picked = outcome.candidates.filter((c) => c.preselected);
  const isPublished = (text: string, at: number) =>
    expected.some(
      (e) => Date.parse(e.at) === Math.floor(at / 60_000) * 60_000 && text === e.message.replace(/\s+/g, ' '),
    );
  const hits = picked.filter((c) => isPublished(c.text, c.at)).length;
  return {
    precision: hits / picked.length,
    recall: hits / expected.length,
    picked: picked.length,
    published: expected.length,
  };
}

describe('ranking: the preselection against published timelines', () => {
  it.each([
    // Measured: 0.78 / 0.88 and 0.92 / 0.75 on the two channels the weights were set on; 1.00 / 0.33 held out.
    ['2019-07-02-waf-cpu', 0.75, 0.85],
    ['2017-01-31-db-removal', 0.9, 0.7],
    ['2018-10-21-network-partition', 0.95, 0.3],
  ])('%s: precision >= %s, recall >= %s', async (name, minPrecision, minRecall) => {
    const m = await measure(name);
    // Printed for docs/timeline.md.
    console.info(
      `${name}: ${m.picked} preselected, ${m.published} published; precision ${m.precision.toFixed(2)}, recall ${m.recall.toFixed(2)}`,
    );
    expect(m.precision).toBeGreaterThanOrEqual(minPrecision);
    expect(m.recall).toBeGreaterThanOrEqual(minRecall);
  });
});
