// One alert report in each format: Markdown, Slack Block Kit messages, a CSV of CRM tasks (Salesforce
// Task or HubSpot task import columns) and JSON. Templates (per workspace, else the defaults) shape the
// text; every value is escaped for the format it lands in.
import type { AlertReport } from './alerts';
import { escapeCsv, escapeMarkdown, escapeSlack, escaperFor, type CrmKind } from './escape';
import { addDays } from '../dates';
import { header, packMessages, section, type SlackBlock, type SlackMessage } from './slack';
import { renderTemplate, type TemplateKind } from './templates';
import { alertView, reportView } from './views';

export type Templates = Partial<Record<TemplateKind, string>>;
export { crmKinds, type CrmKind } from './escape';

export function alertsMarkdown(report: AlertReport, templates: Templates = {}): string {
  return renderTemplate('alerts-markdown', templates['alerts-markdown'], reportView(report), escapeMarkdown);
}

export function alertsSlack(report: AlertReport, templates: Templates = {}): { messages: SlackMessage[] } {
  const view = reportView(report);
  const title = `${view.stageName} alerts: ${view.count} new since ${view.since}`;
  const notification = `${escapeSlack(view.stageName)} alerts: ${view.count} new since ${view.since}`;
  const lead: SlackBlock[] = [
    header(title),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeSlack(`${view.pack} · as of ${view.asOf} · ${view.scope}`) }],
    },
  ];
  const groups = view.alerts.map((alert): SlackBlock[] => {
    const text = renderTemplate('alerts-slack', templates['alerts-slack'], alert, escapeSlack).trim();
    return [...(text ? [section(text)] : []), { type: 'divider' }];
  });
  if (groups.length === 0) groups.push([section(escapeSlack(view.none))]);
  return { messages: packMessages(lead, groups, notification) };
}

const salesforcePriority = { high: 'High', medium: 'Normal', low: 'Low' } as const;
const hubspotPriority = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW' } as const;
/** Days until a task is due, by the alert's urgency. */
export const dueInDays = { high: 2, medium: 7, low: 14 } as const;
const salesforceUserId = /^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
const salesforceAccountId = /^001[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

export const crmColumns: Record<CrmKind, readonly string[]> = {
  // Salesforce Task fields as Data Loader maps them; OwnerId and WhatId only when the values are Salesforce ids.
  salesforce: [
    'Subject',
    'Description',
    'ActivityDate',
    'Priority',
    'Status',
    'Type',
    'OwnerId',
    'WhatId',
    'Owner Name',
    'Account Name',
    'Account Id',
  ],
  // HubSpot's task import properties; the company is matched on its domain.
  hubspot: [
    'Task Title',
    'Notes',
    'Due Date',
    'Priority',
    'Task Type',
    'Task Status',
    'Activity assigned to',
    'Company Domain Name',
    'Company name',
    'Account Id',
  ],
};

export function alertsCsv(report: AlertReport, crm: CrmKind, templates: Templates = {}): string {
  const text = escaperFor('csv');
  const lines = [crmColumns[crm].map(escapeCsv).join(',')];
  for (const alert of report.alerts) {
    const view = alertView(alert);
    const subject = renderTemplate('alerts-task-subject', templates['alerts-task-subject'], view, text).trim();
    const body = renderTemplate('alerts-task-body', templates['alerts-task-body'], view, text).trim();
    const due = addDays(report.asOf, dueInDays[alert.urgency]);
    const owner = alert.ownerCsm ?? '';
    const cells =
      crm === 'salesforce'
        ? [
            subject,
            body,
            due,
            salesforcePriority[alert.urgency],
            'Not Started',
            'Other',
            salesforceUserId.test(owner) ? owner : '',
            salesforceAccountId.test(alert.accountId) ? alert.accountId : '',
            owner,
            alert.name,
            alert.accountId,
          ]
        : [
            subject,
            body,
            due,
            hubspotPriority[alert.urgency],
            'TODO',
            'NOT_STARTED',
            owner,
            alert.domain ?? '',
            alert.name,
            alert.accountId,
          ];
    lines.push(cells.map(escapeCsv).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const alertsJson = (report: AlertReport): string => `${JSON.stringify(report, null, 2)}\n`;
