// The canonical per-period metric columns (docs/ARCHITECTURE.md §2). One list drives the workspace schema
// checks, the demo generator, imports' field suggestions and the metric picker.

export interface PeriodMetricInfo {
  id: string;
  label: string;
  description: string;
}

export const periodMetrics = [
  { id: 'active_users', label: 'Active users', description: 'Distinct users active in the period.' },
  {
    id: 'non_admin_active_users',
    label: 'Non-admin active users',
    description: 'Active users who are not workspace admins: day-to-day operators.',
  },
  { id: 'seats_used', label: 'Seats used', description: 'Licensed seats assigned to a user at the end of the period.' },
  {
    id: 'departments_active',
    label: 'Departments active',
    description: 'Departments or functions with at least one active user.',
  },
  { id: 'power_users', label: 'Power users', description: 'Users averaging three or more hours a day in the product.' },
  {
    id: 'advanced_features_used',
    label: 'Advanced features used',
    description: 'Distinct advanced features (API, automation, custom dashboards…) used.',
  },
  {
    id: 'advanced_feature_events',
    label: 'Advanced-feature events',
    description: 'Number of advanced-feature actions in the period.',
  },
  {
    id: 'advanced_feature_teams',
    label: 'Teams using advanced features',
    description: 'Teams with at least one advanced-feature action.',
  },
  { id: 'api_calls', label: 'API calls', description: 'API requests made in the period.' },
  { id: 'api_limit', label: 'API limit', description: 'API requests the plan allows per period.' },
  { id: 'storage_gb', label: 'Storage used (GB)', description: 'Storage in use at the end of the period.' },
  { id: 'storage_limit_gb', label: 'Storage limit (GB)', description: 'Storage the plan allows.' },
  {
    id: 'top_user_sessions',
    label: 'Top-user sessions',
    description: 'Sessions of the most active user (the champion).',
  },
  { id: 'total_sessions', label: 'Total sessions', description: 'Sessions of all users.' },
  { id: 'invites_sent', label: 'Invites sent', description: 'Colleague invitations sent by users of the account.' },
  {
    id: 'admin_actions',
    label: 'Admin actions',
    description: 'Configuration actions (settings, permissions, integrations).',
  },
  { id: 'admin_seats', label: 'Admin seats', description: 'Seats with admin rights at the end of the period.' },
  {
    id: 'tickets_reactive',
    label: '"How do I" tickets',
    description: 'Reactive support tickets: troubleshooting and how-to questions.',
  },
  {
    id: 'tickets_exploratory',
    label: '"Can we also" tickets',
    description: 'Exploratory tickets asking about capabilities beyond current use.',
  },
  {
    id: 'tickets_automation',
    label: 'Automation tickets',
    description: 'Tickets about automating workflows or reports.',
  },
  {
    id: 'pricing_page_views',
    label: 'Pricing-page views',
    description: 'Visits to pricing or plan-comparison pages by known users.',
  },
  {
    id: 'exec_meetings',
    label: 'Executive meetings',
    description: 'Meetings or touchpoints with an executive sponsor.',
  },
  { id: 'headcount', label: 'Company headcount', description: 'Employees at the customer company.' },
] as const satisfies readonly PeriodMetricInfo[];

export type PeriodMetricId = (typeof periodMetrics)[number]['id'];

export const periodMetricIds: readonly PeriodMetricId[] = periodMetrics.map((m) => m.id);
