// Every value that goes into an alert, a digest or a slide is escaped for the format it lands in, so text from
// a CRM export (an account named `<!channel> *x* =HYPERLINK(...)`) stays text: it pings nobody, formats
// nothing and runs as no formula. One function per format; templates get theirs as Mustache's escape.
import { safeCsvField } from '../export/spreadsheet-safe';

export const alertFormats = ['md', 'slack', 'csv', 'json'] as const;
export type AlertFormat = (typeof alertFormats)[number];
/** Whose task-import columns the CSV format writes. */
export const crmKinds = ['salesforce', 'hubspot'] as const;
export type CrmKind = (typeof crmKinds)[number];

/** Line breaks in a value would start a new Markdown block or Slack line: values stay on one line. */
const oneLine = (text: string) => text.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ');
/** C0/C1 controls other than tab are dropped: they mean nothing in a message and break XML. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const noControls = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');

/**
 * CommonMark lets any ASCII punctuation be escaped with a backslash; these are the ones that format, link,
 * open HTML or make a table cell. `www.` and `@` would otherwise become GFM autolinks.
 */
export function escapeMarkdown(value: string): string {
  return (
    oneLine(noControls(value))
      .replace(/[\\`*_[\]<|~&:@]/g, (c) => `\\${c}`)
      .replace(/(www)\./gi, '$1\\.')
      // At the start of a line these open a quote, a heading, a list or a setext underline.
      .replace(
        /^(\s*)(>|=|[-+#](?=\s|$)|\d+[.)](?=\s|$))/,
        (_, space: string, lead: string) => `${space}${lead.replace(/[>=\-+#.)]/, (c) => `\\${c}`)}`,
      )
  );
}

// Slack mrkdwn has no backslash escape: the three control characters become entities (Slack's own rule),
// the formatting delimiters and the mention sign become look-alike characters that Slack does not read.
const slackLookAlikes: Record<string, string> = {
  '*': '\u2217',
  _: '\uff3f',
  '~': '\u223c',
  '`': '\u02cb',
  '@': '\uff20',
  ':': '\u2236',
  '|': '\u2223',
};

export function escapeSlack(value: string): string {
  return oneLine(noControls(value))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`@:|]/g, (c) => slackLookAlikes[c]!)
    .replace(/^(\s*)(&gt;|[-•])/, '$1\u200b$2');
}

/** A CSV cell: RFC 4180 quoting after the OWASP formula prefixes are neutralised. */
export const escapeCsv = (value: string | number | null): string => safeCsvField(value);

/** Text for a slide: XML entities are pptxgenjs' job; what XML cannot hold at all is removed here. */
export const slideText = (value: string): string =>
  noControls(value).replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g,
    '',
  );

export function escaperFor(format: AlertFormat): (value: string) => string {
  switch (format) {
    case 'md':
      return escapeMarkdown;
    case 'slack':
      return escapeSlack;
    // A CSV template fills one cell: its values are plain text, and the whole cell is escaped (escapeCsv).
    case 'csv':
    case 'json':
      return noControls;
  }
}
