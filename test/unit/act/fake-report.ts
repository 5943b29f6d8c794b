// An alert report built by hand (the engine is not needed to test formats): hostile text in every field a
// CRM export or a pack can fill.
import type { Alert, AlertReport } from '#shared/act/alerts';

export const hostileName =
  '<!channel> *x* =HYPERLINK("http://evil.example","click") _y_ ~z~ `c` <@U123> [a](http://e.x)';

export function fakeAlert(i: number, name = hostileName): Alert {
  return {
    accountId: `ACC-${String(i).padStart(4, '0')}`,
    name,
    domain: 'evil.example',
    ownerCsm: '@here <!everyone> =cmd|" /C calc"!A0',
    ownerAm: null,
    segment: 'SMB',
    arr: 120_000 + i,
    whitespace: null,
    score: 12,
    previousScore: 7,
    stage: { id: 'ready', label: 'Ready' },
    previousStage: { id: 'emerging', label: 'Emerging' },
    urgency: 'high',
    signals: [
      {
        id: 'seat_limit',
        label: '# Seats *full* <!subteam^S1> +1',
        category: 'usage',
        weight: 5,
        metric: 'seat_utilisation',
        operator: '>',
        threshold: 0.85,
        value: 0.8512,
        previousValue: 0.8,
        firedBefore: false,
      },
    ],
    play: {
      approach: 'seat_expansion',
      label: 'Seat expansion',
      ownerRole: 'AM',
      opening: 'Hello',
      questions: ['Who decides?'],
      steps: ['Step'],
    },
    renewalDate: '2026-07-01',
    daysToRenewal: 30,
  };
}

export function fakeReport(count: number, name = hostileName): AlertReport {
  return {
    pack: 'Pack',
    stage: { id: 'ready', label: 'Ready' },
    since: '2026-05-01',
    asOf: '2026-06-01',
    owner: null,
    alerts: Array.from({ length: count }, (_, i) => fakeAlert(i, name)),
  };
}
