// Slack Block Kit messages within Slack's documented limits: at most 50 blocks a message, section text at
// most 3,000 characters, header text at most 150, the notification `text` at most 40,000. Long content is
// cut at a line end and marked, never sent over a limit; more blocks than fit go to further messages.
export const slackLimits = { blocks: 50, sectionText: 3000, headerText: 150, messageText: 40_000 } as const;

export type SlackText = { type: 'mrkdwn'; text: string } | { type: 'plain_text'; text: string; emoji: false };
export type SlackBlock =
  | { type: 'header'; text: Extract<SlackText, { type: 'plain_text' }> }
  | { type: 'section'; text: SlackText }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'divider' };
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Cuts text to `max` characters at a line end where one is near, never inside an `&amp;`-style entity. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const line = cut.lastIndexOf('\n');
  if (line > max * 0.6) cut = cut.slice(0, line);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}

export const mrkdwn = (text: string): SlackText => ({ type: 'mrkdwn', text: fitText(text, slackLimits.sectionText) });
export const header = (text: string): SlackBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: fitText(text.replace(/\s+/g, ' '), slackLimits.headerText), emoji: false },
});
export const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });

/**
 * Groups of blocks (one group per alert) into messages: each message repeats the leading blocks (the header)
 * and takes as many whole groups as fit in 50 blocks; a group larger than a message is cut.
 */
export function packMessages(lead: SlackBlock[], groups: SlackBlock[][], text: string): SlackMessage[] {
  const room = slackLimits.blocks - lead.length;
  const messages: SlackMessage[] = [];
  let current: SlackBlock[] = [];
  const flush = () => {
    messages.push({ text: fitText(text, slackLimits.messageText), blocks: [...lead, ...current] });
    current = [];
  };
  for (const group of groups) {
    const blocks = group.slice(0, room);
    if (current.length + blocks.length > room) flush();
    current.push(...blocks);
  }
  if (current.length > 0 || messages.length === 0) flush();
  return messages;
}

/** Every way a message breaks Block Kit's limits, as sentences (empty when it is within them). */
export function slackProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (!Array.isArray(message.blocks)) return ['blocks is not a list'];
  if (message.blocks.length > slackLimits.blocks)
    problems.push(`${message.blocks.length} blocks (at most ${slackLimits.blocks})`);
  if (typeof message.text !== 'string' || message.text.length > slackLimits.messageText)
    problems.push('the notification text is missing or too long');
  message.blocks.forEach((block, i) => {
    switch (block.type) {
      case 'header':
        if (block.text.type !== 'plain_text' || block.text.text.length > slackLimits.headerText)
          problems.push(`block ${i}: header text must be plain_text of at most ${slackLimits.headerText} characters`);
        break;
      case 'section':
        if (block.text.text.length === 0 || block.text.text.length > slackLimits.sectionText)
          problems.push(`block ${i}: section text must be 1–${slackLimits.sectionText} characters`);
        break;
      case 'context':
        if (block.elements.length === 0 || block.elements.length > 10)
          problems.push(`block ${i}: a context holds 1–10 elements`);
        break;
      case 'divider':
        break;
      default:
        problems.push(`block ${i}: unknown type ${(block as { type: string }).type}`);
    }
  });
  return problems;
}
