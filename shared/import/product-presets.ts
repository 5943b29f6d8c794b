// Presets for product-side exports: usage events (Mixpanel, Amplitude, Pendo), Stripe
// subscriptions, and the RavenStack SaaS data set. presets.ts lists them.
import type { Preset } from './presets';

export const productPresets: readonly Preset[] = [
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
