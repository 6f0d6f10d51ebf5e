import { describe, expect, it } from 'vitest';
import { noticeDrafts, validateNoticeText } from '../../src/interview/index.js';

const BASE = {
  started: '2024-03-01T14:02:00+01:00',
  mitigated: '2024-03-01T17:02:00+01:00',
  impact: { customers_affected: 100, data_loss: false },
};

describe('the suggested customer wording fits the severity', () => {
  it.each([
    [
      'SEV1',
      'For about 3 hours, our service was unavailable for you.',
      'Etwa 3 Stunden lang war unser Dienst für Sie nicht erreichbar.',
    ],
    [
      'SEV2',
      'For about 3 hours, important parts of our service were unavailable for you.',
      'Etwa 3 Stunden lang waren wichtige Teile unseres Dienstes für Sie nicht erreichbar.',
    ],
    [
      'SEV3',
      'For about 3 hours, parts of our service were slow or partly unavailable for you.',
      'Etwa 3 Stunden lang waren Teile unseres Dienstes für Sie langsam oder teilweise nicht erreichbar.',
    ],
    [
      'SEV4',
      'For about 3 hours, parts of our service were slower than usual for you.',
      'Etwa 3 Stunden lang waren Teile unseres Dienstes für Sie langsamer als gewohnt.',
    ],
  ])('%s', (severity, en, de) => {
    const drafts = noticeDrafts({ ...BASE, severity });
    expect(drafts.customer_impact.en).toBe(`${en} No data was lost.`);
    expect(drafts.customer_impact.de).toBe(`${de} Es sind keine Daten verloren gegangen.`);
    expect(validateNoticeText(drafts.customer_impact.en)).toBe(true);
  });

  it('leaves the duration out when there is none', () => {
    expect(noticeDrafts({ severity: 'SEV1' }).customer_impact.en).toBe(
      'Our service was unavailable for you. No data was lost.',
    );
  });
});
