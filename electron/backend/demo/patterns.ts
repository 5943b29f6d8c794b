// The behaviour patterns the demo plants, each on an exact share of accounts, so a model can be
// checked against known ground truth: does it lift the true expanders and stop the look-alikes?

export const demoPatterns = [
  {
    pattern: 'true_expander',
    label: 'True expander',
    share: 0.12,
    description:
      'Seats above 80 % for two quarters, new departments, several power users, advanced features, a known buyer and near renewal.',
  },
  {
    pattern: 'healthy_narrow',
    label: 'Healthy but narrow',
    share: 0.16,
    description: 'Good health and steady use, but one department, few power users and no growth.',
  },
  {
    pattern: 'single_champion',
    label: 'Single champion',
    share: 0.08,
    description:
      'One power user drives most sessions and explores advanced features; the rest of the account is quiet.',
  },
  {
    pattern: 'launch_spike',
    label: 'Launch-week spike',
    share: 0.07,
    description: 'A short burst of activity around a rollout six to ten weeks ago that fades back to baseline.',
  },
  {
    pattern: 'admin_only',
    label: 'Admin-only activity',
    share: 0.06,
    description: 'Seats provisioned and heavy configuration work by admins, little frontline (non-admin) use.',
  },
  {
    pattern: 'no_buying_path',
    label: 'No buying path',
    share: 0.07,
    description: 'Strong, broad usage but no known economic buyer, no executive contact and renewal far away.',
  },
  {
    pattern: 'unhappy_high_usage',
    label: 'Unhappy high usage',
    share: 0.06,
    description: 'Heavy use alongside low health, negative NPS and a stream of reactive tickets.',
  },
  {
    pattern: 'ordinary',
    label: 'Ordinary',
    share: 0.38,
    description:
      'Everything else: mixed, unremarkable accounts, some of them at risk, and some growing fast with an executive sponsor (those often expand).',
  },
] as const;

export type DemoPattern = (typeof demoPatterns)[number]['pattern'];

/** Exact account counts per pattern for n accounts: largest-remainder rounding of the shares. */
export function patternCounts(n: number): number[] {
  const raw = demoPatterns.map((p) => p.share * n);
  const counts = raw.map(Math.floor);
  let missing = n - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    missing--;
  }
  return counts;
}
