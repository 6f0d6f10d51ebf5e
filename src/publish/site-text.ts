/**
 * Text from a postmortem is data wherever it lands. Jekyll runs Liquid (`{{ }}`, `{% %}`) and Hugo
 * runs shortcodes (`{{< >}}`, `{{% %}}`) over a post before Markdown sees it, so a Markdown escape
 * (`\{`) does not help: the generator reads the braces first. An HTML character reference does:
 * neither generator decodes it, and Markdown turns it back into the brace on the page.
 */

import { escapeKramdown } from '../render/escape.js';

/**
 * Makes Markdown bound for a site generator show its text as written: every opening of site code
 * (`{{`, `{%`) gets its first brace as `&#123;`, kramdown's own syntax is hidden (escapeKramdown),
 * and a bare URL gets an escaped `\:` (or `www\.`) so that Hugo's linkify does not turn text into
 * a live link that Jekyll would show as text.
 */
export function escapeSiteCode(markdown: string): string {
  return (
    // Kramdown syntax as well, for a template override that places text unescaped.
    escapeKramdown(markdown)
      .replace(/\{(?=[{%])/g, '&#123;')
      // A link a template writes (`](https://…)`) stays a link; escaped text (`\](`) is not a link.
      .replace(/(?<!(?:^|[^\\])\]\()\b([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:')
      .replace(/\b(www)\.(?=\S)/gi, '$1\\.')
  );
}

/**
 * Why a headline cannot be a post's title, or null when it can. Titles are front matter that
 * layouts print as they are (Jekyll's `{{ page.title }}` does not escape HTML, some themes run
 * titles through Markdown), and an escape would show in feeds and tabs, so markup is refused.
 */
export function titleProblem(title: string): string | null {
  if (/<[A-Za-z!/?]/.test(title)) return 'it contains an HTML tag (<…>)';
  if (/\{[{%]|[%}]\}/.test(title)) return 'it contains site code ({{ }}, {% %})';
  if (/\[[^\]]*\]\([^)]*\)/.test(title)) return 'it contains a Markdown link';
  if (/\{:|\$\$/.test(title)) return 'it contains kramdown syntax ({: }, {:: }, $$)';
  return null;
}
