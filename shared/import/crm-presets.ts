// Presets for the systems of record analysts export accounts and deals from: Salesforce (Data
// Loader and report exports), HubSpot and the customer-success platforms. presets.ts lists them.
import type { Preset } from './presets';

export const crmPresets: readonly Preset[] = [
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
];
