// The canonical fields of the activity kinds (periods, users, events, outcomes, tickets): each row names
// its account (or an outcome already imported), the rest is what happened.
import { periodMetrics } from '../domain/period-metrics';
import { accountRef, outcomeRef, type FieldInfo } from './field-info';

export const periodFields: readonly FieldInfo[] = [
  { ...accountRef, required: true, key: true },
  {
    id: 'period_start',
    label: 'Period start',
    type: 'date',
    required: true,
    key: true,
    aliases: ['period start', 'period', 'week', 'week start', 'month', 'date', 'usage date', 'snapshot date'],
  },
  {
    id: 'grain',
    label: 'Grain (day/week/month)',
    type: 'text',
    aliases: ['grain', 'granularity'],
    choices: ['day', 'week', 'month'],
  },
  ...periodMetrics.map((m): FieldInfo => ({
    id: m.id,
    label: m.label,
    type: 'number',
    aliases: [
      m.id.replaceAll('_', ' '),
      m.label
        .toLowerCase()
        .replace(/[^a-z0-9 ]/g, '')
        .trim(),
    ],
    help: m.description,
  })),
];

export const userFields: readonly FieldInfo[] = [
  {
    ...accountRef,
    required: true,
    key: true,
    aliases: [...accountRef.aliases, 'converted account id', 'convertedaccountid'],
  },
  {
    id: 'user_id',
    label: 'User ID',
    type: 'text',
    required: true,
    key: true,
    aliases: ['user id', 'id', 'contact id', 'visitor id', 'distinct id', 'person id'],
  },
  { id: 'email', label: 'Email', type: 'text', aliases: ['email', 'email address', 'e mail'] },
  { id: 'name', label: 'Name', type: 'text', aliases: ['name', 'full name', 'user name', 'contact name'] },
  { id: 'role', label: 'Role / title', type: 'text', aliases: ['role', 'title', 'job title', 'position'] },
  { id: 'department', label: 'Department', type: 'text', aliases: ['department', 'team', 'function', 'business unit'] },
  { id: 'is_admin', label: 'Is admin', type: 'boolean', aliases: ['is admin', 'admin', 'administrator'] },
  {
    id: 'created_at',
    label: 'Created',
    type: 'date',
    aliases: ['created at', 'created date', 'createddate', 'created', 'signup date', 'first visit'],
  },
  {
    id: 'last_active',
    label: 'Last active',
    type: 'date',
    aliases: ['last active', 'last seen', 'last activity date', 'last visit', 'last login'],
  },
  {
    id: 'sessions_30d',
    label: 'Sessions (30 days)',
    type: 'number',
    aliases: ['sessions 30d', 'sessions last 30 days', 'sessions'],
  },
  {
    id: 'hours_per_day',
    label: 'Hours a day',
    type: 'number',
    aliases: ['hours per day', 'daily hours', 'avg hours per day'],
  },
];

export const eventFields: readonly FieldInfo[] = [
  {
    ...accountRef,
    // Amplitude's export API writes JSON lines whose "groups" object holds the account ({"company": "acme"}):
    // the JSON reader flattens it to "groups.company".
    aliases: [...accountRef.aliases, 'groups company', 'groups account', 'groups org', 'groups organization'],
    help: 'Optional when the user is already in the workspace (users import) or an outcome id is mapped.',
  },
  outcomeRef,
  {
    id: 'user_id',
    label: 'User ID',
    type: 'text',
    aliases: ['user id', 'visitor id', 'distinct id', 'userid', 'person id'],
  },
  {
    id: 'event_name',
    label: 'Event',
    type: 'text',
    aliases: ['event', 'event name', 'event type', 'feature name', 'feature id', 'page id', 'action'],
  },
  {
    id: 'timestamp',
    label: 'Time',
    type: 'datetime',
    required: true,
    aliases: ['timestamp', 'time', 'event time', 'occurred at', 'usage date', 'date', 'created at'],
  },
  {
    id: 'event_count',
    label: 'Event count',
    type: 'number',
    aliases: ['event count', 'count', 'num events', 'usage count', 'events'],
  },
  { id: 'session_id', label: 'Session ID', type: 'text', aliases: ['session id', 'session'] },
];

