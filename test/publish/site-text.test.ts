import { describe, expect, it } from 'vitest';
import { jekyllDate, postPath, rfc3339, type PostFacts } from '../../src/publish/flavors.js';
import { escapeSiteCode, titleProblem } from '../../src/publish/site-text.js';
import { plainText } from '../../src/render/escape.js';
import type { Postmortem } from '../../src/model/types.js';

describe('escapeSiteCode: no Liquid or Hugo shortcode survives', () => {
  it.each([
    ['{{% param "secret" %}}', '&#123;&#123;% param "secret" %}}'],
    ['{{< param "secret" >}}', '&#123;{< param "secret" >}}'],
    ['{% include secret.html %}', '&#123;% include secret.html %}'],
    ['{{ site.secret }}', '&#123;{ site.secret }}'],
    ['{{{ x }}}', '&#123;&#123;{ x }}}'],
    ['a {single} brace and 100% sure', 'a {single} brace and 100% sure'],
    ['see https://evil.example/x or www.evil.example', 'see https\\://evil.example/x or www\\.evil.example'],
    ['ratio 3:1, time 14:02', 'ratio 3:1, time 14:02'],
    ['text \\[x\\](https://evil.example)', 'text \\[x\\](https\\://evil.example)'],
  ])('%s -> %s', (text, expected) => {
    const escaped = escapeSiteCode(text);
    expect(escaped).toBe(expected);
    expect(escaped).not.toMatch(/\{[{%]|[^\\]:\/\/|www\./);
  });
});

describe('escapeSiteCode: no kramdown attribute, extension, math, definition or block end survives', () => {
  it.each([
    ['a $$1$${: onfocus="x()"}', 'a &#36;$1&#36;$&#123;: onfocus="x()"}'],
    ['{:evil: onfocus="x()"}', '&#123;:evil: onfocus="x()"}'],
    ['{::nomarkdown}<b>{:/}', '&#123;::nomarkdown}<b>&#123;:/}'],
    ['$$$', '&#36;&#36;$'],
    ['term\n\n: definition\n  : indented', 'term\n\n&#58; definition\n  &#58; indented'],
    ['x\n^\n^ \nnot ^ alone', 'x\n&#94;\n&#94; \nnot ^ alone'],
    ['costs $5, ratio 3:1, {braces}', 'costs $5, ratio 3:1, {braces}'],
  ])('%j -> %j', (text, expected) => {
    const escaped = escapeSiteCode(text);
    expect(escaped).toBe(expected);
    expect(escapeSiteCode(escaped)).toBe(escaped);
    expect(escaped).not.toMatch(/\{:|\$\$|^[ \t]*:|^\^[ \t]*$/m);
  });
});

it('escapeSiteCode keeps a link a template writes', () => {
  expect(escapeSiteCode('See [our status page](https://status.example.org).')).toBe(
    'See [our status page](https://status.example.org).',
  );
});

describe('plainText: one line, no control characters', () => {
  it.each([
    ['a\r\nb\nc', 'a b c'],
    ['bell\u0007 and escape\u001b[31m red', 'bell and escape[31m red'],
    ['  spaced\t out  ', 'spaced out'],
    ['C1\u0085 next line', 'C1 next line'],
    ['Störung – ok', 'Störung – ok'],
  ])('%j -> %j', (text, expected) => {
    expect(plainText(text)).toBe(expected);
  });
});

describe('titleProblem', () => {
  it.each([
    ['Disruption of the web app', null],
    ['Latency < 5 s and > 1 s', null],
    ['Disruption <b>now</b>', 'it contains an HTML tag (<…>)'],
    ['Disruption <!-- x -->', 'it contains an HTML tag (<…>)'],
    ['Disruption {% include x %}', 'it contains site code ({{ }}, {% %})'],
    ['Disruption {{< param x >}}', 'it contains site code ({{ }}, {% %})'],
    ['See [status](https://x)', 'it contains a Markdown link'],
    ['Down $$1$${: autofocus onfocus="x()"}', 'it contains kramdown syntax ({: }, {:: }, $$)'],
    ['Down {::nomarkdown}', 'it contains kramdown syntax ({: }, {:: }, $$)'],
    ['Costs $5 and a 3:1 ratio', null],
  ])('%j -> %s', (title, problem) => {
    expect(titleProblem(title)).toBe(problem);
  });
});

describe('front-matter dates keep four-digit years and their offset', () => {
  it.each([
    ['2018-05-15T14:02:00+02:00', '2018-05-15T14:02:00+02:00', '2018-05-15 14:02:00 +0200'],
    ['0999-05-15T14:02:00+02:00', '0999-05-15T14:02:00+02:00', '0999-05-15 14:02:00 +0200'],
    ['0042-01-01T00:00:00Z', '0042-01-01T00:00:00Z', '0042-01-01 00:00:00 +0000'],
    ['2018-05-15T14:02:00-05:30', '2018-05-15T14:02:00-05:30', '2018-05-15 14:02:00 -0530'],
    [undefined, '', ''],
  ])('%s', (value, iso, jekyll) => {
    expect(rfc3339(value)).toBe(iso);
    expect(jekyllDate(value)).toBe(jekyll);
  });

  it('cState dates are in UTC', () => {
    expect(rfc3339('2018-05-15T01:02:00+02:00', true)).toBe('2018-05-14T23:02:00Z');
    expect(rfc3339('0999-01-01T00:30:00+01:00', true)).toBe('0998-12-31T23:30:00Z');
  });
});

describe('postPath: translations as each generator expects', () => {
  const facts = (lang: string, siteLang = 'en'): PostFacts => ({
    pm: { data: { id: '2018-05-15-crm' } } as unknown as Postmortem,
    lang,
    siteLang,
    title: 't',
    summary: 's',
    section: 'posts',
  });
  it.each([
    ['jekyll', 'en', 'en', '_posts/2018-05-15-crm.md'],
    ['jekyll', 'de', 'en', 'de/_posts/2018-05-15-crm.md'],
    ['jekyll', 'en', 'de', 'en/_posts/2018-05-15-crm.md'],
    ['hugo', 'en', 'en', 'content/posts/crm.md'],
    ['hugo', 'de', 'en', 'content/posts/crm.de.md'],
    ['cstate', 'de', 'en', 'content/issues/2018-05-15-crm.de.md'],
  ] as const)('%s %s (site %s) -> %s', (flavor, lang, siteLang, path) => {
    expect(postPath(flavor, facts(lang, siteLang))).toBe(path);
  });
});
