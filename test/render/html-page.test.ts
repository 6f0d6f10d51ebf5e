import { describe, expect, it } from 'vitest';
import { hostilePage } from './hostile-markdown.js';

describe('the HTML page of render --format html', () => {
  it('escapes raw HTML: no element of the postmortem reaches the page', async () => {
    const page = await hostilePage();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;b onclick=&quot;alert(1)&quot;&gt;bold&lt;/b&gt;');
    expect(page).not.toMatch(/<(script|iframe|img|b|object|embed)\b/i);
    // Attributes inside a real tag; the escaped text above may spell them.
    expect(page).not.toMatch(/<[a-z][^<>]*\son\w+=/i);
  });

  it('loads no image: neither an inline nor a reference image becomes an element or a source', async () => {
    const page = await hostilePage();
    expect(page).not.toMatch(/<(?:img|image|picture|source)\b|<[a-z][^<>]*\s(?:src|srcset|poster)=/i);
    // The image syntax stays readable as a "!" and a plain link.
    expect(page).toContain('!<a href="https://example.org/a.png">inline</a>');
    expect(page).toContain('!<a href="https://example.org/b.png">by reference</a>');
  });

  it('keeps only safe link targets: javascript:, data: and vbscript: are never clickable', async () => {
    const page = await hostilePage();
    const hrefs = [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] as string);
    expect(hrefs).toContain('https://example.org/runbook');
    expect(hrefs.length).toBeGreaterThan(4);
    for (const href of hrefs) expect(href).toMatch(/^(?:$|#|https?:\/\/|mailto:)/);
    expect(page).toContain('<a href="https://example.org/runbook" title="Runbook">kept</a>');
  });

  it('renders GFM tables and ~~strikethrough~~, and leaves single tildes as text', async () => {
    const page = await hostilePage();
    expect(page).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>Action<\/th>/);
    expect(page).toContain('<td><strong>Time to mitigate</strong></td>');
    expect(page).toContain(
      'Took ~5 minutes, then ~10 more; <del>the old plan</del> was dropped. The editor left config.yml.~1~ behind.',
    );
  });
});
