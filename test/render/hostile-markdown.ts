import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { renderPostmortemHtml } from '../../src/render/html-page.js';
import { ROOT } from '../helpers/cli.js';

const CRM = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');

/** Markdown a postmortem author (or a pasted chat log) may contain that must not become live HTML. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '',
  '<iframe src="https://example.org/frame"></iframe>',
  '',
  'Inline <img src=x onerror=alert(1)> and <b onclick="alert(1)">bold</b>.',
  '',
  'Image ![inline](https://example.org/a.png) and ![by reference][pic] and ![blank]().',
  '',
  'Links [script](javascript:alert(1)), [upper](JAVASCRIPT:alert(1)), [spaced](java&#x09;script:alert(1)),',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==), [vb](vbscript:msgbox(1)),',
  '<javascript:alert(1)> and [kept](https://example.org/runbook "Runbook").',
  '',
  'Took ~5 minutes, then ~10 more; ~~the old plan~~ was dropped. The editor left config.yml.~1~ behind.',
  '',
  '[pic]: https://example.org/b.png',
  '',
].join('\n');

/** The crm example with HOSTILE at the top of its Summary, as the HTML page `render --format html` writes. */
export async function hostilePage(): Promise<string> {
  const text = (await readFile(CRM, 'utf8')).replace('## Summary\n', `## Summary\n\n${HOSTILE}`);
  expect(text).toContain('<script>');
  return renderPostmortemHtml(parsePostmortem(text, CRM).postmortem);
}
