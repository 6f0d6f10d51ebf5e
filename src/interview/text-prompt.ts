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
import { visible } from '../model/visible.js';
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
  /**
   * A one-line question: Enter answers, and the lines of a paste are joined into one ("list":
   * with commas, "text": with spaces), saying so under the prompt, instead of all but the first
   * being dropped as inquirer's `input` does.
   */
  oneLine?: PasteJoin;
  /** Enter on an empty line answers '' even with a default (which Tab still brings back). */
  emptyEnds?: boolean;
}

/** How a one-line question joins pasted lines: a comma-separated list, or a sentence. */
export type PasteJoin = 'list' | 'text';

/**
 * Joins pasted lines into one answer: for a list, the items with ", " (stray commas at the line
 * ends dropped), for text, the lines with a space. Blank lines go; nothing else is dropped.
 */
export function joinPastedLines(lines: readonly string[], join: PasteJoin): string {
  if (join === 'text')
    return lines
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' ');
  return lines
    .map((line) =>
      line
        .trim()
        .replace(/^,+|,+$/g, '')
        .trim(),
    )
    .filter((line) => line !== '')
    .join(', ');
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
  const [joined, setJoined] = useState<string | undefined>(undefined);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const changed = () => rerender((n) => n + 1);
    if (key.name === 'paste-start' || key.name === 'paste-end') {
      pasting.current = key.name === 'paste-start';
      current.current = rl.line;
      if (config.oneLine && key.name === 'paste-end' && lines.current.length > 0) {
        // A one-line answer: the pasted lines become one line, and the prompt says how.
        const count = lines.current.length + 1;
        const text = joinPastedLines([...lines.current, rl.line], config.oneLine);
        lines.current = [];
        rl.clearLine(0);
        rl.write(text);
        current.current = rl.line;
        setJoined(`Joined ${count} pasted lines with ${config.oneLine === 'list' ? 'commas' : 'spaces'}.`);
      }
      return changed();
    }
    if (isEnterKey(key)) {
      // readline has already emptied its line for the Enter; `current` holds what it was.
      const line = current.current;
      if (pasting.current || (!config.oneLine && line.endsWith('\\'))) {
        lines.current.push(pasting.current ? line : line.slice(0, -1).trimEnd());
        current.current = '';
        return changed();
      }
      if (!config.oneLine && lines.current.length === 0 && line.trim() === 'e') {
        setStatus('done');
        return done({ text: defaultValue, edit: true });
      }
      let text = [...lines.current, line].join('\n');
      if (text.trim() === '') text = config.emptyEnds ? '' : defaultValue;
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
    if (!config.oneLine && key.ctrl && key.name === 'e') {
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
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(visible(firstLineOf(answer.current)))}`;
  const shownDefault =
    defaultValue !== '' && lines.current.length === 0 && current.current === ''
      ? // A default may come from a draft file: shown with its control characters visible.
        theme.style.defaultAnswer(visible(firstLineOf(defaultValue)))
      : undefined;
  const head = [prefix, message, shownDefault].filter((part) => part !== undefined).join(' ');
  const body =
    lines.current.length === 0
      ? `${head} ${current.current}`
      : `${head}\n${lines.current.map((l) => `  ${visible(l)}`).join('\n')}\n  ${current.current}`;
  const help = joined === undefined ? config.hint : `${joined} ${config.hint}`;
  return [body, error ? theme.style.error(error) : theme.style.help(help)];
});
