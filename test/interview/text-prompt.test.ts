import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { validateLongText } from '../../src/interview/index.js';
import { firstLineOf, textPrompt } from '../../src/interview/text-prompt.js';

const HINT = 'hint line';

async function prompt(config: { default?: string } = {}) {
  return render(textPrompt, { message: 'Summary:', hint: HINT, validate: validateLongText, ...config });
}

describe('the multi-line text prompt', () => {
  it('answers on Enter with one line, and shows the hint under the prompt', async () => {
    const { answer, events, getScreen } = await prompt();
    expect(getScreen()).toContain(HINT);
    events.type('One line.');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: 'One line.', edit: false });
  });

  it('keeps every line of a bracketed paste, blank lines too, and answers on the Enter after it', async () => {
    const { answer, events, getScreen } = await prompt();
    events.keypress('paste-start');
    for (const [i, line] of ['First.', '', '- a', '- b'].entries()) {
      if (i > 0) events.keypress('enter');
      events.type(line);
    }
    events.keypress('paste-end');
    expect(getScreen()).toContain('  First.\n\n  - a\n  - b');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: 'First.\n\n- a\n- b', edit: false });
  });

  it('goes on to a new line after a trailing backslash, and Backspace joins it back', async () => {
    const { answer, events } = await prompt();
    events.type('Line one \\');
    events.keypress('enter');
    events.type('x');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type(' and more');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: 'Line one and more', edit: false });
  });

  it('keeps the text and shows why when the answer is refused', async () => {
    const { answer, events, getScreen } = await prompt();
    events.type('```');
    events.keypress('enter');
    expect(getScreen()).toContain('Expected the code fence opened on line 1 of the answer to be closed');
    events.type(' code ```');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: '``` code ```', edit: false });
  });

  it('takes the default on an empty Enter, and Tab puts it on the line to edit', async () => {
    const first = await prompt({ default: 'As drafted.' });
    first.events.keypress('enter');
    await expect(first.answer).resolves.toEqual({ text: 'As drafted.', edit: false });
    const second = await prompt({ default: 'As drafted.' });
    second.events.keypress('tab');
    second.events.type(' Edited');
    second.events.keypress('enter');
    await expect(second.answer).resolves.toEqual({ text: 'As drafted. Edited', edit: false });
  });

  it('asks for the editor on "e" or Ctrl-E, handing over what was typed', async () => {
    const first = await prompt({ default: 'Draft.' });
    first.events.type('e');
    first.events.keypress('enter');
    await expect(first.answer).resolves.toEqual({ text: 'Draft.', edit: true });
    const second = await prompt();
    second.events.type('Begun');
    second.events.keypress({ name: 'e', ctrl: true });
    await expect(second.answer).resolves.toEqual({ text: 'Begun', edit: true });
  });

  it.each([
    ['one', 'one'],
    ['one\ntwo', 'one (+1 more line)'],
    ['one\ntwo\nthree', 'one (+2 more lines)'],
  ])('echoes %j as %j', (text, shown) => {
    expect(firstLineOf(text)).toBe(shown);
  });
});
