import { describe, expect, it } from 'vitest';
import { noticeDrafts } from '../../src/interview/index.js';

// Read as an English customer would (issue 18): each cause says only what its category means.
describe('English suggestions for what happened assert nothing the category does not say', () => {
  it.each([
    // Not "received more load than they were prepared for": capacity can also be lost (a failed scale-up).
    ['capacity', 'Our systems did not have enough capacity for the load on them.'],
    // Not "kept requests from reaching our systems": the network may be the one between our own sites.
    ['network', 'A problem in our network disrupted our service.'],
    // Not "took longer than planned": the category says the way back failed, not how long it took.
    [
      'failed-rollback',
      'A software update did not work as intended, and returning to the previous version did not work as planned either.',
    ],
    // Not "Stored data was damaged": a missing backup may only have slowed recovery, with no data lost.
    ['missing-backup', 'We did not have a complete, working backup of the affected data.'],
  ])('%s', (category, expected) => {
    const drafts = noticeDrafts({
      severity: 'SEV2',
      impact: { customers_affected: 10, data_loss: false },
      root_causes: [{ category, summary: 'x' }],
    });
    expect(drafts.what_happened.en).toBe(expected);
  });
});
