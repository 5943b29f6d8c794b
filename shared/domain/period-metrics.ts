// The canonical per-period metric columns (docs/ARCHITECTURE.md §2). One list drives the workspace schema
// checks, the demo generator, imports' field suggestions and the metric picker.

/**
 * What a calendar period without a value means (docs/ARCHITECTURE.md §3): `zero` for counts
 * of things that happen (sessions, events, invitations, page views, tickets) — nothing recorded
 * means none happened; `missing` for snapshots of a state (seats used, departments, storage) —
 * nothing recorded means unknown.
 */
export type FillRule = 'zero' | 'missing';

export interface PeriodMetricInfo {
  id: string;
  label: string;
  description: string;
  fill: FillRule;
}

export const periodMetrics = [
  { id: 'active_users', label: 'Active users', description: 'Distinct users active in the period.', fill: 'zero' },
  {
    id: 'non_admin_active_users',
    label: 'Non-admin active users',
    description: 'Active users who are not workspace admins: day-to-day operators.',
    fill: 'zero',
  },
  {
    id: 'seats_used',
    label: 'Seats used',
    description: 'Licensed seats assigned to a user at the end of the period.',
    fill: 'missing',
  },
  {
    id: 'departments_active',
    label: 'Departments active',
    description: 'Departments or functions with at least one active user.',
    fill: 'missing',
  },
  {
    id: 'power_users',
    label: 'Power users',
    description: 'Users averaging three or more hours a day in the product.',
    fill: 'missing',
  },
  {
    id: 'advanced_features_used',
    label: 'Advanced features used',
    description: 'Distinct advanced features (API, automation, custom dashboards…) used.',
    fill: 'missing',
  },
  {
    id: 'advanced_feature_events',
    label: 'Advanced-feature events',
    description: 'Number of advanced-feature actions in the period.',
    fill: 'zero',
  },
  {
    id: 'advanced_feature_teams',
    label: 'Teams using advanced features',
    description: 'Teams with at least one advanced-feature action.',
    fill: 'missing',
  },
  { id: 'api_calls', label: 'API calls', description: 'API requests made in the period.', fill: 'zero' },
  { id: 'api_limit', label: 'API limit', description: 'API requests the plan allows per period.', fill: 'missing' },
  {
    id: 'storage_gb',
    label: 'Storage used (GB)',
    description: 'Storage in use at the end of the period.',
    fill: 'missing',
  },
  { id: 'storage_limit_gb', label: 'Storage limit (GB)', description: 'Storage the plan allows.', fill: 'missing' },
  {
    id: 'top_user_sessions',
    label: 'Top-user sessions',
    description: 'Sessions of the most active user (the champion).',
    fill: 'zero',
  },
  { id: 'total_sessions', label: 'Total sessions', description: 'Sessions of all users.', fill: 'zero' },
  {
    id: 'invites_sent',
    label: 'Invites sent',
    description: 'Colleague invitations sent by users of the account.',
    fill: 'zero',
  },
  {
    id: 'admin_actions',
    label: 'Admin actions',
    description: 'Configuration actions (settings, permissions, integrations).',
    fill: 'zero',
  },
  {
    id: 'admin_seats',
    label: 'Admin seats',
    description: 'Seats with admin rights at the end of the period.',
    fill: 'missing',
  },
  {
    id: 'tickets_reactive',
    label: '"How do I" tickets',
    description: 'Reactive support tickets: troubleshooting and how-to questions.',
    fill: 'zero',
  },
  {
    id: 'tickets_exploratory',
    label: '"Can we also" tickets',
    description: 'Exploratory tickets asking about capabilities beyond current use.',
    fill: 'zero',
  },
  {
    id: 'tickets_automation',
    label: 'Automation tickets',
    description: 'Tickets about automating workflows or reports.',
    fill: 'zero',
  },
  {
    id: 'pricing_page_views',
    label: 'Pricing-page views',
    description: 'Visits to pricing or plan-comparison pages by known users.',
    fill: 'zero',
  },
  {
    id: 'exec_meetings',
    label: 'Executive meetings',
    description: 'Meetings or touchpoints with an executive sponsor.',
    fill: 'zero',
  },
  { id: 'headcount', label: 'Company headcount', description: 'Employees at the customer company.', fill: 'missing' },
] as const satisfies readonly PeriodMetricInfo[];

export type PeriodMetricId = (typeof periodMetrics)[number]['id'];

export const periodMetricIds: readonly PeriodMetricId[] = periodMetrics.map((m) => m.id);
