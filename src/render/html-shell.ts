import { escapeHtml } from './html-escape.js';

/**
 * The one HTML page every command writes (`render --format html`, `stats --format html`): UTF-8, a
 * Content-Security-Policy that allows inline styles and nothing else (no script, no network), the
 * page's own style sheet and the body as given (already HTML); the title is escaped here.
 */
export function htmlPage(title: string, style: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}</body>
</html>
`;
}
