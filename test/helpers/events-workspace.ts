// An events-derived workspace shaped like a product-analytics export (an accounts file, then an
// events file with one row per event: account, user, event name, time), imported through the real
// `ladder import`. Activity is sparse on purpose: accounts skip weeks, some never appear, a few
// stop early, and pricing and invitation events come and go — the calendar rule's hard cases.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '#shared/dates';
import { ladder } from './cli';

const names = [
  'Login',
  'Report Viewed',
  'Dashboard Created',
  'Export',
  'Pricing Page Viewed',
  'Invite Sent',
  'Plan Compared',
];

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

export function writeEventsWorkspace(
  dir: string,
  options: { accounts: number; weeks: number; lastMonday: string; seed: number },
): string {
  const rnd = random(options.seed);
  const accounts = ['Account ID,Account Name,ARR,Seats Licensed,Health Score,Segment,Plan'];
  const events = ['Account ID,User ID,Event Name,Event Time'];
  const segments = ['SMB', 'Mid-Market', 'Enterprise', ''];
  const plans = ['Starter', 'Growth', 'Enterprise'];
  const firstMonday = addDays(options.lastMonday, -7 * (options.weeks - 1));
  for (let a = 0; a < options.accounts; a++) {
    const id = `EVT-${String(a).padStart(4, '0')}`;
    const seats = 5 + Math.floor(rnd() * 60);
    accounts.push(
      `${id},Account ${a},${Math.round(rnd() * 200_000)},${seats},${Math.round(rnd() * 100)},${segments[a % 4]},${plans[a % 3]}`,
    );
    if (a % 11 === 5) continue; // never active
    const activity = rnd(); // how often the account shows up
    const stopsAt = a % 13 === 0 ? Math.floor(rnd() * options.weeks) : options.weeks;
    const users = 1 + Math.floor(rnd() * 8);
    for (let w = 0; w < stopsAt; w++) {
      if (rnd() > activity) continue;
      const monday = addDays(firstMonday, 7 * w);
      const count = 1 + Math.floor(rnd() * 12);
      for (let e = 0; e < count; e++) {
        const day = addDays(monday, Math.floor(rnd() * 7));
        const hour = String(Math.floor(rnd() * 24)).padStart(2, '0');
        const name = names[Math.floor(rnd() * (rnd() < 0.2 ? names.length : 4))]!;
        events.push(`${id},u${1 + Math.floor(rnd() * users)},${name},${day} ${hour}:15:00`);
      }
    }
  }
  const path = join(dir, 'events.ladder');
  writeFileSync(join(dir, 'events-accounts.csv'), `${accounts.join('\n')}\n`);
  writeFileSync(join(dir, 'events.csv'), `${events.join('\n')}\n`);
  for (const [file, kind] of [
    ['events-accounts.csv', 'accounts'],
    ['events.csv', 'events'],
  ] as const) {
    const run = ladder(['import', join(dir, file), '--workspace', path, '--kind', kind, '--json']);
    if (run.status !== 0) throw new Error(`import ${file}: ${run.stderr}`);
  }
  return path;
}
