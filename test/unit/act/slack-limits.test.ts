// Slack Block Kit limits: at most 50 blocks a message, section text at most 3,000 characters, header text at
// most 150; more alerts than fit go to further messages, none is lost.
import { alertsSlack } from '#shared/act/render-alerts';
import { fitText, slackLimits, slackProblems } from '#shared/act/slack';
import { fakeReport } from './fake-report';

describe('Slack messages', () => {
  it.each([0, 1, 24, 25, 100])('%i alerts: every message is within the limits and every alert is sent', (n) => {
    const { messages } = alertsSlack(fakeReport(n, `Account ${'x'.repeat(10)}`));
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(slackProblems(m)).toEqual([]);
    const sections = messages.flatMap((m) => m.blocks.filter((b) => b.type === 'section'));
    expect(sections).toHaveLength(Math.max(n, 1));
    for (const m of messages) expect(m.blocks[0]!.type).toBe('header');
  });

  it('an alert longer than a section is cut at a line end, under 3,000 characters, without a broken entity', () => {
    const { messages } = alertsSlack(fakeReport(1, `${'<&>'.repeat(1500)}`));
    const section = messages[0]!.blocks.find((b) => b.type === 'section')!;
    expect(section.type === 'section' && section.text.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
    expect(slackProblems(messages[0]!)).toEqual([]);
    expect(fitText('&amp;'.repeat(1000), 3000)).toMatch(/(&amp;)+…$/);
  });

  it('the structural check finds each broken limit', () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    expect(slackProblems({ text: 'x', blocks })).toEqual(['51 blocks (at most 50)']);
    expect(
      slackProblems({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a'.repeat(3001) } }] }),
    ).toHaveLength(1);
    expect(
      slackProblems({
        text: 'x',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'a'.repeat(151), emoji: false } }],
      }),
    ).toHaveLength(1);
  });
});
