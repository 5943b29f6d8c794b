// The corpus: the mapping suggested without a preset for every public sample export in
// test/fixtures/samples and for header rows written from the export documentation of Salesforce, HubSpot,
// Gainsight, ChurnZero, Totango, Mixpanel, Amplitude, Pendo, Stripe, Chargebee and Zendesk
// (test/fixtures/own-data/corpus). Each file's canonical fields are pinned exactly; every other
// column is kept as a custom field. A change to header words or value checks shows up here.
import { join } from 'node:path';
import type { ImportKind } from '#shared/domain/workspace';
import { suggestPlan } from '#shared/import/suggest';
import { analyzeFile } from '../../../electron/backend/import/analyze';
import { repoRoot } from '../../helpers/temp';

const samples = join(repoRoot, 'test', 'fixtures', 'samples');
const own = join(repoRoot, 'test', 'fixtures', 'own-data');

interface Case {
  file: string;
  kind: ImportKind;
  /** Source header → canonical field, for every column not kept as a custom field. */
  fields: Record<string, string>;
  /** The first blocker, when the plan cannot go ahead as suggested. */
  blocker?: string;
}

const corpus: Case[] = [
  {
    file: 'salesforce-demo/Account.csv',
    kind: 'accounts',
    fields: {
      Id: 'account_id',
      Name: 'name',
      BillingState: 'region',
      Industry: 'industry',
      NumberOfEmployees: 'employees',
    },
  },
  {
    file: 'salesforce-demo/Opportunity.csv',
    kind: 'outcomes',
    fields: {
      Id: 'outcome_id',
      AccountId: 'account_id',
      StageName: 'stage',
      Amount: 'amount',
      Probability: 'probability',
      CloseDate: 'close_date',
      IsClosed: 'is_closed',
      IsWon: 'won',
      CreatedDate: 'opened_date',
    },
  },
  {
    file: 'salesforce-demo/OpportunityHistory.csv',
    kind: 'outcomes',
    fields: {
      Id: 'outcome_id',
      CreatedDate: 'opened_date',
      StageName: 'stage',
      Amount: 'amount',
      CloseDate: 'close_date',
      Probability: 'probability',
    },
    blocker: 'No column is mapped to Account ID (account_id), which outcomes need.',
  },
  {
    file: 'salesforce-demo/Contact.csv',
    kind: 'users',
    fields: {
      Id: 'user_id',
      AccountId: 'account_id',
      Email: 'email',
      Title: 'role',
      Department: 'department',
      LastActivityDate: 'last_active',
      Name: 'name',
    },
  },
  {
    file: 'salesforce-demo/Lead.csv',
    kind: 'users',
    fields: {
      Id: 'user_id',
      Name: 'name',
      Title: 'role',
      Email: 'email',
      ConvertedAccountId: 'account_id',
      LastActivityDate: 'last_active',
    },
  },
  {
    file: 'salesforce-datacloud/Account.csv',
    kind: 'accounts',
    fields: {
      Id: 'account_id',
      Name: 'name',
      BillingState: 'region',
      Website: 'domain',
      Industry: 'industry',
      NumberOfEmployees: 'employees',
      OwnerId: 'owner_am',
    },
  },
  {
    file: 'salesforce-datacloud/Opportunity.csv',
    kind: 'outcomes',
    fields: {
      Id: 'outcome_id',
      AccountId: 'account_id',
      StageName: 'stage',
      Amount: 'amount',
      Probability: 'probability',
      CloseDate: 'close_date',
      Type: 'type',
      IsClosed: 'is_closed',
      IsWon: 'won',
      CreatedDate: 'opened_date',
    },
  },
  {
    file: 'salesforce-datacloud/Case.csv',
    kind: 'tickets',
    fields: {
      Id: 'ticket_id',
      AccountId: 'account_id',
      Type: 'category',
      Status: 'status',
      Subject: 'subject',
      Description: 'body',
      CreatedDate: 'created_at',
    },
  },
  {
    file: 'salesforce-datacloud/Contact.csv',
    kind: 'users',
    fields: {
      Id: 'user_id',
      AccountId: 'account_id',
      Name: 'name',
      Email: 'email',
      Title: 'role',
      Department: 'department',
      CreatedDate: 'created_at',
      LastActivityDate: 'last_active',
    },
  },
  {
    file: 'ravenstack/ravenstack_accounts.csv',
    kind: 'accounts',
    fields: {
      account_id: 'account_id',
      account_name: 'name',
      industry: 'industry',
      country: 'region',
      signup_date: 'contract_start',
      plan_tier: 'tier',
      seats: 'seats_licensed',
    },
  },
  {
    file: 'ravenstack/ravenstack_subscriptions.csv',
    kind: 'outcomes',
    fields: {
      subscription_id: 'outcome_id',
      account_id: 'account_id',
      start_date: 'opened_date',
      end_date: 'close_date',
      seats: 'seats',
      arr_amount: 'amount',
      upgrade_flag: 'is_expansion',
      churn_flag: 'churned',
    },
  },
  {
    file: 'ravenstack/ravenstack_churn_events.csv',
    kind: 'outcomes',
    fields: { account_id: 'account_id' },
    blocker: 'No column is mapped to Opportunity / outcome ID (outcome_id), which outcomes need.',
  },
  {
    file: 'ravenstack/ravenstack_feature_usage.csv',
    kind: 'events',
    fields: {
      subscription_id: 'outcome_ref',
      usage_date: 'timestamp',
      feature_name: 'event_name',
      usage_count: 'event_count',
    },
  },
  {
    file: 'ravenstack/ravenstack_support_tickets.csv',
    kind: 'tickets',
    fields: { ticket_id: 'ticket_id', account_id: 'account_id', submitted_at: 'created_at' },
  },
  {
    file: 'amplitude/amplitude_event_data.csv',
    kind: 'events',
    fields: { event_time: 'timestamp', event_type: 'event_name', session_id: 'session_id', user_id: 'user_id' },
  },
  {
    file: 'pendo/account_history.csv',
    kind: 'accounts',
    fields: {
      id: 'account_id',
      agent_name: 'name',
      salesforce_customer_health_engagement_score_c: 'health_score',
      salesforce_segment_c: 'segment',
      salesforce_account_owner_email_c: 'owner_am',
      salesforce_region_c: 'region',
    },
  },
  {
    file: 'pendo/event.csv',
    kind: 'events',
    fields: {
      account_id: 'account_id',
      timestamp: 'timestamp',
      visitor_id: 'user_id',
      num_events: 'event_count',
      page_id: 'event_name',
    },
  },
  {
    file: 'pendo/feature_event.csv',
    kind: 'events',
    fields: {
      account_id: 'account_id',
      feature_id: 'event_name',
      timestamp: 'timestamp',
      visitor_id: 'user_id',
      num_events: 'event_count',
    },
  },
  { file: 'pendo/group_data.csv', kind: 'accounts', fields: { id: 'account_id', name: 'name' } },
  {
    file: 'corpus/salesforce-opportunity-report.csv',
    kind: 'outcomes',
    fields: {
      'Opportunity ID': 'outcome_id',
      'Account ID': 'account_id',
      Type: 'type',
      Stage: 'stage',
      Amount: 'amount',
      'Probability (%)': 'probability',
      'Close Date': 'close_date',
      'Created Date': 'opened_date',
      Closed: 'is_closed',
      Won: 'won',
    },
  },
  {
    file: 'corpus/salesforce-account-report.csv',
    kind: 'accounts',
    fields: {
      'Account ID': 'account_id',
      'Account Name': 'name',
      'Billing Country': 'region',
      Industry: 'industry',
      Employees: 'employees',
      'Account Owner': 'owner_am',
    },
  },
  {
    file: 'corpus/hubspot-companies.csv',
    kind: 'accounts',
    fields: {
      'Record ID': 'account_id',
      'Company name': 'name',
      'Company Domain Name': 'domain',
      'Company owner': 'owner_am',
      Industry: 'industry',
      'Number of Employees': 'employees',
      'Country/Region': 'region',
    },
  },
  {
    file: 'corpus/hubspot-deals.csv',
    kind: 'outcomes',
    fields: {
      'Record ID': 'outcome_id',
      'Deal Stage': 'stage',
      'Close Date': 'close_date',
      Amount: 'amount',
      'Deal Type': 'type',
      'Create Date': 'opened_date',
      'Associated Company IDs': 'account_id',
      'Deal probability': 'probability',
      'Is Closed Won': 'won',
    },
  },
  {
    file: 'corpus/gainsight-company.csv',
    kind: 'accounts',
    fields: {
      GSID: 'account_id',
      Name: 'name',
      ARR: 'arr',
      Industry: 'industry',
      Employees: 'employees',
      'Original Contract Date': 'contract_start',
      'Renewal Date': 'renewal_date',
      CSM: 'owner_csm',
      'Overall Score': 'health_score',
    },
  },
  {
    file: 'corpus/churnzero-accounts.csv',
    kind: 'accounts',
    fields: {
      'Account External ID': 'account_id',
      'Account Name': 'name',
      Owner: 'owner_am',
      'Start Date': 'contract_start',
      'Next Renewal Date': 'renewal_date',
      'License Count': 'seats_licensed',
    },
  },
  {
    file: 'corpus/totango-accounts.csv',
    kind: 'accounts',
    fields: {
      'Account ID': 'account_id',
      'Account Name': 'name',
      'Contract Value': 'arr',
      'Contract Renewal Date': 'renewal_date',
      Licenses: 'seats_licensed',
      'Success Manager': 'owner_csm',
      'Account Manager': 'owner_am',
    },
  },
  {
    file: 'corpus/mixpanel-events.csv',
    kind: 'events',
    fields: { event: 'event_name', distinct_id: 'user_id', time: 'timestamp', company_id: 'account_id' },
  },
  {
    file: 'corpus/amplitude-events.csv',
    kind: 'events',
    fields: { event_type: 'event_name', user_id: 'user_id', event_time: 'timestamp', session_id: 'session_id' },
  },
  {
    file: 'corpus/amplitude-export.json',
    kind: 'events',
    fields: {
      event_type: 'event_name',
      user_id: 'user_id',
      event_time: 'timestamp',
      session_id: 'session_id',
      'groups.company': 'account_id',
    },
  },
  { file: 'corpus/pendo-accounts.csv', kind: 'accounts', fields: { 'Account ID': 'account_id' } },
  {
    file: 'corpus/stripe-subscriptions.csv',
    kind: 'outcomes',
    fields: {
      id: 'outcome_id',
      'Customer ID': 'account_id',
      Quantity: 'seats',
      Amount: 'amount',
      Status: 'stage',
      'Created (UTC)': 'opened_date',
      'Ended At (UTC)': 'close_date',
    },
  },
  {
    file: 'corpus/chargebee-subscriptions.csv',
    kind: 'outcomes',
    fields: {
      'Subscription Id': 'outcome_id',
      'Customer Id': 'account_id',
      'Plan Quantity': 'seats',
      Status: 'stage',
      'Created At': 'opened_date',
      'Canceled On': 'close_date',
    },
  },
  {
    file: 'corpus/zendesk-tickets.csv',
    kind: 'tickets',
    fields: {
      id: 'ticket_id',
      subject: 'subject',
      description: 'body',
      type: 'category',
      status: 'status',
      organization_id: 'account_id',
      created_at: 'created_at',
    },
  },
  // The fixtures of issue 9's problem 4 (test/fixtures/own-data).
  {
    file: 'crm-accounts.csv',
    kind: 'accounts',
    fields: {
      'Account Health Score': 'health_score',
      'Account Name': 'name',
      External_ID: 'account_id',
      Industry: 'industry',
      ARR: 'arr',
      CSM: 'owner_csm',
    },
  },
  {
    file: 'snapshot-day-counts.csv',
    kind: 'accounts',
    fields: {
      'Account ID': 'account_id',
      'Account Name': 'name',
      'Customer Since': 'contract_start',
      Seats: 'seats_licensed',
    },
  },
  {
    file: 'order-lines.csv',
    kind: 'accounts',
    // The contact's name is not the account's name; the grain stops the import until it is rolled up.
    fields: { 'Customer ID': 'account_id', Quantity: 'seats_licensed' },
    blocker:
      '62 rows name 12 distinct "Customer ID" values (5.2 rows each): this looks like order lines, not one row per account. Import it as outcomes or events, or roll it up into accounts (one row per "Customer ID": ARR the sum of its active rows, seats their sum).',
  },
  {
    file: 'health-percent.csv',
    kind: 'accounts',
    fields: { 'Account ID': 'account_id', 'Account Name': 'name', 'Health Score': 'health_score' },
  },
];

