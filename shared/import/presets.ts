// Built-in mappings for the exports analysts bring most often. A preset names, per kind, the
// source headers each canonical field comes from (first present header wins), fixed values for
// fields the export lacks, and the day/month order of its dates. A kind may have several variants
// (RavenStack's subscriptions and churn events are both outcomes); the best-matching one is used.
import type { ImportKind } from '../domain/workspace';
import type { DateOrder } from './values';

export interface PresetVariant {
  /** A header that identifies this variant (e.g. `churn_event_id`). */
  when?: string;
  fields: Record<string, readonly string[]>;
  constants?: Record<string, string | number | boolean>;
}

export interface Preset {
  id: string;
  label: string;
  description: string;
  dateOrder?: DateOrder;
  kinds: Partial<Record<ImportKind, readonly PresetVariant[]>>;
}

export const presets: readonly Preset[] = [
  {
    id: 'salesforce',
    label: 'Salesforce',
    description:
      'Data Loader / report exports of Account, Opportunity, Case, Contact and Lead (API names or labels). US dates.',
    dateOrder: 'MDY',
    kinds: {
      accounts: [
        {
          fields: {
            account_id: ['Id', 'Account ID', '18 Digit Account ID'],
            name: ['Name', 'Account Name'],
            domain: ['Website'],
            industry: ['Industry'],
            region: ['BillingCountry', 'Billing Country', 'BillingState', 'Billing State/Province'],
            employees: ['NumberOfEmployees', 'Employees'],
            owner_am: ['Owner.Name', 'Account Owner', 'OwnerId'],
            segment: ['Segment__c', 'Segment'],
            tier: ['Tier__c', 'Plan__c'],
            arr: ['ARR__c', 'ARR'],
            health_score: ['Health_Score__c', 'Health Score'],
            renewal_date: ['Renewal_Date__c', 'Renewal Date'],
          },
        },
      ],
      outcomes: [
        {
          fields: {
            outcome_id: ['Id', 'Opportunity ID'],
            account_id: ['AccountId', 'Account ID'],
            type: ['Type', 'Opportunity Type'],
            stage: ['StageName', 'Stage'],
            opened_date: ['CreatedDate', 'Created Date'],
            close_date: ['CloseDate', 'Close Date'],
            amount: ['Amount'],
            won: ['IsWon', 'Won'],
            probability: ['Probability', 'Probability (%)'],
            is_closed: ['IsClosed', 'Closed'],
          },
        },
      ],
      tickets: [
        {
          fields: {
            ticket_id: ['Id', 'Case ID', 'CaseNumber', 'Case Number'],
            account_id: ['AccountId', 'Account ID'],
            created_at: ['CreatedDate', 'Date/Time Opened', 'Created Date'],
            subject: ['Subject'],
            body: ['Description'],
            category: ['Type', 'Case Type', 'Reason'],
            status: ['Status'],
          },
        },
      ],
      users: [
        {
          fields: {
            user_id: ['Id', 'Contact ID', 'Lead ID'],
            account_id: ['AccountId', 'Account ID', 'ConvertedAccountId'],
            email: ['Email'],
            name: ['Name', 'Full Name'],
            role: ['Title'],
            department: ['Department'],
            created_at: ['CreatedDate', 'Created Date'],
            last_active: ['LastActivityDate', 'Last Activity'],
          },
        },
      ],
    },
  },
  {
    id: 'hubspot',
    label: 'HubSpot',
    description: 'HubSpot company and deal exports (property labels).',
    dateOrder: 'MDY',
    kinds: {
      accounts: [
        {
          fields: {
            account_id: ['Record ID', 'Company ID'],
            name: ['Company name', 'Name'],
            domain: ['Company Domain Name', 'Website URL'],
            industry: ['Industry'],
            region: ['Country/Region', 'Country'],
            employees: ['Number of Employees'],
            owner_am: ['Company owner', 'Owner'],
          },
        },
      ],
      outcomes: [
        {
          fields: {
            outcome_id: ['Record ID', 'Deal ID'],
            account_id: ['Associated Company IDs', 'Associated Company ID', 'Company ID'],
            type: ['Deal Type'],
            stage: ['Deal Stage'],
            opened_date: ['Create Date'],
            close_date: ['Close Date'],
            amount: ['Amount'],
            won: ['Is Closed Won'],
            probability: ['Deal probability'],
            is_closed: ['Is Deal Closed?'],
          },
        },
      ],
    },
  },
  {
    id: 'cs-platform',
    label: 'CS platform',
    description: 'A customer-success platform account export (Gainsight, ChurnZero, Totango, Vitally style headers).',
    kinds: {
      accounts: [
        {
          fields: {
            account_id: ['Account ID', 'Company ID', 'External ID', 'GSID'],
            name: ['Account Name', 'Company Name', 'Name'],
            segment: ['Segment'],
            industry: ['Industry'],
            region: ['Region'],
            employees: ['Employees'],
            owner_csm: ['CSM', 'CSM Name', 'Customer Success Manager'],
            owner_am: ['Account Executive', 'AM', 'Account Manager'],
            tier: ['Tier', 'Plan'],
            arr: ['ARR'],
            seats_licensed: ['Licensed Seats', 'Seats'],
            contract_start: ['Contract Start', 'Customer Since'],
            renewal_date: ['Renewal Date'],
            health_score: ['Health Score', 'Overall Score'],
            nps: ['NPS'],
            journey_stage: ['Journey Stage', 'Lifecycle Stage'],
            economic_buyer_known: ['Economic Buyer Known', 'Buyer Known'],
          },
        },
      ],
    },
  },
  {
    id: 'mixpanel',
    label: 'Mixpanel',
    description: 'Mixpanel raw event export (distinct_id, time in epoch seconds, $groups company).',
    kinds: {
      events: [
        {
          fields: {
            user_id: ['distinct_id', '$distinct_id'],
            timestamp: ['time', '$time'],
            event_name: ['event', '$event'],
            account_id: ['company_id', '$group_id', 'account_id'],
          },
        },
      ],
    },
  },
  {
    id: 'amplitude',
    label: 'Amplitude',
    description:
      'Amplitude event export: the account comes from the users already imported (user_id), or a group id column.',
    kinds: {
      events: [
        {
          fields: {
            user_id: ['user_id'],
            timestamp: ['event_time', 'client_event_time'],
            event_name: ['event_type'],
            session_id: ['session_id'],
            account_id: ['account_id', 'group_id'],
          },
        },
      ],
    },
  },
  {
    id: 'pendo',
    label: 'Pendo',
    description: 'Pendo account and event exports (visitor and account ids, hourly event rows).',
    kinds: {
      events: [
        {
          fields: {
            account_id: ['account_id'],
            user_id: ['visitor_id'],
            timestamp: ['timestamp'],
            event_name: ['feature_id', 'page_id'],
            event_count: ['num_events'],
          },
        },
      ],
      accounts: [
        {
          when: 'agent_name',
          fields: {
            account_id: ['id', 'account_id'],
            name: ['agent_name', 'salesforce_name'],
            tier: ['agent_planlevel'],
            segment: ['salesforce_segment_c'],
            region: ['salesforce_region_c'],
            owner_am: ['salesforce_account_owner_email_c'],
          },
        },
      ],
    },
  },
  {
    id: 'stripe',
    label: 'Stripe subscriptions',
    description:
      'Stripe Dashboard subscriptions export: one row per customer subscription (as outcomes, or rolled up into accounts).',
    kinds: {
      outcomes: [
        {
          fields: {
            outcome_id: ['id', 'ID'],
            account_id: ['Customer ID', 'customer'],
            stage: ['Status', 'status'],
            seats: ['Quantity', 'quantity'],
            amount: ['Amount', 'amount'],
            opened_date: ['Start (UTC)', 'Start Date (UTC)', 'Created (UTC)', 'created'],
            close_date: ['Ended At (UTC)', 'ended_at'],
          },
        },
      ],
      accounts: [
        {
          fields: {
            account_id: ['Customer ID', 'customer'],
            name: ['Customer Name', 'Customer Description', 'Customer Email'],
            tier: ['Plan', 'Product', 'plan'],
            seats_licensed: ['Quantity', 'quantity'],
            contract_start: ['Start (UTC)', 'Created (UTC)', 'created'],
            renewal_date: ['Current Period End (UTC)', 'current_period_end'],
          },
        },
      ],
    },
  },
  {
    id: 'ravenstack',
    label: 'RavenStack',
    description:
      'The RavenStack SaaS data set: accounts, subscriptions, feature usage, support tickets, churn events. Day-first dates.',
    dateOrder: 'DMY',
    kinds: {
      accounts: [
        {
          fields: {
            account_id: ['account_id'],
            name: ['account_name'],
            industry: ['industry'],
            region: ['country'],
            contract_start: ['signup_date'],
            tier: ['plan_tier'],
            seats_licensed: ['seats'],
          },
        },
      ],
      outcomes: [
        {
          when: 'subscription_id',
          fields: {
            outcome_id: ['subscription_id'],
            account_id: ['account_id'],
            type: ['plan_tier'],
            opened_date: ['start_date'],
            close_date: ['end_date'],
            amount: ['arr_amount'],
            seats: ['seats'],
            is_expansion: ['upgrade_flag'],
            churned: ['churn_flag'],
          },
        },
        {
          when: 'churn_event_id',
          fields: {
            outcome_id: ['churn_event_id'],
            account_id: ['account_id'],
            stage: ['reason_code'],
            close_date: ['churn_date'],
          },
          constants: { type: 'Churn', is_expansion: false, won: false },
        },
      ],
      events: [
        {
          fields: {
            outcome_ref: ['subscription_id'],
            timestamp: ['usage_date'],
            event_name: ['feature_name'],
            event_count: ['usage_count'],
          },
        },
      ],
      tickets: [
        {
          fields: {
            ticket_id: ['ticket_id'],
            account_id: ['account_id'],
            created_at: ['submitted_at'],
            category: ['priority'],
          },
        },
      ],
    },
  },
];

export const presetIds = presets.map((p) => p.id);

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id.toLowerCase());
}

/** The variant of `preset` for `kind` that matches most of `headers`. */
export function presetVariant(preset: Preset, kind: ImportKind, headers: readonly string[]): PresetVariant | undefined {
  const variants = preset.kinds[kind];
  if (!variants || variants.length === 0) return undefined;
  const have = new Set(headers);
  // Variants that name an identifying header apply only to files that have it.
  const eligible = variants.filter((v) => !v.when || have.has(v.when));
  if (eligible.length === 0) return undefined;
  const score = (v: PresetVariant) =>
    (v.when && have.has(v.when) ? 100 : 0) +
    Object.values(v.fields).filter((sources) => sources.some((s) => have.has(s))).length;
  return [...eligible].sort((a, b) => score(b) - score(a))[0];
}
