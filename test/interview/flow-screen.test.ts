// Import order matters: the testing module mocks @inquirer/prompts before our ask module loads it.
import { screen } from '@inquirer/testing/vitest';
import { select } from '@inquirer/prompts';
import { describe, expect, it } from 'vitest';
import { SEVERITY_CHOICES } from '../../src/interview/questions.js';
import { isPromptInterrupt, runInterview, terminalAsk } from '../../src/interview/index.js';

const NOW = Date.parse('2024-03-02T09:00:00Z');

describe('the flow in inquirer prompts (screen)', () => {
  it('explains each severity, takes typed answers and ends on Ctrl-C with ExitPromptError', async () => {
    const steps: Record<string, unknown> = {};
    const saves: string[][] = [];
    const run = runInterview({
      ask: terminalAsk(),
      given: {},
      steps,
      now: NOW,
      machineZone: 'Europe/Berlin',
      onAnswer: async (s) => {
        saves.push(Object.keys(s));
      },
    }).catch((e: unknown) => e);
    expect(screen.getScreen()).toContain('Title (one line: what broke, for whom):');
    screen.type('Checkout down');
    screen.keypress('enter');
    await screen.next();
    const severity = screen.getScreen();
    for (const choice of SEVERITY_CHOICES) expect(severity).toContain(choice.name);
    expect(severity).toContain('Everyone is affected, or data is gone.');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Affected services');
    screen.type('checkout');
    screen.keypress('enter');
    await screen.next();
    screen.type('Ana');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Time zone');
    expect(screen.getScreen()).toContain('Europe/Berlin');
    screen.keypress({ name: 'c', ctrl: true });
    const error = await run;
    expect(isPromptInterrupt(error)).toBe(true);
    expect(steps).toEqual({ title: 'Checkout down', severity: 'SEV2', services: 'checkout', authors: 'Ana' });
    expect(saves).toEqual([['title'], ['title', 'severity'], ['title', 'severity', 'services'], ['title', 'severity', 'services', 'authors']]);
  });

  it('uses the real select prompt for suggestions', async () => {
    const answer = select({ message: 'Suggested for failed rollback (process): Rehearse', choices: [{ value: 'accept' }, { value: 'edit' }, { value: 'drop' }] });
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('drop');
  });
});
