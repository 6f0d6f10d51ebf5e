import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { validateLongText } from '../../src/interview/index.js';
import { firstLineOf, joinPastedLines, textPrompt } from '../../src/interview/text-prompt.js';

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

describe('text from a draft', () => {
  it('shows a default with control characters visibly (a draft file may hold escape sequences)', async () => {
    const hostile = 'Checkout \u001b]52;c;aGk=\u0007down\u001b[2J';
    const { answer, events, getScreen } = await prompt({ default: hostile });
    expect(getScreen()).toContain('Checkout \\u001b]52;c;aGk=\\u0007down\\u001b[2J');
    expect(getScreen()).not.toContain('\u0007');
    events.keypress('enter');
    // The answer itself is the draft's text; lint's no-control-characters rule reports it in the file.
    await expect(answer).resolves.toEqual({ text: hostile, edit: false });
  });
});

describe('a one-line question (services, a sentence)', () => {
  async function oneLine(join: 'list' | 'text') {
    return render(textPrompt, { message: 'Affected services:', hint: HINT, oneLine: join });
  }

  function paste(events: { keypress: (key: string) => void; type: (text: string) => void }, lines: string[]) {
    events.keypress('paste-start');
    for (const [i, line] of lines.entries()) {
      if (i > 0) events.keypress('enter');
      events.type(line);
    }
    events.keypress('paste-end');
  }

  it('joins pasted lines of a list with commas and says so; nothing pasted is dropped', async () => {
    const { answer, events, getScreen } = await oneLine('list');
    paste(events, ['checkout,', 'payments,', 'search']);
    expect(getScreen()).toContain('Joined 3 pasted lines with commas.');
    expect(getScreen()).toContain('checkout, payments, search');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: 'checkout, payments, search', edit: false });
  });

  it('joins pasted lines of text with spaces, and Enter outside a paste answers', async () => {
    const { answer, events, getScreen } = await oneLine('text');
    paste(events, ['Orders placed between 14:02', 'and 14:31 in the EU region,', '', 'about 1,200 orders.']);
    expect(getScreen()).toContain('Joined 4 pasted lines with spaces.');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({
      text: 'Orders placed between 14:02 and 14:31 in the EU region, about 1,200 orders.',
      edit: false,
    });
  });

  it('answers a typed line ending in a backslash as it is, and "e" is an answer, not the editor', async () => {
    const typed = await oneLine('text');
    typed.events.type('C:\\');
    typed.events.keypress('enter');
    await expect(typed.answer).resolves.toEqual({ text: 'C:\\', edit: false });
    const e = await oneLine('text');
    e.events.type('e');
    e.events.keypress('enter');
    await expect(e.answer).resolves.toEqual({ text: 'e', edit: false });
  });

  it.each([
    [['checkout,', 'payments,', 'search'], 'list', 'checkout, payments, search'],
    [[' a ', '', ',b,', 'c'], 'list', 'a, b, c'],
    [['one', '  two  ', ''], 'text', 'one two'],
  ] as const)('joinPastedLines(%j, %s) = %j', (lines, join, expected) => {
    expect(joinPastedLines(lines, join)).toBe(expected);
  });
});
