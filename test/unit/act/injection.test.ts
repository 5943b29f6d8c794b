// Hostile account names, owners and signal labels in every alert format: Markdown parsed by a real
// CommonMark/GFM parser shows them as text; Slack mrkdwn holds no control sequence or formatting
// delimiter from them; CSV cells never start a formula (OWASP prefixes).
import { marked } from 'marked';
import { escapeCsv, escapeMarkdown, escapeSlack } from '#shared/act/escape';
import { alertsCsv, alertsMarkdown, alertsSlack } from '#shared/act/render-alerts';
import { fakeReport, hostileName } from './fake-report';

const htmlOf = (md: string) => marked.parse(md, { async: false, gfm: true });

describe('Markdown escaping', () => {
  it.each([
    hostileName,
    '**bold** __b__ *i*',
    '# heading',
    '- list item',
    '1. ordered',
    '> quote',
    '<script>alert(1)</script>',
    'https://evil.example/x www.evil.example user@evil.example',
    '[link](javascript:alert(1)) ![img](http://x/y.png)',
    '`code` ~~gone~~ | a | b |',
    '&lt; &amp; &#x3c;',
    'line one\nline two\r\n# three',
    '===',
    '\\*escaped\\*',
  ])('%j renders as its own text and nothing else', (text) => {
    const html = htmlOf(`${escapeMarkdown(text)}\n`);
    expect(html).toMatch(/^<p>[^]*<\/p>\n$/);
    expect(html).not.toMatch(/<(?!\/?p>)[a-z/]/i);
    const shown = html
      .replace(/^<p>|<\/p>\n$/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(shown).toBe(text.replace(/\r\n|\n/g, ' '));
  });

  it('a whole report with hostile names and labels has no link, emphasis or HTML from them', () => {
    const html = htmlOf(alertsMarkdown(fakeReport(2)));
    expect(html).not.toMatch(/<a |<em>|<del>|<code>|<img|<script/);
    // The template's own bold text and headings stay.
    expect(html).toContain('<strong>Why now</strong>');
    expect(html).toContain('<h2>');
    expect(html.match(/<strong>/g)?.length).toBe(2 * 3);
  });
});

describe('Slack mrkdwn escaping', () => {
  it('leaves no mention, link, formatting delimiter or emoji code from the value', () => {
    const text = escapeSlack(hostileName);
    expect(text).not.toMatch(/[<>*_~`@]/);
    expect(text).not.toMatch(/:[a-z0-9_+-]+:/);
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('every section of a report keeps only the template’s own formatting', () => {
    const { messages } = alertsSlack(fakeReport(3));
    for (const message of messages)
      for (const block of message.blocks) {
        if (block.type !== 'section') continue;
        const text = block.text.text;
        expect(text).not.toMatch(/<[!@#]/);
        // Bold markers come in the template's pairs only: the name line, the stage, why now, the play.
        expect(text.match(/\*/g)?.length).toBe(8);
        expect(text).not.toMatch(/[_~`]/);
      }
  });
});

describe('CSV cells (OWASP)', () => {
  it.each(['=1+1', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', ' =1', '\u3000=1', '＝1', '=HYPERLINK("x")'])(
    '%j is neutralised',
    (value) => {
      const cell = escapeCsv(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(unquoted.startsWith("'")).toBe(true);
    },
  );

  it('no cell of a task file starts with a formula character', () => {
    for (const crm of ['salesforce', 'hubspot'] as const) {
      const csv = alertsCsv(fakeReport(2, '=HYPERLINK("http://evil","x")'), crm);
      const cells = [...csv.matchAll(/(?:^|,|\r\n)("(?:[^"]|"")*"|[^,\r\n]*)/g)].map((m) => m[1]!);
      const values = cells.map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
      expect(values.some((v) => v.includes('HYPERLINK'))).toBe(true);
      for (const v of values) expect(v).not.toMatch(/^[\s]*[=+\-@\t\r]/);
    }
  });
});
