import { input } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { validateMoment } from '../../src/interview/index.js';

describe('single prompts (render)', () => {
  it('shows the moment validator message and accepts a corrected time', async () => {
    const check = {
      name: 'detected' as const,
      zone: 'Europe/Berlin',
      date: '2024-03-01',
      previous: { name: 'started' as const, iso: '2024-03-01T14:02:00+01:00' },
    };
    const { answer, events, getScreen, nextRender } = await render(input, {
      message: 'When was it detected?',
      validate: (v: string) => validateMoment(v, check),
    });
    events.type('13:59');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain(
      'Expected detected at or after started (2024-03-01T14:02:00+01:00), found 2024-03-01T13:59:00+01:00.',
    );
    for (let i = 0; i < 5; i++) events.keypress('backspace');
    events.type('14:05');
    events.keypress('enter');
    await expect(answer).resolves.toBe('14:05');
  });
});
