import { describe, expect, it } from 'vitest';
import {
  validateCustomers,
  validateLongText,
  validateDueDate,
  validateId,
  validateList,
  validateMoment,
  validateMomentOrder,
  validateNoticeText,
  validateOwner,
  validateText,
  validateTicket,
  validateTitle,
  validateZone,
  type MomentCheck,
} from '../../src/interview/index.js';

const ok = true;

describe('validateTitle', () => {
  it.each([
    ['Checkout down after a config change', ok],
    ['', 'Expected an answer, found nothing.'],
    ['Checkout down.', 'Expected a title without a trailing period, found one.'],
    ['TODO', 'Expected a real answer, found the placeholder "TODO"; write what you know now.'],
    ['x'.repeat(121), 'Expected a title of at most 120 characters, found 121.'],
  ])('%j -> %j', (text, expected) => {
    expect(validateTitle(text)).toBe(expected);
  });
});

describe('validateText and placeholders', () => {
  it.each([
    ['We rolled back.', ok],
    ['TBD', false],
    ['fix ??? later', false],
    ['<describe the impact>', false],
    ['a FIXME here', false],
    ['   ', false],
    ['Latency rose 5x <2 s to 10 s', ok],
  ])('%j -> ok=%j', (text, expected) => {
    expect(validateText(text) === true).toBe(expected);
  });
});

describe('validateId', () => {
  it.each([
    ['2024-03-01-checkout-outage', ok],
    ['2024-02-30-checkout', false],
    ['2024-03-01-Checkout', false],
    ['2024-03-01-', false],
    ['checkout-outage', false],
    [`2024-03-01-${'a'.repeat(60)}`, ok],
    [`2024-03-01-${'a'.repeat(61)}`, false],
    ['2024-03-01-ends-with-dash-', false],
  ])('%j -> ok=%j', (text, expected) => {
    expect(validateId(text) === true).toBe(expected);
  });
});

describe('validateList', () => {
  it.each([
    ['crm-web, crm-workers', ok],
    ['crm-web', ok],
    [' , ,', false],
    ['crm-web, TODO', false],
  ])('%j -> ok=%j', (text, expected) => {
    expect(validateList(text) === true).toBe(expected);
  });
});

describe('validateZone', () => {
  it.each([
    ['Europe/Berlin', ok],
    ['America/New_York', ok],
    ['+02:00', ok],
    ['-0530', ok],
    ['Z', ok],
    ['UTC', ok],
    ['Mars/Olympus', false],
    ['+25:00', false],
    ['', false],
  ])('%j -> ok=%j', (text, expected) => {
    expect(validateZone(text) === true).toBe(expected);
  });
});

describe('validateMoment', () => {
  const berlin: MomentCheck = {
    name: 'detected',
    zone: 'Europe/Berlin',
    date: '2024-03-01',
    previous: { name: 'started', iso: '2024-03-01T14:02:00+01:00' },
  };
  it.each([
    ['14:04', ok],
    ['14:02', ok],
    ['14:01', 'Expected detected at or after started (2024-03-01T14:02:00+01:00), found 2024-03-01T14:01:00+01:00.'],
    ['2024-03-01T13:05:00Z', ok],
    [
      '2024-03-01T13:01:00Z',
      'Expected detected at or after started (2024-03-01T14:02:00+01:00), found 2024-03-01T13:01:00Z.',
    ],
    ['2024-03-02 09:00', ok],
    ['2024-03-02 09:00 +01:00', ok],
    ['25:00', 'Expected a real date and time, found "25:00".'],
    [
      'yesterday',
      'Expected a time like 14:02, a date and time like 2024-03-01 14:02 or 01.03.2024 14:02, ' +
        'or a timestamp like 2024-03-01T14:02:00+02:00, found "yesterday".',
    ],
    ['2024-02-30 10:00', 'Expected a real date and time, found "2024-02-30 10:00".'],
  ])('%j -> %j', (text, expected) => {
    expect(validateMoment(text, berlin)).toBe(expected);
  });
});

describe('validateMomentOrder', () => {
  it.each([
    [
      {
        started: '2024-03-01T14:00:00Z',
        detected: '2024-03-01T14:00:00Z',
        mitigated: '2024-03-01T15:00:00Z',
        resolved: '2024-03-01T16:00:00Z',
      },
      ok,
    ],
    [
      { started: '2024-03-01T14:00:00Z', resolved: '2024-03-01T13:00:00Z' },
      'Expected resolved at or after started (2024-03-01T14:00:00Z), found 2024-03-01T13:00:00Z.',
    ],
    [
      { detected: '2024-03-01T14:00:00Z', mitigated: '2024-03-01T15:00:00+02:00' },
      'Expected mitigated at or after detected (2024-03-01T14:00:00Z), found 2024-03-01T15:00:00+02:00.',
    ],
    [{ started: '2024-03-01 14:00' }, 'Expected `started` as a timestamp with an offset, found "2024-03-01 14:00".'],
  ])('%j -> %j', (moments, expected) => {
    expect(validateMomentOrder(moments)).toBe(expected);
  });
});

