/**
 * A free-text prompt that keeps every line. Inquirer's `input` answers on the first line break, so
 * a pasted paragraph lost all but its first line. Here a bracketed paste keeps its lines (blank
 * ones too), a line typed with a trailing `\` goes on to the next, and Enter outside a paste
 * answers. `e` alone or Ctrl-E asks the caller to open `$VISUAL`/`$EDITOR` instead.
 */
import {
  createPrompt,
  isBackspaceKey,
  isEnterKey,
  isTabKey,
  makeTheme,
  useKeypress,
  usePrefix,
  useRef,
  useState,
} from '@inquirer/core';
import type { Validation } from './validators.js';

/** What the text prompt is given. */
export interface TextPromptConfig {
  message: string;
  default?: string;
  validate?: (value: string) => Validation;
  /** One line under the prompt: how to add lines, paste, use the editor. */
  hint: string;
  /** Inquirer's theme, as for its own prompts. */
  theme?: { style: { message: (text: string, status: string) => string } };
}

/** The answer, or the request to continue in the editor with the text so far. */
export interface TextPromptResult {
  text: string;
  edit: boolean;
}

/** The first line of a text and how many lines follow, for a one-line echo. */
export function firstLineOf(text: string): string {
  const lines = text.split('\n');
  const rest = lines.length - 1;
  return rest > 0 ? `${lines[0] ?? ''} (+${rest} more line${rest === 1 ? '' : 's'})` : (lines[0] ?? '');
}

/** The multi-line text prompt (an inquirer prompt: call with config and `{ input, output }`). */
export const textPrompt = createPrompt<TextPromptResult, TextPromptConfig>((config, done) => {
  const theme = makeTheme<object>(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  const [defaultValue, setDefaultValue] = useState(config.default ?? '');
  const [, rerender] = useState(0);
  const prefix = usePrefix({ status, theme });
  // Refs, not state: a paste arrives as one burst of keypresses, handled before any re-render.
  const lines = useRef<string[]>([]);
  const current = useRef('');
  const pasting = useRef(false);
  const answer = useRef('');

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const changed = () => rerender((n) => n + 1);
    if (key.name === 'paste-start' || key.name === 'paste-end') {
      pasting.current = key.name === 'paste-start';
      current.current = rl.line;
      return changed();
    }
    if (isEnterKey(key)) {
      // readline has already emptied its line for the Enter; `current` holds what it was.
      const line = current.current;
      if (pasting.current || line.endsWith('\\')) {
        lines.current.push(pasting.current ? line : line.slice(0, -1).trimEnd());
        current.current = '';
        return changed();
      }
      if (lines.current.length === 0 && line.trim() === 'e') {
        setStatus('done');
        return done({ text: defaultValue, edit: true });
      }
      let text = [...lines.current, line].join('\n');
      if (text.trim() === '') text = defaultValue;
      const check = config.validate ? config.validate(text) : true;
      if (check === true) {
        answer.current = text;
        setStatus('done');
        return done({ text, edit: false });
      }
      rl.write(line);
      current.current = rl.line;
      setError(check);
      return changed();
    }
    if (key.ctrl && key.name === 'e') {
      const text = [...lines.current, rl.line].join('\n');
      setStatus('done');
      return done({ text: text.trim() === '' ? defaultValue : text, edit: true });
    }
    if (isTabKey(key) && current.current === '' && lines.current.length === 0 && defaultValue !== '') {
      rl.clearLine(0);
      const parts = defaultValue.split('\n');
      lines.current = parts.slice(0, -1);
      rl.write(parts.at(-1) ?? '');
      current.current = rl.line;
      setDefaultValue('');
      return changed();
    }
    if (isBackspaceKey(key) && current.current === '' && rl.line === '' && lines.current.length > 0) {
      // Backspace at the start of a line joins it to the line above, as in an editor.
      rl.write(lines.current.pop() ?? '');
    }
    current.current = rl.line;
    setError(undefined);
    changed();
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(firstLineOf(answer.current))}`;
  const shownDefault =
    defaultValue !== '' && lines.current.length === 0 && current.current === ''
      ? theme.style.defaultAnswer(firstLineOf(defaultValue))
      : undefined;
  const head = [prefix, message, shownDefault].filter((part) => part !== undefined).join(' ');
  const body =
    lines.current.length === 0
      ? `${head} ${current.current}`
      : `${head}\n${lines.current.map((l) => `  ${l}`).join('\n')}\n  ${current.current}`;
  return [body, error ? theme.style.error(error) : theme.style.help(config.hint)];
});