export const outcomeFields: readonly FieldInfo[] = [
  {
    id: 'outcome_id',
    label: 'Opportunity / outcome ID',
    type: 'text',
    required: true,
    key: true,
    aliases: ['id', 'opportunity id', 'deal id', 'record id', 'outcome id', 'subscription id'],
  },
  { ...accountRef, required: true },
  { id: 'type', label: 'Type', type: 'text', aliases: ['type', 'opportunity type', 'deal type'] },
  {
    id: 'stage',
    label: 'Stage / status',
    type: 'text',
    aliases: ['stage', 'stage name', 'stagename', 'deal stage', 'status', 'subscription status'],
    help: 'Read with the stage vocabulary: Closed Won, Won, Booked, active… are won; Closed Lost, Churned, Cancelled… lost; the rest open.',
  },
  {
    id: 'opened_date',
    label: 'Opened',
    type: 'date',
    aliases: [
      'created date',
      'createddate',
      'create date',
      'opened date',
      'start date',
      'start utc',
      'created utc',
      'created at',
      'activated at',
      'subscription start',
    ],
  },
  {
    id: 'close_date',
    label: 'Close date',
    type: 'date',
    aliases: [
      'close date',
      'closedate',
      'closed date',
      'end date',
      'ended at utc',
      'ended at',
      'canceled on',
      'cancelled on',
    ],
  },
  {
    id: 'amount',
    label: 'Amount',
    type: 'number',
    aliases: ['amount', 'deal amount', 'value', 'arr amount', 'arr', 'acv', 'contract value'],
  },
  {
    id: 'seats',
    label: 'Seats / quantity',
    type: 'integer',
    aliases: ['seats', 'quantity', 'plan quantity', 'licenses', 'license count', 'seat count'],
  },
  {
    id: 'won',
    label: 'Won (flag)',
    type: 'boolean',
    aliases: ['won', 'is won', 'iswon', 'closed won', 'is closed won', 'closed won flag', 'won flag'],
    help: 'A yes/no column; without one, won is read from the stage, then from a probability of 100 with a closed flag.',
  },
  {
    id: 'probability',
    label: 'Probability',
    type: 'percent',
    aliases: ['probability', 'deal probability', 'win probability', 'hs deal stage probability'],
  },
  {
    id: 'is_closed',
    label: 'Closed (flag)',
    type: 'boolean',
    aliases: ['is closed', 'isclosed', 'closed', 'is deal closed'],
  },
  {
    id: 'churned',
    label: 'Churned / cancelled (flag)',
    type: 'boolean',
    aliases: ['churned', 'churn flag', 'is churned', 'churn', 'cancelled', 'canceled', 'is cancelled', 'is canceled'],
    help: 'A churned or cancelled subscription is lost, whatever else the row says.',
  },
  {
    id: 'is_expansion',
    label: 'Expansion (flag)',
    type: 'boolean',
    aliases: ['is expansion', 'expansion', 'upgrade flag', 'upsell', 'is upgrade'],
    help: 'A yes/no column; without one, the type decides by its words (upgrade, upsell, cross-sell… vs new business, renewal, downgrade…); an unknown type stays blank.',
  },
];

export const ticketFields: readonly FieldInfo[] = [
  {
    id: 'ticket_id',
    label: 'Ticket ID',
    type: 'text',
    required: true,
    key: true,
    aliases: ['id', 'ticket id', 'case id', 'case number', 'ticket number'],
  },
  { ...accountRef, required: true },
  {
    id: 'created_at',
    label: 'Created',
    type: 'date',
    aliases: ['created at', 'created date', 'createddate', 'submitted at', 'opened'],
  },
  { id: 'subject', label: 'Subject', type: 'text', aliases: ['subject', 'title', 'summary'] },
  { id: 'body', label: 'Text', type: 'text', aliases: ['description', 'body', 'text', 'message', 'comment'] },
  { id: 'category', label: 'Category', type: 'text', aliases: ['category', 'type', 'reason', 'topic'] },
  { id: 'status', label: 'Status', type: 'text', aliases: ['status', 'state'] },
];