describe('validateOwner', () => {
  it.each([
    ['platform-team', ok],
    ['Carla Neumeier', ok],
    ['', false],
    ['-', false],
    ['TBD', false],
    ['nobody', false],
    ['???', false],
    // A date typed into the owner field (then offered as the next item's owner) is no owner.
    ['2009-12-01', false],
    ['01.12.2009', false],
    ['12/01/2009', false],
    ['42', false],
    ['team-7', ok],
  ])('%j -> ok=%j', (text, expected) => {
    expect(validateOwner(text) === true).toBe(expected);
  });
});

describe('validateDueDate', () => {
  it.each([
    ['2024-04-01', undefined, ok],
    ['2024-02-29', undefined, ok],
    ['2023-02-29', undefined, 'Expected a due date YYYY-MM-DD or DD.MM.YYYY, found "2023-02-29".'],
    // The forms the time questions take.
    ['01.04.2024', undefined, ok],
    ['1.4.2024', undefined, ok],
    ['31.04.2024', undefined, 'Expected a due date YYYY-MM-DD or DD.MM.YYYY, found "31.04.2024".'],
    ['04/01/2024', undefined, 'Expected a due date YYYY-MM-DD or DD.MM.YYYY, found "04/01/2024".'],
    ['2024-02-28', '2024-03-01', 'Expected a due date on or after 2024-03-01, found 2024-02-28.'],
    ['28.02.2024', '2024-03-01', 'Expected a due date on or after 2024-03-01, found 2024-02-28.'],
    ['2024-03-01', '2024-03-01', ok],
  ])('%j (not before %j) -> %j', (text, notBefore, expected) => {
    expect(validateDueDate(text, notBefore)).toBe(expected);
  });
});

describe('validateCustomers', () => {
  it.each([
    ['0', ok],
    ['8400', ok],
    ['8,400', ok],
    ['-1', false],
    ['about 100', false],
    ['1.5', false],
    ['', false],
  ])('%j -> ok=%j', (text, expected) => {
    expect(validateCustomers(text) === true).toBe(expected);
  });
});

describe('validateTicket', () => {
  it.each([
    ['', ok],
    ['CRM-4711', ok],
    ['https://tracker.example.com/4711', ok],
    ['two words', false],
    ['TODO', false],
  ])('%j -> ok=%j', (text, expected) => {
    expect(validateTicket(text) === true).toBe(expected);
  });
});

describe('validateNoticeText', () => {
  it.each([
    ['A software update caused errors on every page.', ok],
    ['Requests to 10.0.3.12 failed.', 'Expected customer-facing wording, found a private IP address: "10.0.3.12".'],
    ['The server crm-web-01 crashed.', 'Expected customer-facing wording, found a host name: "crm-web-01".'],
    [
      'db-03.internal ran out of disk.',
      'Expected customer-facing wording, found an internal host name: "db-03.internal".',
    ],
    ['Tracked in CRM-4711.', 'Expected customer-facing wording, found a ticket id: "CRM-4711".'],
    ['Write to ops@example.com.', 'Expected customer-facing wording, found an e-mail address: "ops@example.com".'],
    ['Carla Neumeier fixed it.', 'Expected customer-facing wording, found an author\'s name: "Carla Neumeier".'],
    ['Our COVID-19 measures stay in place.', ok],
    ['', 'Expected an answer, found nothing.'],
  ])('%j -> %j', (text, expected) => {
    expect(validateNoticeText(text, ['Carla Neumeier'])).toBe(expected);
  });
});

describe('validateLongText: code fences must be closed', () => {
  it.each([
    ['Text.\n\n```\nlog\n```\n', true],
    ['~~~~\ncode\n~~~~~\n', true],
    ['Run ``` npm test ``` first.', true],
    ['```js\nconst a = 1;\n', 'line 1'],
    ['Intro\n\n~~~\ncode\n```\n', 'line 3'],
    ['```\ncode\n``` not a close\n', 'line 1'],
    ['````\ncode\n```\n', 'line 1'],
  ])('%j', (text, expected) => {
    const result = validateLongText(text);
    if (expected === true) expect(result).toBe(true);
    else expect(result).toContain(`Expected the code fence opened on ${expected} of the answer to be closed`);
  });
});