const pathOf = (file: string) =>
  file.startsWith('corpus/') || !file.includes('/') ? join(own, file) : join(samples, file);

async function planOf(c: Case) {
  const a = await analyzeFile(pathOf(c.file));
  return suggestPlan({ kind: c.kind, headers: a.headers, profiles: a.profiles });
}

describe('mapping corpus (no preset)', () => {
  it('covers every sample export in test/fixtures/samples and at least 12 documented vendor header rows', () => {
    const vendor = corpus.filter((c) => c.file.startsWith('corpus/'));
    expect(vendor.length).toBeGreaterThanOrEqual(12);
    for (const name of ['salesforce', 'hubspot', 'gainsight', 'churnzero', 'totango', 'mixpanel', 'amplitude']) {
      expect(vendor.some((c) => c.file.includes(name))).toBe(true);
    }
    for (const name of ['pendo', 'stripe', 'chargebee', 'zendesk']) {
      expect(vendor.some((c) => c.file.includes(name))).toBe(true);
    }
  });

  for (const c of corpus) {
    it(`${c.file} as ${c.kind}`, async () => {
      const plan = await planOf(c);
      const mapped = Object.fromEntries(plan.columns.filter((p) => p.field !== null).map((p) => [p.source, p.field]));
      expect(mapped).toEqual(c.fields);
      expect(plan.columns.filter((p) => p.field === null).every((p) => p.reason === 'kept as a custom field')).toBe(
        true,
      );
      expect(plan.blockers[0]).toBe(c.blocker);
      // Every suggestion says why and how sure it is.
      for (const p of plan.columns) {
        expect(p.detail.length).toBeGreaterThan(0);
        expect(p.confidence).toBeGreaterThanOrEqual(0);
        expect(p.confidence).toBeLessThanOrEqual(1);
      }
    });
  }
});
